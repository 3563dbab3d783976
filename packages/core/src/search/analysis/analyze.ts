import { fold } from './fold';
import { porterStem } from './porter-stemmer';
import { STOP_WORDS } from './stop-words';

// One analyser for documents and queries: fold, split into words (Intl.Segmenter for scripts written
// without spaces), drop English stop words, stem English words.

const ASCII_WORD = /^[a-z]+$/;
const MAX_TERM = 64;

let segmenter: Intl.Segmenter | undefined;
export const segment = (text: string) => {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return segmenter.segment(text);
};

const termCache = new Map<string, string>();

/** The index term for a folded word, '' for a stop word. Stems only plain ASCII words (English). */
export function termOf(foldedWord: string): string {
  let t = termCache.get(foldedWord);
  if (t !== undefined) return t;
  t = termOfWord(foldedWord);
  if (termCache.size > 200_000) termCache.clear();
  termCache.set(foldedWord, t);
  return t;
}

/**
 * termOf without its cache, for a caller that keeps each word's term itself (the index builder's word
 * table asks once per distinct word: a realistic vocabulary would only churn the cache).
 */
export function termOfWord(foldedWord: string): string {
  const w = foldedWord.length > MAX_TERM ? foldedWord.slice(0, MAX_TERM) : foldedWord;
  return STOP_WORDS.has(w) ? '' : ASCII_WORD.test(w) ? porterStem(w) : w;
}

export function isStopWord(foldedWord: string): boolean {
  return STOP_WORDS.has(foldedWord);
}

// Word characters: a table for ASCII, a lazily filled cache for the rest of the BMP, a test for astral.
/** 1 for an ASCII word character (a letter or a digit), by code unit. */
export const ASCII_WORD_CHAR = new Uint8Array(128);
const ASCII = ASCII_WORD_CHAR;
for (let c = 48; c <= 57; c++) ASCII[c] = 1;
for (let c = 65; c <= 90; c++) ASCII[c] = 1;
for (let c = 97; c <= 122; c++) ASCII[c] = 1;
const BMP = new Uint8Array(65536); // 0 unknown, 1 word, 2 not
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

export function isWordAt(text: string, i: number, c: number): boolean {
  if (c < 128) return ASCII[c] === 1;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
  if (c >= 0xdc00 && c <= 0xdfff)
    return i > 0 && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  let v = BMP[c]!;
  if (v === 0) {
    v = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    BMP[c] = v;
  }
  return v === 1;
}

/** Scripts written without spaces between words (segmented with Intl.Segmenter). */
export const unspaced = (c: number) =>
  (c >= 0x0e00 && c <= 0x0fff) ||
  (c >= 0x1000 && c <= 0x109f) ||
  (c >= 0x1780 && c <= 0x17ff) ||
  (c >= 0x3040 && c <= 0x30ff) ||
  (c >= 0x3400 && c <= 0x9fff) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xd840 && c <= 0xd87f);

/**
 * Calls `fn(start, end)` for every word of (folded) text, in order, without cutting it out: `true` stops.
 * Runs of scripts written without spaces are cut into words with Intl.Segmenter. `wanted(c)`, if given,
 * is asked the first code unit of each word (not of words needing segmentation): a word it turns away is
 * skipped. The one word scanner: the analyser, snippets and the index builder's word table all use it.
 */
export function forEachWordSpan(
  text: string,
  fn: (start: number, end: number) => boolean | undefined,
  wanted?: (c: number) => boolean,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isWordAt(text, i, c)) {
      i++;
      continue;
    }
    const start = i;
    let cjk = false;
    while (i < n) {
      c = text.charCodeAt(i);
      if (!isWordAt(text, i, c)) break;
      if (c >= 0x0e00 && unspaced(c)) cjk = true;
      i++;
    }
    if (!cjk && wanted && !wanted(text.charCodeAt(start))) continue;
    if (cjk) {
      for (const s of segment(text.slice(start, i))) {
        if (s.isWordLike && fn(start + s.index, start + s.index + s.segment.length) === true) return;
      }
    } else if (fn(start, i) === true) return;
  }
}

/** Calls `fn(word, start, end)` for every word of (folded) text, in order, with its offsets; `true` stops. */
export function forEachWord(
  text: string,
  fn: (word: string, start: number, end: number) => boolean | undefined,
  wanted?: (c: number) => boolean,
): void {
  forEachWordSpan(text, (start, end) => fn(text.slice(start, end), start, end), wanted);
}

/** The terms of a text in order; stop words are '' so positions stay true. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  forEachWord(fold(text), (w) => {
    out.push(termOf(w));
  });
  return out;
}

export interface Token {
  term: string;
  start: number;
  end: number;
}

/** Terms with UTF-16 offsets into the original (unfolded) text, for snippets and phrase checks. */
export function tokensWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  forEachWord(text, (word, base, end) => {
    const len = end - base;
    forEachWord(fold(word), (w, s, e) => {
      // Folding may change lengths (NFKC); clamp offsets to the original word.
      out.push({ term: termOf(w), start: base + Math.min(s, len), end: base + Math.min(e, len) });
    });
  });
  return out;
}
