import { gatherUnique } from './gather-unique';
import type { Snippet } from '../../query-schema/query-result-schema';
import { forEachWord, tokensWithOffsets } from '../analysis/analyze';
import { fold } from '../analysis/fold';
import { gallop } from '../index/gallop';
import { findTerm, type SearchIndex, TEXT_FIELD } from '../index/search-index';

const WINDOW = 220;

const ASCII_TERM = /^[a-z0-9]+$/;

/** How many matched terms choose a hit's snippet block: the query's own words come first in `matched`. */
const CHOOSING_TERMS = 64;

/**
 * Finds the words of a text whose term is matched, at a cost per word that does not grow with the number
 * of matched terms (a prefix query may match thousands). English stems change at most the end of a word
 * ("hoping" -> "hope"), so a word whose first two letters start no matched term is skipped unanalysed.
 */
function highlighter(matched: ReadonlySet<string>): (text: string) => Snippet['highlights'] {
  const terms = [...matched];
  if (!terms.every((t) => ASCII_TERM.test(t)))
    return (text) =>
      tokensWithOffsets(text)
        .filter((t) => t.term && matched.has(t.term))
        .map((t) => ({ start: t.start, end: t.end }));
  // Heads (a term less its last two letters) of one letter, and the first two letters of longer heads.
  const one = new Set<string>();
  const two = new Set<string>();
  for (const t of terms) {
    const head = t.slice(0, Math.max(1, t.length - 2));
    if (head.length === 1) one.add(head);
    else two.add(head.slice(0, 2));
  }
  // First letters in both cases: most words are turned away by their first letter alone.
  const firsts = new Uint8Array(128);
  for (const h of [...one, ...two]) firsts[h.charCodeAt(0)] = firsts[h.toUpperCase().charCodeAt(0)] = 1;
  // A word's matched parts, once per page: the same words recur across the snippets of a page.
  const seen = new Map<string, Snippet['highlights']>();
  const partsOf = (word: string): Snippet['highlights'] => {
    let parts = seen.get(word);
    if (!parts) {
      const w = fold(word);
      parts =
        one.has(w.slice(0, 1)) || two.has(w.slice(0, 2))
          ? tokensWithOffsets(word).filter((t) => t.term && matched.has(t.term))
          : [];
      seen.set(word, parts);
    }
    return parts;
  };
  // A long text is cut to a window from its first highlight: the words after it are not read.
  return (text) => {
    const out: Snippet['highlights'] = [];
    forEachWord(
      text,
      (word, start) => {
        if (out.length > 0 && start > out[0]!.start + WINDOW) return true;
        for (const t of partsOf(word)) out.push({ start: start + t.start, end: start + t.end });
        return undefined;
      },
      (c) => c >= 128 || firsts[c] === 1,
    );
    return out;
  };
}

/** Cuts a long text to a window around its first highlights, at word boundaries; offsets follow. */
function window(
  text: string,
  highlighted: Snippet['highlights'],
): { text: string; highlights: Snippet['highlights'] } {
  if (text.length <= WINDOW) return { text, highlights: highlighted };
  const first = highlighted[0]?.start ?? 0;
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
    highlights: highlighted
      .filter((h) => h.start >= from && h.end <= to)
      .map((h) => ({ start: h.start - from + pre.length, end: h.end - from + pre.length })),
  };
}

/** The stored texts of the documents, ascending, once each. */
function textsOf(ix: SearchIndex, docs: readonly number[]): Uint32Array {
  return gatherUnique(docs, ix.textOff, ix.textIds);
}

/**
 * How many of the (first CHOOSING_TERMS) matched terms each text of the page holds: each term's cursor
 * seeks the page's texts (ascending) through its skip table, so a common term decodes the few blocks
 * the page's texts fall in, not its whole list; the work follows the page, not the corpus.
 */
function matchCounts(ix: SearchIndex, matched: ReadonlySet<string>, texts: Uint32Array): Uint8Array {
  const counts = new Uint8Array(texts.length);
  let used = 0;
  for (const term of matched) {
    if (used++ === CHOOSING_TERMS) break;
    const t = findTerm(ix, term);
    const cursor = t < 0 ? null : ix.positions.cursor(t);
    if (!cursor) continue;
    for (let i = 0; i < texts.length; i++) if (cursor.seek(texts[i]!)) counts[i]!++;
  }
  return counts;
}

/**
 * Plain-text snippets of each document of a page for the matched terms: the title when it matches, and
 * the standfirst or body block with most matched terms. Which texts hold which terms comes from the
 * positional lists, so only the texts shown are decoded and analysed; the work grows with the page.
 */
export function pageSnippets(
  ix: SearchIndex,
  docs: readonly number[],
  matched: ReadonlySet<string>,
): Snippet[][] {
  if (matched.size === 0) return docs.map(() => []);
  const texts = textsOf(ix, docs);
  const counts = matchCounts(ix, matched, texts);
  const countOf = (x: number) => counts[gallop(texts, 0, x)]!;
  const highlight = highlighter(matched);
  return docs.map((doc) => {
    const out: Snippet[] = [];
    let best = -1;
    let bestCount = 0;
    for (let j = ix.textOff[doc]!; j < ix.textOff[doc + 1]!; j++) {
      const x = ix.textIds[j]!;
      const count = countOf(x);
      if (count === 0) continue;
      if (ix.textField[j] === 0) {
        const text = ix.texts.at(x);
        const highlighted = highlight(text);
        if (highlighted.length) out.push({ field: 'title', text, highlights: highlighted });
      } else if (count > bestCount) {
        best = j;
        bestCount = count;
      }
    }
    if (best >= 0) {
      const text = ix.texts.at(ix.textIds[best]!);
      const highlighted = highlight(text);
      if (highlighted.length) {
        const w = window(text, highlighted);
        out.push({ field: TEXT_FIELD[ix.textField[best]!]!, text: w.text, highlights: w.highlights });
      }
    }
    return out;
  });
}
