import type { Snippet } from '../../query-schema/query-result-schema';
import { ASCII_WORD_CHAR, forEachWord, isWordAt, tokensWithOffsets } from '../analysis/analyze';
import { fold } from '../analysis/fold';
import { gallop } from '../index/gallop';
import { findTerm, type SearchIndex, TEXT_FIELD } from '../index/search-index';
import { isAscii } from '../../binary/string-column';

const WINDOW = 220;

const ASCII_TERM = /^[a-z0-9]+$/;
const NON_ASCII = /[^\x00-\x7f]/;

/** How many matched terms choose a hit's snippet block: the query's own words come first in `matched`. */
export const CHOOSING_TERMS = 64;

/** Beyond this many heads, scanning an ASCII text once per head costs more than walking its words. */
const MAX_HEADS = 16;

/**
 * A term's head: the term less its last two letters (at least one letter). English stems change at most
 * the last two letters of a word's start ("hoping" -> "hope", "happy" -> "happi", "relational" -> "relat"),
 * so every word whose term is t starts with t's head, whatever its suffix.
 */
const headOf = (t: string) => t.slice(0, Math.max(1, t.length - 2));

/** The heads of ASCII terms, sorted, without those a shorter kept head starts (their words are found by it). */
export function fewestHeads(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (const h of [...new Set(terms.map(headOf))].sort())
    if (out.length === 0 || !h.startsWith(out[out.length - 1]!)) out.push(h);
  return out;
}

/** The first word start at or after `from` where `head` starts a word of the lower-cased text; -1 when none. */
function headStart(lower: string, head: string, from: number): number {
  for (let p = lower.indexOf(head, from); p >= 0; p = lower.indexOf(head, p + head.length))
    if (p === 0 || ASCII_WORD_CHAR[lower.charCodeAt(p - 1)] !== 1) return p;
  return -1;
}

/**
 * Are a text's words all ASCII (its other characters punctuation, symbols or spaces, as curly quotes and
 * dashes are)? Then its words are its runs of ASCII letters and digits, and lower-casing it keeps every
 * offset (only letters change length when lower-cased).
 */
function asciiWords(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 && isWordAt(text, i, c)) return false;
  }
  return true;
}

/**
 * Finds the words of a text whose term is matched (ASCII terms), at a cost per word that does not grow
 * with the number of matched terms (a prefix query may match thousands): a word whose first two letters
 * start no matched term's head is skipped unanalysed, and in text whose words are ASCII only the words
 * starting with a head are looked at. One per page; a class, so highlighting a text makes no closure.
 */
class AsciiHighlighter {
  /** Heads of one letter, and the first two letters of longer heads. */
  private readonly one = new Set<string>();
  private readonly two = new Set<string>();
  private readonly heads: string[];
  /** Each head's next word start in the text being highlighted (-1: none left). */
  private readonly next: Int32Array;
  /** First letters in both cases: most words are turned away by their first letter alone. */
  private readonly firsts = new Uint8Array(128);
  /** A word's matched parts, once per page: the same words recur across the snippets of a page. */
  private readonly seen = new Map<string, Snippet['highlights']>();
  private readonly wanted = (c: number) => c >= 128 || this.firsts[c] === 1;
  private out: Snippet['highlights'] = [];
  private readonly add = (word: string, start: number) => this.addWord(word, start);

  constructor(
    private readonly matched: ReadonlySet<string>,
    terms: readonly string[],
  ) {
    for (const t of terms) {
      const head = headOf(t);
      if (head.length === 1) this.one.add(head);
      else this.two.add(head.slice(0, 2));
    }
    this.heads = fewestHeads(terms);
    this.next = new Int32Array(this.heads.length);
    for (const h of [...this.one, ...this.two])
      this.firsts[h.charCodeAt(0)] = this.firsts[h.toUpperCase().charCodeAt(0)] = 1;
  }

