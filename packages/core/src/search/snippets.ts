import type { Snippet } from '../corpus/query-result-schema';
import { forEachWord, tokensWithOffsets } from './analyze';
import { fold } from './fold';
import { findTerm, type SearchIndex, TEXT_FIELD } from './search-index';

const WINDOW = 220;

const ASCII_TERM = /^[a-z0-9]+$/;

/**
 * Offsets of the words of text whose term is matched. English stems change at most the end of a word
 * ("hoping" -> "hope"), so a word that does not start like some matched term is skipped unanalysed.
 */
function highlight(text: string, matched: ReadonlySet<string>) {
  const terms = [...matched];
  if (!terms.every((t) => ASCII_TERM.test(t)))
    return tokensWithOffsets(text)
      .filter((t) => t.term && matched.has(t.term))
      .map((t) => ({ start: t.start, end: t.end }));
  const heads = terms.map((t) => t.slice(0, Math.max(1, t.length - 2)));
  // First letters of the heads, in both cases: most words are turned away by their first letter alone.
  const firsts = new Set(heads.flatMap((h) => [h.charCodeAt(0), h.toUpperCase().charCodeAt(0)]));
  const out: Snippet['highlights'] = [];
  forEachWord(text, (word, start) => {
    const c = word.charCodeAt(0);
    if (c < 128 && !firsts.has(c)) return;
    const w = fold(word);
    if (!heads.some((h) => w.startsWith(h))) return;
    for (const t of tokensWithOffsets(word))
      if (t.term && matched.has(t.term)) out.push({ start: start + t.start, end: start + t.end });
  });
  return out;
}

/** Cuts a long text to a window around its first highlights, at word boundaries; offsets follow. */
function window(
  text: string,
  hl: Snippet['highlights'],
): { text: string; highlights: Snippet['highlights'] } {
  if (text.length <= WINDOW) return { text, highlights: hl };
  const first = hl[0]?.start ?? 0;
  let from = Math.max(0, first - 60);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < first ? space + 1 : from;
  }
  let to = Math.min(text.length, from + WINDOW);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + 40) to = space;
  }
  const pre = from > 0 ? '…' : '';
  const post = to < text.length ? '…' : '';
  return {
    text: pre + text.slice(from, to) + post,
    highlights: hl
      .filter((h) => h.start >= from && h.end <= to)
      .map((h) => ({ start: h.start - from + pre.length, end: h.end - from + pre.length })),
  };
}

/** The texts holding each matched term (their positional lists): worked out once for a page of hits. */
export function matchedTexts(ix: SearchIndex, matched: ReadonlySet<string>): Uint32Array[] {
  const lists: Uint32Array[] = [];
  for (const term of matched) {
    const t = findTerm(ix, term);
    if (t >= 0) lists.push(ix.positions.get(t).texts);
  }
  return lists;
}

/** Is x in the ascending list? */
function holds(list: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === x;
}

/**
 * Plain-text snippets of a document for the matched terms: the title when it matches, and the
 * standfirst or body block with most matched terms. Which texts hold which terms comes from the
 * positional lists, so only the texts shown are decoded and analysed.
 */
export function snippetsFor(
  ix: SearchIndex,
  doc: number,
  matched: ReadonlySet<string>,
  lists: readonly Uint32Array[] = matchedTexts(ix, matched),
): Snippet[] {
  const out: Snippet[] = [];
  if (matched.size === 0) return out;
  let best = -1;
  let bestCount = 0;
  for (let j = ix.textOff[doc]!; j < ix.textOff[doc + 1]!; j++) {
    const x = ix.textIds[j]!;
    let count = 0;
    for (const l of lists) if (holds(l, x)) count++;
    if (count === 0) continue;
    if (ix.textField[j] === 0) {
      const text = ix.texts.at(x);
      const hl = highlight(text, matched);
      if (hl.length) out.push({ field: 'title', text, highlights: hl });
    } else if (count > bestCount) {
      best = j;
      bestCount = count;
    }
  }
  if (best >= 0) {
    const text = ix.texts.at(ix.textIds[best]!);
    const hl = highlight(text, matched);
    if (hl.length) {
      const w = window(text, hl);
      out.push({ field: TEXT_FIELD[ix.textField[best]!]!, text: w.text, highlights: w.highlights });
    }
  }
  return out;
}
