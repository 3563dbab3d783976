import type { Block } from '../../model/block-schema';
import type { Related } from '../../model/related-schema';
import { HEADLINE_VERB_BASES, HEADLINE_VERBS } from './headline-verbs';
import { trimEndChars } from '../../text/trim-end-chars';

export interface ClassifiedLines {
  body: Block[];
  related: Related[];
  /** Lines dropped as page furniture ("Advertisement"). */
  dropped: string[];
}

// A sentence ends in . ? ! or an ellipsis, maybe inside closing quotes or brackets, or in a closing
// quote; footnote marks ("[12]") may follow.
const SENTENCE_END = /(?:[.?!…][\s"'”’»)\]]*|["”’»])(?:\s*\[[^\]]{0,24}\])*$/u;
// Lines that continue, introduce or annotate other text are never headlines.
const NOT_HEADLINE_END = /[,;:\-–—(\])]$/u;
const INNER_SENTENCE_BREAK = /[.?!]["”’]?\s+["“‘]?\p{Lu}/u;
const WEAK_END =
  /\s(?:a|an|the|of|in|on|at|to|for|from|by|with|and|or|but|as|that|which|who|is|are|was|were|be|has|have|its|their|his|her|our|your|if|than|then|such)$/iu;
const CREDIT =
  /^by\s+\p{Lu}|\b(?:photo|photograph|image|portrait|illustration|credit|caption|video|source|copyright|©)s?\b/iu;
const MARKER =
  /^(?:read also|also read|read more|see also|related(?: stories| articles?| news)?|recommended|must read)\s*[:|»>-]\s*/iu;
const KICKER = /^([\p{Lu}\d][\p{L}\d'’.&-]*(?:\s+[\p{L}\d'’.&-]+){0,2}):\s+(?=\S)/u;
// Only words that are never part of a story; "Share" or "Comment" may be (a heading, a list).
const FURNITURE =
  /^(?:advertisement|advert|sponsored(?: content)?|skip (?:to )?(?:ad|content)|story continues below(?: advertisement)?)$/iu;

const MIN_TEASER_WORDS = 4;
const MAX_TEASER_WORDS = 16;
const MAX_HEADING_WORDS = 8;

function words(line: string): string[] {
  return line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

const bare = (w: string) => w.toLowerCase().replace(/[^\p{L}]/gu, '');

export function isSentence(line: string): boolean {
  return SENTENCE_END.test(line);
}

// Plural nouns without a final "s", which take a base-form verb ("Police arrest three").
const PLURAL_SUBJECTS = new Set([
  'police',
  'people',
  'children',
  'men',
  'women',
  'staff',
  'youth',
  'voters',
  'we',
  'they',
]);

/** The finite verb that makes a line read as a news headline ("bans", "said", "others approve"). */
function headlineVerb(ws: readonly string[]): string | undefined {
  // The first word is skipped: "Back to school" or "Put luggage on the floor" are not events.
  for (let i = 1; i < ws.length; i++) {
    const w = bare(ws[i]!);
    if (HEADLINE_VERBS.has(w)) return w;
    if (HEADLINE_VERB_BASES.has(w) && (/s,?$/u.test(ws[i - 1]!) || PLURAL_SUBJECTS.has(bare(ws[i - 1]!))))
      return w;
  }
  return undefined;
}

/** A line with the shape of a headline: no closing punctuation, a capital first, at most 16 words. */
export function looksLikeHeadline(line: string): boolean {
  const ws = words(line);
  return (
    ws.length > 0 &&
    ws.length <= MAX_TEASER_WORDS &&
    !isSentence(line) &&
    !NOT_HEADLINE_END.test(line) &&
    !WEAK_END.test(line) &&
    !INNER_SENTENCE_BREAK.test(line) &&
    /^[\p{Lu}\p{N}"“‘'«]/u.test(line)
  );
}

/** Why a headline-shaped line is a link to another story, or undefined when it is not one. */
function teaserReason(line: string): string | undefined {
  if (CREDIT.test(line)) return undefined;
  const kicker = KICKER.exec(line);
  const ws = words(kicker ? line.slice(kicker[0].length) : line);
  if (ws.length < MIN_TEASER_WORDS) return undefined;
  const verb = headlineVerb(ws);
  if (!verb) return undefined;
  return kicker
    ? `headline with a kicker ("${kicker[1]}:") and a finite verb ("${verb}"), no closing punctuation, between paragraphs`
    : `reads as a news headline (finite verb "${verb}"), no closing punctuation, between paragraphs`;
}

/**
 * Sorts the lines of a scraped story into body blocks and teasers (links to other stories).
 *
 * A sentence (ending in . ? ! … or a closing quote) is always body. After the first paragraph, a
 * headline-shaped line (no closing punctuation, a capital first, 4 to 16 words, no sentence break
 * inside, not ending on a function word) is a teaser when it reports an event the way headlines do:
 * with a finite verb ("junta bans", "Macron said", "others approve"), maybe after a kicker ("UNGA:").
 * A subheading of the story is told apart by having no such verb: it is a noun phrase ("The road
 * ahead"), at most 8 words, leading into a sentence. Every other line stays a paragraph: keeping a
 * stray link is better than removing a line of the story. Lines marked "READ ALSO:" are teasers outright.
 */
export function classifyLines(lines: readonly string[]): ClassifiedLines {
  const body: Block[] = [];
  const related: Related[] = [];
  const dropped: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FURNITURE.test(line)) {
      dropped.push(line);
      continue;
    }
    const marker = MARKER.exec(line);
    if (marker && line.length > marker[0].length && !isSentence(line)) {
      related.push({
        title: line.slice(marker[0].length).trim(),
        reason: `marked as a link to another story ("${trimEndChars(marker[0], ' :|»>-')}")`,
        block: body.length,
      });
      continue;
    }
    const md = /^(#{1,6})\s+(\S.*)$|^(?:[-*•]|\d{1,3}[.)])\s+(\S.*)$|^>\s?(\S.*)$/u.exec(line);
    if (md) {
      if (md[2]) body.push({ kind: 'heading', text: md[2] });
      else if (md[3]) body.push({ kind: 'list-item', text: md[3] });
      else if (md[4]) body.push({ kind: 'blockquote', text: md[4] });
      continue;
    }
    const afterStoryBegan = body.some((b) => b.kind === 'paragraph');
    if (!afterStoryBegan || !looksLikeHeadline(line)) {
      body.push({ kind: 'paragraph', text: line });
      continue;
    }
    const reason = teaserReason(line);
    const next = lines[i + 1];
    if (reason) related.push({ title: line, reason, block: body.length });
    else if (words(line).length <= MAX_HEADING_WORDS && next !== undefined && isSentence(next))
      body.push({ kind: 'heading', text: line });
    else body.push({ kind: 'paragraph', text: line });
  }
  return { body, related, dropped };
}