  private partsOf(word: string): Snippet['highlights'] {
    let parts = this.seen.get(word);
    if (!parts) {
      const w = fold(word);
      parts =
        this.one.has(w.slice(0, 1)) || this.two.has(w.slice(0, 2))
          ? tokensWithOffsets(word).filter((t) => t.term && this.matched.has(t.term))
          : [];
      this.seen.set(word, parts);
    }
    return parts;
  }

  /** Adds the word's matched parts; true once past the window from the first highlight (the rest is not read). */
  private addWord(word: string, start: number): boolean | undefined {
    const out = this.out;
    if (out.length > 0 && start > out[0]!.start + WINDOW) return true;
    for (const t of this.partsOf(word)) out.push({ start: start + t.start, end: start + t.end });
    return undefined;
  }

  /**
   * `ascii`: known from the caller (a stored text is ASCII when its UTF-8 bytes are as many as its code
   * units). In text whose words are ASCII, only the words starting with a head are looked at: a native
   * search for each head in the lower-cased text, kept where a word starts, the heads' next starts
   * merged in text order (no head starts another, so no start is found twice) until past the window.
   */
  highlight(text: string, ascii = !NON_ASCII.test(text)): Snippet['highlights'] {
    this.out = [];
    const heads = this.heads;
    if (heads.length > MAX_HEADS || !(ascii || asciiWords(text))) {
      forEachWord(text, this.add, this.wanted);
      return this.out;
    }
    const lower = text.toLowerCase();
    const next = this.next;
    for (let h = 0; h < heads.length; h++) next[h] = headStart(lower, heads[h]!, 0);
    for (;;) {
      let h = -1;
      for (let i = 0; i < heads.length; i++) if (next[i]! >= 0 && (h < 0 || next[i]! < next[h]!)) h = i;
      if (h < 0) break;
      const start = next[h]!;
      next[h] = headStart(lower, heads[h]!, start + heads[h]!.length);
      let end = start + 1;
      while (end < text.length && ASCII_WORD_CHAR[text.charCodeAt(end)] === 1) end++;
      if (this.addWord(text.slice(start, end), start) === true) break;
    }
    return this.out;
  }
}

/** The highlights of the matched terms' words in a text (one highlighter per page: it remembers words). */
export function highlighter(
  matched: ReadonlySet<string>,
): (text: string, ascii?: boolean) => Snippet['highlights'] {
  const terms = [...matched];
  if (!terms.every((t) => ASCII_TERM.test(t)))
    return (text) =>
      tokensWithOffsets(text)
        .filter((t) => t.term && matched.has(t.term))
        .map((t) => ({ start: t.start, end: t.end }));
  const h = new AsciiHighlighter(matched, terms);
  return (text, ascii) => h.highlight(text, ascii);
}

