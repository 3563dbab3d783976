import type { Quote } from '../model/quote-schema';
import { joinQuotation } from '../text/join-quotation';
import type { LinkedMention } from './link-entities';
import {
  aboutAThing,
  descriptionAfter,
  descriptionBefore,
  documentVoiceAfter,
  inPrepositionalPhrase,
  onlyTitleBetween,
  organisationVoice,
} from './speaker-cues';

const MAX_SENTENCE = 500;
// How far back a pronoun looks for its speaker, in speech events or mentions.
const MAX_LOOKBACK = 200;

const OPENERS = new Set(['“', '«', '„', '「', '『']);
const CLOSERS = new Set(['”', '»', '」', '』']);

// Reporting verbs (and "according to"); the first group that matches is the quote's verb.
const VERB_RE =
  /\b(according to|pointed out|(?:said|says|say|saying|countered|counters|retorted|quipped|reiterated|reiterates|told|tells|added|adds|adding|argued|argues|argue|accuse|accuses|stated|states|explained|explains|warned|warns|insisted|insists|claimed|claims|noted|notes|wrote|writes|asked|asks|replied|replies|reaffirmed|reaffirms|called|calls|described|describes|declared|declares|announced|announces|acknowledged|acknowledges|admitted|admits|suggested|suggests|urged|urges|continued|continues|commented|remarked|stressed|stresses|recalled|recalls|conceded|concedes|boasted|complained|complains|predicted|predicts|promised|vowed|joked|confirmed|confirms|denied|denies|branded|dubbed|labelled|labeled|accused|tweeted|agreed|believes|thinks|thought|feels|felt|insisted|revealed|reveals|answered|responded|maintained|maintains|cautioned|estimated|reckons|reckoned|observed|emphasised|emphasized|underlined|repeated|described|pledged|pledges|criticised|criticises|criticized|criticizes|remarks|alleged|alleges|alleging))\b/giu;

interface Span {
  block: number;
  start: number;
  endBlock: number;
  end: number;
}

/**
 * Whether the first quotation mark of a paragraph closes a quotation (`back-flip", said…`, `…flip.” He`):
 * the quotation left open at the end of the paragraph before runs on into this one although the text lost
 * the mark that would reopen it (a paragraph break lost in the middle of a quotation).
 */
function closesFirst(text: string, straight: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (straight ? ch === '"' : OPENERS.has(ch)) {
      if (!straight) return false;
      return i > 0 && /\S/.test(text[i - 1]!) && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
    }
    if (!straight && CLOSERS.has(ch)) return true;
  }
  return false;
}

/** Quotation spans (between the marks) over the blocks; a quote may reopen at the start of a later block. */
function findQuoteSpans(blocks: readonly string[]): Span[] {
  const spans: Span[] = [];
  let open: { block: number; start: number; straight: boolean } | undefined;
  blocks.forEach((text, b) => {
    if (open && open.block !== b) {
      // A quotation runs on into this paragraph only when the paragraph reopens it.
      const first = text.trimStart().charAt(0);
      const reopens = open.straight ? first === '"' : OPENERS.has(first);
      if (!reopens && !closesFirst(text, open.straight)) {
        const prev = blocks[b - 1]!;
        if (open.block === b - 1 && prev.length > open.start)
          spans.push({ block: open.block, start: open.start, endBlock: b - 1, end: prev.length });
        open = undefined;
      }
    }
    // Index of the first non-space character: "is there text before i" in constant time.
    const firstText = text.search(/\S/);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (OPENERS.has(ch)) {
        if (!open || open.block === b) open = { block: b, start: i + 1, straight: false };
        else if (i > firstText) open = { block: b, start: i + 1, straight: false };
      } else if (CLOSERS.has(ch) && open && !open.straight) {
        spans.push({ block: open.block, start: open.start, endBlock: b, end: i });
        open = undefined;
      } else if (ch === '"') {
        // A mark after a space and before a word opens a quotation even if one is open: the text lost
        // the paragraph break where the previous one was left open ("…did. "But he…").
        const opensWord = (i === 0 || /\s/.test(text[i - 1]!)) && /[\p{L}\p{N}'‘]/u.test(text[i + 1] ?? '');
        if (open?.straight && open.block !== b && i === firstText && opensWord) {
          // The mark that reopens the quotation in this paragraph: it runs on.
        } else if (open?.straight && opensWord && (open.block !== b || i > open.start)) {
          const floor = open.block === b ? open.start : 0;
          let end = i;
          while (end > floor && /\s/.test(text[end - 1]!)) end--;
          if (end > floor || open.block !== b)
            spans.push({ block: open.block, start: open.start, endBlock: b, end });
          open = { block: b, start: i + 1, straight: true };
        } else if (open?.straight && (open.block !== b || i > firstText)) {
          spans.push({ block: open.block, start: open.start, endBlock: b, end: i });
          open = undefined;
        } else if (!open || open.block === b || i > firstText) {
          open = { block: b, start: i + 1, straight: true };
        }
      }
    }
  });
  if (open) {
    const last = blocks[blocks.length - 1]!;
    if (open.block === blocks.length - 1 && last.length > open.start)
      spans.push({ block: open.block, start: open.start, endBlock: open.block, end: last.length });
  }
  return spans.filter((s) => s.block !== s.endBlock || s.end > s.start);
}

/** Start of the sentence that contains `at` (the writer's sentence, skipping quoted text). */
function sentenceStart(text: string, at: number): number {
  // A writer's sentence is not longer than this; the bound keeps long texts linear.
  const floor = Math.max(0, at - MAX_SENTENCE);
  for (let i = at - 1; i > floor; i--) {
    const ch = text[i]!;
    if ((ch === ' ' || ch === '\n') && /[.!?]["”’)]?$/.test(text.slice(Math.max(0, i - 2), i))) {
      // "U.S. " and "Mr. " do not end sentences.
      const word = text.slice(Math.max(text.lastIndexOf(' ', i - 1), text.lastIndexOf('\n', i - 1)) + 1, i);
      if (/^(?:\p{L}\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Prof)\.$/u.test(word)) continue;
      if (/^\p{Lu}|^["“]/u.test(text.slice(i + 1, i + 2))) return i + 1;
    }
  }
  return floor === 0 ? 0 : text.indexOf(' ', floor) + 1;
}

function sentenceEnd(text: string, at: number): number {
  const window = text.slice(at, at + MAX_SENTENCE);
  const m = /[.!?](?=\s+["“]?\p{Lu})|[.!?]$/u.exec(window);
  return m ? at + m.index + 1 : at + window.length;
}

/** Index of the first mention (sorted by start) starting at or after `from`. */
function firstAtOrAfter(mentions: readonly LinkedMention[], from: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The writer's sentence before the one starting at `start` of `block` (in the previous block at a block start). */
function previousSentence(
  blocks: readonly string[],
  block: number,
  start: number,
): { block: number; start: number; end: number } | undefined {
  if (start > 0) return { block, start: sentenceStart(blocks[block]!, start - 1), end: start };
  if (block === 0) return undefined;
  const text = blocks[block - 1]!;
  return { block: block - 1, start: sentenceStart(text, text.length), end: text.length };
}

interface SpeechEvent {
  block: number;
  at: number;
  mention: LinkedMention;
  /**
   * Set on a quote's speaker (absent on reported speech): true when the quote is only sourced to them
   * ("according to X"), whose words then do not run on into the next quotation.
   */
  sourced?: boolean;
  /** The block where the speaker's quote ends (a quote may run over paragraphs). */
  endBlock?: number;
}

/** Number of events strictly before (block, at); events are sorted by position. */
function countBefore(events: readonly { block: number; at: number }[], block: number, at: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = events[mid]!;
    if (e.block < block || (e.block === block && e.at < at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Words that may stand between a subject and its verb ("he has previously called", "she later added").
const FILLERS = new Set([
  'has',
  'had',
  'have',
  'also',
  'later',
  'then',
  'previously',
  'again',
  'once',
  'will',
  'would',
  'went',
  'on',
  'to',
]);
const isFiller = (w: string) => FILLERS.has(w) || (w.length > 3 && w.endsWith('ly'));

/** "…he previously" before a verb: the pronoun and where it starts, walking back over filler words. */
function pronounEnding(before: string): { 0: string; 1: string; index: number } | undefined {
  const words = before.trimEnd().split(/\s+/);
  let k = words.length - 1;
  while (k >= 0 && isFiller(words[k]!.toLowerCase())) k--;
  const word = words[k]?.toLowerCase();
  if (word !== 'he' && word !== 'she') return undefined;
  const index = before.trimEnd().length - words.slice(k).join(' ').length;
  return { 0: words.slice(k).join(' '), 1: word, index };
}

// Verbs whose object is the listener ("told the Daily Mail", "asked Reuters").
const LISTENER_VERB = /^(told|tells|asked|asks|urged|urges|accused|branded|dubbed|called|calls)$/;

/** Whether the text before a name ends with a reporting verb and perhaps a title ("said Mr "). */
function saidBefore(before: string): boolean {
  VERB_RE.lastIndex = 0;
  const verbs = [...before.matchAll(VERB_RE)];
  const v = verbs[verbs.length - 1];
  if (!v || (LISTENER_VERB.test(v[1]!.toLowerCase()) && v[1]!.toLowerCase() !== 'told')) return false;
  // "observed Jack Boorman", "said Sun's chief operating officer Jonathan Schwartz": a title may stand between.
  return onlyTitleBetween(before.slice(v.index + v[0].length));
}

/** Whether the words between a name and a verb are only fillers, or one aside between commas. */
function onlyFillerOrAside(between: string): boolean {
  // "Mr Hirsch from Retail Banking Research said": where the speaker is from.
  let rest = between.replace(/^\s+(?:from|of|at)(?:\s+(?:the\s+)?\p{Lu}[\p{L}'’&.-]*){1,5}/u, '');
  if (rest.startsWith(',')) {
    const close = rest.indexOf(',', 1);
    // A relative clause may run longer than other asides ("Cate Blanchett, who won for playing … , said").
    const longest = /^,\s*who\b/.test(rest) ? 150 : 72;
    if (close < 0 || close > longest || /[."“”]/.test(rest.slice(1, close))) return false;
    rest = rest.slice(close + 1);
  }
  // "Staunton, 49, who told…": the verb of a relative clause is the name's own.
  return rest
    .trim()
    .split(/\s+/)
    .every((w, i, all) => w === '' || isFiller(w) || (w === 'who' && i === all.length - 1));
}

interface Attribution {
  verb?: string;
  mention?: LinkedMention;
  pronoun?: 'he' | 'she';
  /** A description standing for the speaker: "prop" in "the prop said". */
  description?: string;
  /** An organisation unnamed at the verb speaks: "it said", "the firm said", "a spokesman added". */
  organisation?: boolean;
  /** The verb has content of its own ("he also promised to end…", "warned that…"), not the quotation. */
  ownContent?: boolean;
}

// "to" or "that" opening what a verb reports; "to" before a listener ("said to reporters") does not.
const OWN_CONTENT =
  /^\s+(?:that\b|to\s+(?!(?:the|a|an|his|her|its|their|our|my|your|me|him|them|us|reporters|journalists)\b)\p{Ll})/u;

/** The text before a verb without the filler words that may stand before it ("the minister also"). */
function withoutFillers(before: string): string {
  const words = before.trimEnd().split(/\s+/);
  let k = words.length;
  while (k > 0 && isFiller(words[k - 1]!.toLowerCase())) k--;
  return words.slice(0, k).join(' ');
}

/** A reporting verb found in a window of a block, and what the window names. */
interface VerbWindow {
  text: string;
  from: number;
  to: number;
  side: 'before' | 'after';
  verb: string;
  verbStart: number;
  verbEnd: number;
  /** People and organisations named in the window, not as a possessive. */
  speakers: LinkedMention[];
  /** The text before the verb without the filler words in front of it. */
  lead: string;
}

/**
 * The reporting verb of a window: after a quote the attribution comes first; before it, the verb nearest
 * the quote. After a quote the verb comes early, or ends the sentence ("…”, the British Chamber of
 * Commerce has said.").
 */
function findVerb(
  text: string,
  from: number,
  to: number,
  side: 'before' | 'after',
): { verb: string; verbStart: number; verbEnd: number } | undefined {
  const window = text.slice(from, to);
  VERB_RE.lastIndex = 0;
  const verbs = [...window.matchAll(VERB_RE)];
  if (verbs.length === 0) return undefined;
  const m = side === 'after' ? verbs[0]! : verbs[verbs.length - 1]!;
  const verbStart = from + m.index;
  const verbEnd = verbStart + m[0].length;
  if (side === 'after' && m.index > 60 && (m.index > 110 || !/^\s*\./.test(text.slice(verbEnd, verbEnd + 3))))
    return undefined;
  return { verb: m[1]!.toLowerCase(), verbStart, verbEnd };
}

/** The people and organisations named in the window who may speak. */
function windowSpeakers(
  text: string,
  from: number,
  to: number,
  mentions: readonly LinkedMention[],
): LinkedMention[] {
  const speakers: LinkedMention[] = [];
  for (let k = firstAtOrAfter(mentions, from); k < mentions.length && mentions[k]!.start < to; k++) {
    const x = mentions[k]!;
    // A possessive is not the speaker: "Mr Sigarchi's lawyer labelled…".
    if (/^['’](?:s\b|\s)/.test(text.slice(x.end, x.end + 3))) continue;
    // "the Bishop said": a one-word name after "the" is a title the tagger took for a name.
    if (
      x.entity.type === 'person' &&
      !x.entity.name.includes(' ') &&
      /\bthe\s+$/.test(text.slice(Math.max(0, x.start - 4), x.start))
    )
      continue;
    if (!x.demonym && x.end <= to && (x.entity.type === 'person' || x.entity.type === 'organization'))
      speakers.push(x);
  }
  return speakers;
}

/**
 * "verb NAME" ("said Macron", "according to the ministry"), which binds tightest, except after verbs whose
 * object is the listener ("told the Daily Mail", "asked Reuters").
 */
function nameAfterVerb(w: VerbWindow, listener: boolean): LinkedMention | undefined {
  const introduced = listener
    ? []
    : w.speakers.filter(
        (x) =>
          x.start >= w.verbEnd &&
          onlyTitleBetween(w.text.slice(w.verbEnd, x.start)) &&
          // Before a quote, "said X:" names the speaker; "said X was…" reports what X is.
          (w.side === 'after' || /^\s*(?:[,:]|$)/.test(w.text.slice(x.end, w.to))),
      );
  // "said EEF chief economist, Steve Radley": the organisation is part of the person's title.
  // "said Villa boss David O'Leary": of two names in one title run, the last is the speaker's own; after a
  // comma or "of" ("said Urs Holzle, Google's…", "said Yonca Brunini of Yahoo") a name describes the first.
  const people = introduced.filter((x) => x.entity.type === 'person');
  const run = people.filter(
    (x) => !/,|\b(?:of|from|at|for|with)\b/.test(w.text.slice(people[0]?.end ?? x.start, x.start)),
  );
  return run[run.length - 1] ?? introduced[0];
}

// A participle clause opening the sentence, to its first comma ("Speaking on BBC One's Breakfast, …").
const OPENING_PARTICIPLE =
  /^\W*(?:Speaking|Writing|Talking|Appearing|Commenting|Responding|Reacting|Referring|Answering|Addressing|Turning|Giving|Asked|Interviewed)\b[^,]*,/;

/**
 * The verb's subject: after a quote the subject comes first ("…,” Kirsten Pfeifer from the CEA told");
 * before a quote the subject nearest the verb. A person is preferred to an organisation.
 */
function nameBeforeVerb(w: VerbWindow): { people: LinkedMention[]; beforeVerb: LinkedMention | undefined } {
  // "A message sent to F-Secure by Google's team said": a name in a prepositional phrase is not the subject.
  // "with finance minister Hans Eichel saying" is the exception: the name is the participle's subject.
  // Nor a name in a participle clause opening the sentence ("Speaking on BBC One's Breakfast, he said").
  const opening = OPENING_PARTICIPLE.exec(w.text.slice(w.from, w.verbStart));
  const openingEnd = w.from + (opening?.[0].length ?? 0);
  // "Speaking after the vote Bob Neill, leader of the group, said": the verb's own subject across an aside.
  const ownSubjectOf = (x: LinkedMention) =>
    /^\s*,/.test(w.text.slice(x.end, w.verbStart)) && onlyFillerOrAside(w.text.slice(x.end, w.verbStart));
  const subjects = w.speakers.filter(
    (x) =>
      x.end <= w.verbStart &&
      (x.start >= openingEnd || ownSubjectOf(x)) &&
      ((w.verb.endsWith('ing') && onlyFillerOrAside(w.text.slice(x.end, w.verbStart))) ||
        // "For the Lib Dems David Laws said": a topic fronted by "For" opens the sentence.
        /^\W*For\b/.test(w.text.slice(w.from, x.start)) ||
        !inPrepositionalPhrase(w.text.slice(Math.max(w.from, x.start - 60), x.start))),
  );
  const people = subjects.filter((x) => x.entity.type === 'person');
  const pool = people.length > 0 ? people : subjects;
  // Before a quote, the subject nearest the verb, unless an earlier one is the verb's own subject with only an
  // aside between ("Dr Brian Gibbons, on his first day after Jane Hutt was sacked, admitted “…”").
  const ownSubject = pool.find(
    (x) =>
      onlyFillerOrAside(w.text.slice(x.end, w.verbStart)) && /^\s*,/.test(w.text.slice(x.end, w.verbStart)),
  );
  const beforeVerb = w.side === 'after' ? pool[0] : (ownSubject ?? pool[pool.length - 1]);
  return { people, beforeVerb };
}

/**
 * The attribution of a construction that names its speaker apart from the verb's subject ("quoted one
 * trader as saying", "…, who added", "according to X"); undefined when the window has none of them.
 */
function indirectAttribution(w: VerbWindow, afterVerb: LinkedMention | undefined): Attribution | undefined {
  const { text, from, lead, speakers } = w;
  const result: Attribution = { verb: w.verb };
  // "Reuters quoted one trader as saying": the speaker is who was quoted, named or not, never the quoter.
  // Two linear tests, not one pattern with `.*` between them (that backtracks on a long lead).
  const quotedAs = w.verb === 'saying' && /\bas$/i.test(lead) ? /\bquot(?:ed|es|ing)\b/i.exec(lead) : null;
  if (quotedAs) {
    const at = from + quotedAs.index + quotedAs[0].length;
    const quotedOne = speakers.find((x) => x.start >= at && x.end <= from + lead.length - 2);
    if (quotedOne) result.mention = quotedOne;
    return result;
  }
  // "…, said an REM spokesman, who added he is “resting”": the subject is what "who" stands for.
  if (/(?:^|\s)who$/i.test(lead)) {
    // Only a name that "who" follows (perhaps after a job: "an REM spokesman, who"); else nobody named.
    const whoAt = from + lead.length - 3;
    const antecedent = speakers.filter((x) => x.end <= whoAt).pop();
    if (antecedent && /^(?:\s+[\p{Ll}-]+){0,2}\s*(?:,\s*)?$/u.test(text.slice(antecedent.end, whoAt)))
      result.mention = antecedent;
    return result;
  }
  if (w.verb === 'according to') {
    if (afterVerb) result.mention = afterVerb;
    return result;
  }
  return undefined;
}

/** The verb's own speaker: a named subject, a pronoun before or after it, a name after it, or a description. */
function directAttribution(
  w: VerbWindow,
  afterVerb: LinkedMention | undefined,
  listener: boolean,
): Attribution {
  const { text, from, to, side, verbStart, verbEnd } = w;
  const { people, beforeVerb } = nameBeforeVerb(w);
  const pronounBefore = pronounEnding(text.slice(from, verbStart));
  const pronounAfter = /^\s*(he|she)\b/iu.exec(text.slice(verbEnd, to));
  const result: Attribution = { verb: w.verb };
  // "Tim Collins is setting out … what he says are “…”": the pronoun is the sentence's own subject.
  const subjectBeforePronoun =
    pronounBefore && side === 'before' ? people.find((x) => x.end <= from + pronounBefore.index) : undefined;
  // "Tait … received praise from Robinson, even if the coach admitted": the description is the verb's subject.
  // Not "on the eve of the announcement said": a description in a prepositional phrase.
  const describedSubject = /\b(?:of|to|with|for|from|at|on|in|by)\s+the(?:\s+\S+){1,4}$/i.test(w.lead)
    ? undefined
    : descriptionBefore(w.lead);
  if (subjectBeforePronoun) result.mention = subjectBeforePronoun;
  else if (pronounBefore && (!beforeVerb || beforeVerb.end <= from + pronounBefore.index))
    result.pronoun = pronounBefore[1]!.toLowerCase() as 'he' | 'she';
  else if (describedSubject && beforeVerb) result.description = describedSubject;
  else if (
    beforeVerb &&
    (side === 'before' || beforeVerb.start - from < 60) &&
    // "…" of its venture with United, said Tony Froggatt': a name ending a phrase is not the verb's subject
    // when a name follows the verb.
    !(side === 'after' && afterVerb && !onlyFillerOrAside(text.slice(beforeVerb.end, verbStart)))
  )
    result.mention = beforeVerb;
  else if (afterVerb) result.mention = afterVerb;
  else if (pronounAfter) result.pronoun = pronounAfter[1]!.toLowerCase() as 'he' | 'she';
  else if (organisationVoice(w.lead, side === 'after' && !listener ? text.slice(verbEnd, to) : undefined))
    result.organisation = true;
  else {
    const description =
      descriptionBefore(w.lead) ?? (listener ? undefined : descriptionAfter(text.slice(verbEnd, to)));
    if (description) result.description = description;
  }
  return result;
}

/** Looks for "NAME verb", "verb NAME", "PRONOUN verb", "according to NAME" in a window of a block. */
function attribute(
  text: string,
  from: number,
  to: number,
  mentions: readonly LinkedMention[],
  side: 'before' | 'after',
): Attribution | undefined {
  const found = findVerb(text, from, to, side);
  if (!found) return undefined;
  const w: VerbWindow = {
    text,
    from,
    to,
    side,
    ...found,
    speakers: windowSpeakers(text, from, to, mentions),
    lead: withoutFillers(text.slice(from, found.verbStart)),
  };
  const listener = LISTENER_VERB.test(w.verb);
  // "Mr Bradshaw was told:", "she was asked", "MTV has been criticised for": the subject is who listened or
  // was spoken of; only an agent after "by" speaks ("was described by Steve Jobs as the “…”").
  if (
    (listener || /ed$/.test(w.verb)) &&
    /\b(?:was|were|been|being|is|are|be)\s*$/.test(text.slice(from, w.verbStart))
  ) {
    const by = /^\s+by\s/.exec(text.slice(w.verbEnd, to));
    const agent = by
      ? w.speakers.find(
          (x) =>
            x.start >= w.verbEnd + by[0].length &&
            onlyTitleBetween(text.slice(w.verbEnd + by[0].length, x.start)),
        )
      : undefined;
    return agent ? { verb: w.verb, mention: agent } : { verb: w.verb };
  }
  const afterVerb = nameAfterVerb(w, listener);
  const indirect = indirectAttribution(w, afterVerb);
  if (indirect) return indirect;
  const attr = directAttribution(w, afterVerb, listener);
  if (OWN_CONTENT.test(text.slice(w.verbEnd, w.verbEnd + 40))) attr.ownContent = true;
  // "He said prosecutions came first and promised the powers would be used in “serious” cases": a verb
  // with no subject of its own shares the one of the verb before it in the sentence.
  if (
    side === 'before' &&
    !attr.mention &&
    !attr.pronoun &&
    !attr.description &&
    !attr.organisation &&
    w.verbStart > from
  )
    return attribute(text, from, w.verbStart, mentions, side) ?? attr;
  return attr;
}

/** What speaker resolution reads: the blocks, their mentions, and who has spoken so far. */
interface ReadingContext {
  blocks: readonly string[];
  byBlock: readonly LinkedMention[][];
  quoted: ReadonlySet<LinkedMention>;
  /** Speech events in text order (quote speakers are added as they are found). */
  events: SpeechEvent[];
  namedPeople: readonly SpeechEvent[];
  gender: Map<string, 'he' | 'she'>;
}

/** "the Bishop": a one-word name after "the" is a title the tagger took for a name, nobody's name. */
const titleTakenForName = (blocks: readonly string[], m: LinkedMention) =>
  m.entity.type === 'person' &&
  !m.entity.name.includes(' ') &&
  /\bthe\s+$/i.test(blocks[m.block]!.slice(Math.max(0, m.start - 4), m.start));

const isPossessive = (ctx: ReadingContext, m: LinkedMention) =>
  /^['’](?:s\b|\s)/.test(ctx.blocks[m.block]!.slice(m.end, m.end + 3));

/**
 * Who "he"/"she" (or, with no pronoun, a description such as "the prop") stands for: the person the
 * previous sentence is about, else the most recent person who spoke (quoted or reported) and may be
 * called so, else, before anyone spoke, the most recent person named outside quotes.
 */
function referent(
  ctx: ReadingContext,
  block: number,
  at: number,
  sentence: number,
  pronoun: 'he' | 'she' | undefined,
): LinkedMention | undefined {
  const fits = (m: LinkedMention) =>
    m.entity.type === 'person' && (!pronoun || (ctx.gender.get(m.entity.id) ?? pronoun) === pronoun);
  const previous = previousSentenceSubject(ctx, block, sentence, pronoun);
  if (previous && fits(previous)) return previous;
  const nEvents = countBefore(ctx.events, block, at);
  for (let k = nEvents - 1; k >= Math.max(0, nEvents - MAX_LOOKBACK); k--)
    if (fits(ctx.events[k]!.mention)) return ctx.events[k]!.mention;
  if (nEvents > 0) return undefined;
  const nPeople = countBefore(ctx.namedPeople, block, at);
  for (let k = nPeople - 1; k >= Math.max(0, nPeople - MAX_LOOKBACK); k--)
    if (fits(ctx.namedPeople[k]!.mention)) return ctx.namedPeople[k]!.mention;
  return undefined;
}

// How many sentences opening with the same pronoun a pronoun may reach back over ("He … . But he … . “…,” he said").
const MAX_PRONOUN_CHAIN = 3;

/**
 * The person the writer's sentence before `sentence` is about: one it reports as speaking ("Eerdekens
 * said…"), else its first person named outside quotes and not as a possessive ("Saulnier will move up the
 * rankings."). When that sentence's subject is itself a pronoun ("He conceded Kuznetsova…"), never a name
 * in it: the same pronoun carries on its referent, so the sentence before it is asked in turn.
 */
function previousSentenceSubject(
  ctx: ReadingContext,
  block: number,
  sentence: number,
  pronoun?: 'he' | 'she',
  depth = 0,
): LinkedMention | undefined {
  const prev = previousSentence(ctx.blocks, block, sentence);
  if (!prev) return undefined;
  const list = ctx.byBlock[prev.block]!;
  const people: LinkedMention[] = [];
  for (let k = firstAtOrAfter(list, prev.start); k < list.length && list[k]!.start < prev.end; k++) {
    const m = list[k]!;
    if (
      m.entity.type === 'person' &&
      !m.demonym &&
      !ctx.quoted.has(m) &&
      !isPossessive(ctx, m) &&
      !titleTakenForName(ctx.blocks, m)
    )
      people.push(m);
  }
  const spoke = people.find((m) => {
    const k = countBefore(ctx.events, m.block, m.start);
    return ctx.events[k]?.mention === m;
  });
  if (spoke) return spoke;
  const opening = /^\W*(?:(?:but|and|yet|so|then|now)\s+(?=he\b|she\b))?(he|she|they|it|we)\b/i.exec(
    ctx.blocks[prev.block]!.slice(prev.start, prev.end),
  );
  if (opening) {
    const same = pronoun && opening[1]!.toLowerCase() === pronoun;
    return same && depth < MAX_PRONOUN_CHAIN
      ? previousSentenceSubject(ctx, prev.block, prev.start, pronoun, depth + 1)
      : undefined;
  }
  const text = ctx.blocks[prev.block]!;
  const named = people.find((m) => isSubject(text.slice(prev.start, m.start)));
  if (named || people.length > 0) return named;
  // "The cardinal used a Christmas message to…": a sentence about the holder of an office the text gave.
  const office =
    /^\W*[Tt]he((?:\s+[\p{L}'’-]+){1,3}?)\s+(?:\p{Ll}+ed|has|had|is|was|will|would|said|says|also)\b/u.exec(
      text.slice(prev.start, prev.end),
    );
  const description = office ? descriptionBefore(`the${office[1]}`) : undefined;
  return description ? titledPerson(ctx, prev.block, prev.start, description) : undefined;
}

/**
 * Whether a name, after `before` in its sentence, can be what the sentence is about: not after a reporting
 * verb ("the chancellor said the cuts proposed by X"), not in a prepositional phrase ("pleaded with X"),
 * not after a possessive ("the Governor's Ball").
 */
function isSubject(before: string): boolean {
  // "For Richard Tateson, who…", "According to Federer, …": a name fronted as the sentence's topic.
  if (/^\W*(?:for|according to)\s*$/i.test(before)) return true;
  // Words inside a quotation before the name are not the writer's verbs.
  const writers = before.replace(/["“][^"“”]*["”]/g, ' ');
  VERB_RE.lastIndex = 0;
  if (VERB_RE.test(writers)) return false;
  return !/['’]s\s*$/.test(before) && !inPrepositionalPhrase(before.slice(-60));
}

// How many paragraphs back "it" or "the firm" looks for the organisation it stands for.
const ORGANISATION_REACH = 2;

/**
 * The organisation "it", "the firm" or "a spokesman" stands for: the latest one before the quote that spoke
 * (a quote's speaker) or that a sentence is about (named outside quotes, not as a possessive, as the subject),
 * in the quote's paragraph or the two before; none when the text names no organisation so, or when the
 * sentence before is about a thing ("The report said…").
 */
function organisationReferent(
  ctx: ReadingContext,
  block: number,
  at: number,
  sentence: number,
): LinkedMention | undefined {
  const prev = previousSentence(ctx.blocks, block, sentence);
  if (prev && aboutAThing(ctx.blocks[prev.block]!.slice(prev.start, prev.end))) return undefined;
  const nEvents = countBefore(ctx.events, block, at);
  let spoke: SpeechEvent | undefined;
  for (let k = nEvents - 1; k >= Math.max(0, nEvents - MAX_LOOKBACK) && !spoke; k--)
    if (ctx.events[k]!.mention.entity.type === 'organization') spoke = ctx.events[k];
  for (let b = block; b >= Math.max(0, block - ORGANISATION_REACH); b--) {
    if (spoke && spoke.block > b) break;
    const list = ctx.byBlock[b]!;
    const text = ctx.blocks[b]!;
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k]!;
      if ((b === block && m.start >= at) || m.entity.type !== 'organization' || m.demonym) continue;
      if (spoke && spoke.block === b && m.start <= spoke.at) break;
      if (ctx.quoted.has(m) || isPossessive(ctx, m)) continue;
      if (isSubject(text.slice(sentenceStart(text, m.start), m.start))) return m;
    }
  }
  return spoke?.mention;
}

// Words that may stand between a title and the name it gives ("the Rt Rev Dr").
const HONORIFIC = new Set(
  'the rt rev revd dr mr mrs ms sir dame lord lady prof hon very most right reverend'.split(' '),
);

/**
 * "the prime minister said": the person the text gave that title, the latest before the quote
 * ("Prime Minister Tony Blair", "Tony Blair, the prime minister").
 */
function titledPerson(
  ctx: ReadingContext,
  block: number,
  at: number,
  description: string,
): LinkedMention | undefined {
  const title = description.toLowerCase().replace(/\s+/g, ' ');
  // "The Bishop of Durham, the Rt Rev Dr Tom Wright": honorifics, a comma and an "of" phrase may stand
  // between the title and the name (read word by word: an end-anchored pattern would backtrack).
  const titleEnds = (before: string) => {
    const words = before.trim().split(/\s+/);
    while (words.length > 0 && HONORIFIC.has(words[words.length - 1]!.replace(/\.$/, ''))) words.pop();
    if (words.length > 0) words[words.length - 1] = words[words.length - 1]!.replace(/,$/, '');
    const of = words.lastIndexOf('of');
    if (of >= words.length - 4 && of > 0) words.length = of;
    return words.join(' ').endsWith(title);
  };
  for (let b = block; b >= 0; b--) {
    const list = ctx.byBlock[b]!;
    const text = ctx.blocks[b]!;
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k]!;
      if (m.entity.type !== 'person' || (b === block && m.start >= at)) continue;
      const before = text
        .slice(Math.max(0, m.start - title.length - 60), m.start)
        .toLowerCase()
        .replace(/\s+/g, ' ');
      const after = text
        .slice(m.end, m.end + title.length + 8)
        .toLowerCase()
        .replace(/\s+/g, ' ');
      if (titleEnds(before) || after.startsWith(`, the ${title}`) || after.startsWith(`, ${title}`)) return m;
    }
  }
  return undefined;
}

/**
 * The speaker a quote with no attribution continues: whoever spoke last (a quote's speaker or a person
 * reported as speaking), in its paragraph or the one before, with no other person named since and no
 * unattributed quote between.
 */
function continuedSpeaker(
  ctx: ReadingContext,
  quotes: readonly Quote[],
  speakerOf: ReadonlyMap<Quote, LinkedMention>,
  block: number,
  at: number,
): LinkedMention | undefined {
  const n = countBefore(ctx.events, block, at);
  let last = ctx.events[n - 1];
  if (!last) return undefined;
  // A name in a sentence that quotes is that quote's attribution ("“…,” said Tony Blair."): what runs on is
  // the quote, if its speaker is the same; reported speech runs on only from a sentence that quotes nothing.
  const text = ctx.blocks[last.block]!;
  if (
    last.sourced === undefined &&
    /["“”«»]/.test(text.slice(sentenceStart(text, last.at), sentenceEnd(text, last.at)))
  ) {
    const quoteEvent = ctx.events[n - 2];
    if (quoteEvent?.sourced === undefined || quoteEvent.mention.entity !== last.mention.entity)
      return undefined;
    last = quoteEvent;
  }
  if (last.sourced || (last.endBlock ?? last.block) < block - 1) return undefined;
  const prev = quotes[quotes.length - 1];
  if (
    prev &&
    !speakerOf.has(prev) &&
    (prev.block > last.block || (prev.block === last.block && prev.start > last.at))
  )
    return undefined;
  // Names after the speaker's in a sentence that names the speaker first describe them or are what the
  // speaker talks of ("said Ann Lee, chief of Vivendi"; "Lee, who …, hopes Vivendi will keep Tom Ray").
  const named = last.mention;
  const afterSpeaker = (m: LinkedMention) => {
    const text = ctx.blocks[m.block]!;
    const sStart = sentenceStart(text, m.start);
    return ctx.byBlock[m.block]!.some(
      (x) => x.entity === named.entity && x.start >= sStart && x.start < m.start && !ctx.quoted.has(x),
    );
  };
  for (let b = last.block; b <= block; b++) {
    for (const m of ctx.byBlock[b]!) {
      if ((b === last.block && m.start <= last.at) || (b === block && m.start >= at)) continue;
      if (m.entity.type !== 'person' || m.demonym || ctx.quoted.has(m) || m.entity === named.entity) continue;
      if (!afterSpeaker(m)) return undefined;
    }
  }
  return named;
}

/** Each block's mentions, sorted by start. */
function mentionsByBlock(blocks: readonly string[], linked: readonly LinkedMention[]): LinkedMention[][] {
  const byBlock: LinkedMention[][] = blocks.map(() => []);
  for (const m of linked) byBlock[m.block]?.push(m);
  for (const list of byBlock) list.sort((a, b) => a.start - b.start);
  return byBlock;
}

/** A person's gender when a title gives it ("Mr", "Lady"), by entity id. */
function genderByTitle(
  blocks: readonly string[],
  linked: readonly LinkedMention[],
): Map<string, 'he' | 'she'> {
  const gender = new Map<string, 'he' | 'she'>();
  for (const m of linked) {
    if (m.entity.type !== 'person') continue;
    const title = /\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s*$/.exec(
      blocks[m.block]!.slice(Math.max(0, m.start - 6), m.start),
    );
    if (title) gender.set(m.entity.id, /^(Mr|Sir|Lord)$/.test(title[1]!) ? 'he' : 'she');
  }
  return gender;
}

/** The mentions inside quotations: in every block a quotation covers, its last paragraph as much as its first. */
function quotedMentions(spans: readonly Span[], byBlock: readonly LinkedMention[][]): Set<LinkedMention> {
  const quoted = new Set<LinkedMention>();
  for (const s of spans)
    for (let b = s.block; b <= s.endBlock; b++) {
      const list = byBlock[b]!;
      const end = b === s.endBlock ? s.end : Number.POSITIVE_INFINITY;
      for (
        let k = firstAtOrAfter(list, b === s.block ? s.start : 0);
        k < list.length && list[k]!.start < end;
        k++
      )
        quoted.add(list[k]!);
    }
  return quoted;
}

/** People named outside quotes, in text order, for a pronoun with no speaker before it. */
function namedOutsideQuotes(
  blocks: readonly string[],
  linked: readonly LinkedMention[],
  quoted: ReadonlySet<LinkedMention>,
): SpeechEvent[] {
  const subject = (m: LinkedMention) => {
    const text = blocks[m.block]!;
    return isSubject(text.slice(sentenceStart(text, m.start), m.start));
  };
  return linked
    .filter(
      (m) =>
        m.entity.type === 'person' &&
        !m.demonym &&
        !quoted.has(m) &&
        !titleTakenForName(blocks, m) &&
        subject(m),
    )
    .map((m) => ({ block: m.block, at: m.start, mention: m }))
    .sort((a, b) => a.block - b.block || a.at - b.at);
}

/**
 * People the writer reports as speaking without quotes ("Mark Oaten warned…", "Charles Kennedy, who backs
 * it, said…"), in text order: the first speech events, to which quote speakers are added as they are found.
 */
function reportedSpeech(
  blocks: readonly string[],
  linked: readonly LinkedMention[],
  quoted: ReadonlySet<LinkedMention>,
): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  for (const m of linked) {
    if (m.entity.type !== 'person' || m.demonym || quoted.has(m) || titleTakenForName(blocks, m)) continue;
    // A relative clause may stand between the name and its verb ("Gerrard, who fired … , insisted").
    const reach = /^,\s*who\b/.test(blocks[m.block]!.slice(m.end, m.end + 6)) ? 170 : 90;
    const after = blocks[m.block]!.slice(m.end, m.end + reach);
    VERB_RE.lastIndex = 0;
    const v = VERB_RE.exec(after);
    // "said Defra had been slow" reports what Defra did; "said Defra." or "said Defra:" has Defra speak.
    const verbFirst =
      saidBefore(blocks[m.block]!.slice(Math.max(0, m.start - 60), m.start)) &&
      /^\s*(?:[,.:;]|$)/.test(blocks[m.block]!.slice(m.end, m.end + 2));
    if (verbFirst) events.push({ block: m.block, at: m.start, mention: m });
    else if (v && onlyFillerOrAside(after.slice(0, v.index)))
      events.push({ block: m.block, at: m.start, mention: m });
  }
  events.sort((a, b) => a.block - b.block || a.at - b.at);
  return events;
}

/**
 * A quotation's words over its blocks (a mark reopening a later paragraph dropped), without the commas and
 * spaces that end it or the spaces that open it, and where it then ends; undefined when it holds no word.
 */
function quotationText(
  blocks: readonly string[],
  span: Span,
): { text: string; lead: number; end: number; endBlock: number } | undefined {
  let text =
    span.block === span.endBlock
      ? blocks[span.block]!.slice(span.start, span.end)
      : joinQuotation(blocks, span.block, span.start, span.endBlock, span.end);
  let end = span.end;
  let cut = text.length;
  while (cut > 0 && (text[cut - 1] === ',' || /\s/.test(text[cut - 1]!))) cut--;
  let endBlock = span.endBlock;
  if (cut < text.length) {
    end = Math.max(0, end - (text.length - cut));
    text = text.slice(0, cut);
    // Nothing of the quotation left in its last block: it ends where the block before ends.
    if (end === 0 && endBlock > span.block) {
      endBlock--;
      end = blocks[endBlock]!.trimEnd().length;
    }
  }
  const lead = /^\s+/.exec(text)?.[0].length ?? 0;
  text = text.slice(lead);
  if (!/\p{L}|\p{N}/u.test(text)) return undefined;
  return { text, lead, end, endBlock };
}

/** What the writer's sentence around a quotation says of it: its lead-in, whether it is partial, its attribution. */
interface QuoteFrame {
  /** Start of the writer's sentence that holds the quotation. */
  sStart: number;
  partial: boolean;
  attr: Attribution | undefined;
  /** "the so-called “Blair Babes”": a label the writer mentions, which nobody is quoted as saying. */
  mentionOnly: boolean;
}

/**
 * Where the attribution after a quotation may stand: to the end of the writer's sentence, or where another
 * quotation opens; nowhere after a quote that ends its own sentence ("….").
 */
function afterWindowEnd(close: string, span: Span): number {
  const afterFrom = span.end + 1;
  const nextOpen = close.slice(afterFrom).search(/["“«„]/u);
  let afterTo = sentenceEnd(close, afterFrom);
  if (nextOpen >= 0) afterTo = Math.min(afterTo, afterFrom + nextOpen);
  if (/\.\s*$/.test(close.slice(Math.max(0, span.end - 2), span.end))) afterTo = afterFrom;
  return afterTo;
}

/**
 * "Mr Dean is confident though: “…”": with no reporting verb, a writer's sentence ending in a colon hands
 * the quotation to its subject: the last person named in it who may be one (outside quotes, not as a
 * possessive nor in a prepositional phrase, nor after a reporting verb).
 */
function colonLead(ctx: ReadingContext, span: Span, sStart: number, leadIn: string): Attribution | undefined {
  if (!/:\s*$/.test(leadIn)) return undefined;
  // "a blackboard reading:", "the sign reads:": a text's words, nobody's (nor the last speaker's, run on).
  if (/\b(?:reading|reads|read|defines?|defined)\b[^:]{0,30}:\s*$/i.test(leadIn)) return {};
  const text = ctx.blocks[span.block]!;
  const list = ctx.byBlock[span.block]!;
  // The last such name ("- Blackburn boss Mark Hughes:" after a sentence about his players).
  let subject: LinkedMention | undefined;
  for (let k = firstAtOrAfter(list, sStart); k < list.length && list[k]!.start < span.start; k++) {
    const m = list[k]!;
    if (m.entity.type !== 'person' || m.demonym || ctx.quoted.has(m) || isPossessive(ctx, m)) continue;
    if (!titleTakenForName(ctx.blocks, m) && isSubject(text.slice(sStart, m.start))) subject = m;
  }
  return subject ? { mention: subject } : undefined;
}

/** Reads the writer's sentence around a quotation: the attribution before it, after it, first found first. */
function quoteFrame(ctx: ReadingContext, span: Span): QuoteFrame {
  const open = ctx.blocks[span.block]!;
  const close = ctx.blocks[span.endBlock]!;
  const sStart = sentenceStart(open, span.start - 1);
  const leadIn = open.slice(sStart, span.start - 1);
  const partial = leadIn.trim() !== '' && !/[:,]\s*$/.test(leadIn);
  const afterFrom = span.end + 1;
  const beforeAttr = attribute(open, sStart, span.start - 1, ctx.byBlock[span.block]!, 'before');
  let afterAttr = attribute(
    close,
    afterFrom,
    afterWindowEnd(close, span),
    ctx.byBlock[span.endBlock]!,
    'after',
  );
  // 'an audience "warm" to Mr Brown - he also promised to end…': after a quote inside the writer's sentence,
  // a verb reporting content of its own is not the quote's.
  if (partial && afterAttr?.ownContent) afterAttr = undefined;
  const firstFound = partial || /[:,]\s*$/.test(leadIn) ? [beforeAttr, afterAttr] : [afterAttr, beforeAttr];
  const attr =
    firstFound.find((a) => a?.mention || a?.pronoun || a?.description || a?.organisation) ??
    firstFound.find((a) => a) ??
    // "“Just Do It” implored the front page headline": a text's words, not a speaker's, and no one's to carry on.
    (documentVoiceAfter(close.slice(afterFrom, afterFrom + 80)) ? {} : undefined);
  const mentionOnly =
    partial && /\b(?:so-called|so called|known as|term|word|phrase|titled|entitled)\s*$/i.test(leadIn);
  return { sStart, partial, attr: attr ?? colonLead(ctx, span, sStart, leadIn), mentionOnly };
}

/**
 * Who said a quotation: the attribution's name, else who its pronoun or description stands for, else (with no
 * attribution at all) whoever spoke just before it. A pronoun resolved teaches the speaker's gender.
 */
function quoteSpeaker(
  ctx: ReadingContext,
  quotes: readonly Quote[],
  speakerOf: ReadonlyMap<Quote, LinkedMention>,
  span: Span,
  { sStart, partial, attr }: QuoteFrame,
): LinkedMention | undefined {
  let speaker: LinkedMention | undefined = attr?.mention;
  if (!speaker && attr?.pronoun) {
    speaker = referent(ctx, span.block, span.start, sStart, attr.pronoun);
    if (speaker) ctx.gender.set(speaker.entity.id, attr.pronoun);
  }
  if (!speaker && attr?.description)
    speaker =
      titledPerson(ctx, span.block, span.start, attr.description) ??
      referent(ctx, span.block, span.start, sStart, undefined);
  if (!speaker && attr?.organisation) speaker = organisationReferent(ctx, span.block, span.start, sStart);
  // "“…,” he said. “…”", and a quotation opening a paragraph after one: with no attribution of its own,
  // a quote continues the words of whoever spoke just before it.
  if (!attr && !speaker && !partial)
    speaker = continuedSpeaker(ctx, quotes, speakerOf, span.block, span.start);
  return speaker;
}

/** Gives the quote its speaker, and records them as having spoken there (for the quotes that follow). */
function recordSpeaker(
  ctx: ReadingContext,
  speakerOf: Map<Quote, LinkedMention>,
  quote: Quote,
  speaker: LinkedMention,
  span: Span,
  sourced: boolean,
  endBlock: number,
): void {
  speakerOf.set(quote, speaker);
  quote.speaker = speaker.entity.name;
  quote.speakerEntityId = speaker.entity.id;
  ctx.events.splice(countBefore(ctx.events, span.block, span.start), 0, {
    block: span.block,
    at: span.start,
    mention: speaker,
    sourced,
    endBlock,
  });
}

/** One quotation read into a Quote with its verb and speaker; undefined when it holds no word. */
function readQuote(
  ctx: ReadingContext,
  quotes: readonly Quote[],
  speakerOf: Map<Quote, LinkedMention>,
  span: Span,
): Quote | undefined {
  const words = quotationText(ctx.blocks, span);
  if (!words) return undefined;
  const { text, lead, end, endBlock } = words;
  const frame = quoteFrame(ctx, span);
  const quote: Quote = { text, partial: frame.partial, block: span.block, start: span.start + lead, end };
  if (frame.mentionOnly) return quote;
  if (endBlock !== span.block) quote.endBlock = endBlock;
  if (frame.attr?.verb) quote.verb = frame.attr.verb;
  const speaker = quoteSpeaker(ctx, quotes, speakerOf, span, frame);
  if (speaker)
    recordSpeaker(ctx, speakerOf, quote, speaker, span, frame.attr?.verb === 'according to', endBlock);
  return quote;
}

/**
 * Every quotation in the body, with who said it when the text says so. Attribution reads the writer's
 * sentence around the quote ("…,” Macron told…", "said Finance Minister X", "He added that … “…”",
 * "according to X"); a pronoun resolves to the person the previous sentence is about, else the most recent
 * named speaker of that gender (or, before any, the most recent person named outside quotes); a description
 * ("the prime minister said") to the person given that title, else as a pronoun; a quote with no
 * attribution in its sentence continues the words of whoever spoke just before it, in its paragraph or the
 * one before, when nobody else was named since; otherwise it has no speaker.
 */
export function findQuotes(blocks: readonly string[], linked: readonly LinkedMention[]): Quote[] {
  const byBlock = mentionsByBlock(blocks, linked);
  const gender = genderByTitle(blocks, linked);
  const spans = findQuoteSpans(blocks);
  const quoted = quotedMentions(spans, byBlock);
  const namedPeople = namedOutsideQuotes(blocks, linked, quoted);
  const events = reportedSpeech(blocks, linked, quoted);
  const ctx: ReadingContext = { blocks, byBlock, quoted, events, namedPeople, gender };
  const quotes: Quote[] = [];
  const speakerOf = new Map<Quote, LinkedMention>();
  for (const span of spans) {
    const quote = readQuote(ctx, quotes, speakerOf, span);
    if (quote) quotes.push(quote);
  }
  return quotes;
}