/** Cuts a long text to a window around its first highlights, at word boundaries; offsets follow. */
export function cutToWindow(
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

/**
 * Which matched terms each text of some documents holds, by place: document k's text j (from textOff) is
 * entry base[k] + j - textOff[docs[k]] of `counts` (how many of the first CHOOSING_TERMS matched terms it
 * holds) and of `masks` (the bits of the flagged terms it holds; null when none were flagged).
 */
export interface TextMatches {
  docs: readonly number[];
  counts: Uint8Array;
  masks: Uint32Array | null;
  base: Uint32Array;
  /** The bits of the flagged terms that were walked (one not among the first CHOOSING_TERMS is not). */
  walked: number;
}

/**
 * Which matched terms each text of the documents holds (TextMatches). Each term's cursor skips through
 * each document's texts (nextHeld), so a common term decodes the few blocks the page's texts fall in,
 * not its whole list, and a rare one is asked once or twice a document. `flagged`: terms whose texts
 * the masks keep, by bit (a proximity check reads them instead of walking its words' texts again).
 */
export function textMatches(
  ix: SearchIndex,
  matched: ReadonlySet<string>,
  docs: readonly number[],
  flagged?: ReadonlyMap<string, number>,
): TextMatches {
  const base = new Uint32Array(docs.length + 1);
  for (let k = 0; k < docs.length; k++)
    base[k + 1] = base[k]! + ix.textOff[docs[k]! + 1]! - ix.textOff[docs[k]!]!;
  const counts = new Uint8Array(base[docs.length]!);
  const masks = flagged ? new Uint32Array(counts.length) : null;
  let walked = 0;
  // The page's documents ascending (as places in `docs`): a term's postings are asked which hold it.
  const byDoc = docs.map((_, k) => k).sort((a, b) => docs[a]! - docs[b]!);
  const holding: number[] = [];
  let used = 0;
  for (const term of matched) {
    if (used++ === CHOOSING_TERMS) break;
    const t = findTerm(ix, term);
    if (t < 0) continue;
    const bit = flagged?.get(term) ?? 0;
    // A term none of the documents holds is walked too: its mask bit is rightly clear in every text.
    if (!pageHolding(ix.postings.documents(t), docs, byDoc, holding)) {
      walked |= bit;
      continue;
    }
    const cursor = ix.positions.cursor(t);
    if (!cursor) continue;
    walked |= bit;
    for (const k of holding) {
      const from = ix.textOff[docs[k]!]!;
      const end = ix.textOff[docs[k]! + 1]!;
      const at = base[k]! - from;
      for (
        let j = cursor.nextHeld(ix.textIds, from, end);
        j < end;
        j = cursor.nextHeld(ix.textIds, j + 1, end)
      ) {
        counts[at + j]!++;
        if (bit !== 0) masks![at + j]! |= bit;
      }
    }
  }
  return { docs, counts, masks, base, walked };
}

/**
 * Which of the page's documents (places in `docs`, into `out`) a term's documents hold; false when none
 * does. A prefix or typo query matches many terms, most of them in none of a page's few documents: their
 * positions are then not sought at all (a document's texts would each seek a block of the term's).
 */
function pageHolding(
  termDocs: Uint32Array,
  docs: readonly number[],
  byDoc: readonly number[],
  out: number[],
): boolean {
  out.length = 0;
  let p = 0;
  for (const k of byDoc) {
    p = gallop(termDocs, p, docs[k]!);
    if (p >= termDocs.length) break;
    if (termDocs[p] === docs[k]) out.push(k);
  }
  return out.length > 0;
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
  /** The documents' titles, when the caller has them decoded (a title is its document's title text). */
  titles?: readonly string[],
  /** The page's highlighter, when its hits come from several indexes (one per page: it remembers words). */
  highlight = matched.size === 0 ? undefined : highlighter(matched),
  /** The matches of the texts of these documents or more, when the caller has them (textMatches). */
  known?: TextMatches,
): Snippet[][] {
  if (matched.size === 0 || !highlight) return docs.map(() => []);
  const { counts, base, docs: counted } = known ?? textMatches(ix, matched, docs);
  const place = counted === docs ? undefined : new Map(counted.map((d, k) => [d, k]));
  return docs.map((doc, k) => {
    const out: Snippet[] = [];
    let best = -1;
    let bestCount = 0;
    const at = base[place ? place.get(doc)! : k]! - ix.textOff[doc]!;
    for (let j = ix.textOff[doc]!; j < ix.textOff[doc + 1]!; j++) {
      const x = ix.textIds[j]!;
      const count = counts[at + j]!;
      if (count === 0) continue;
      if (ix.textField[j] === 0) {
        const text = titles?.[k] ?? ix.texts.at(x);
        const highlighted = highlight(text, isAscii(text));
        if (highlighted.length) out.push({ field: 'title', text, highlights: highlighted });
      } else if (count > bestCount) {
        best = j;
        bestCount = count;
      }
    }
    if (best >= 0) {
      const text = ix.texts.at(ix.textIds[best]!);
      const highlighted = highlight(text, isAscii(text));
      if (highlighted.length) {
        const w = cutToWindow(text, highlighted);
        out.push({ field: TEXT_FIELD[ix.textField[best]!]!, text: w.text, highlights: w.highlights });
      }
    }
    return out;
  });
}
