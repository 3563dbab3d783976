import { codePointAt, utf8Width } from './code-points';
import type { SearchIndex } from '../index/search-index';

/** Longest word (code points) a typo lookup takes: longer ones find nothing. */
const MAX_WORD = 256;
/** nextLetter's answers besides a letter: any letter may follow, or none. */
const ANY = -1;
const NONE = 0x110000;
/** prefixThen's letter past every other. */
const PAST = NONE;
/** Longest shared prefix (bytes) the lcp table tells exactly. */
const LCP_CAP = 255;
/** Words per block of the lcp table's block minima (a power of two). */
const BLOCK_BITS = 5;
const BLOCK = 1 << BLOCK_BITS;
/** Entries and blocks a skip reads from the lcp table before it gallops instead (most skips are short). */
const LCP_READS = 128;

/**
 * What a typo walk reads: a surface dictionary (distinct words in code point order) and each word's
 * term. An index's own, or the words of a live corpus's segments merged into one.
 */
export type TypoDictionary = Pick<SearchIndex, 'surface' | 'surfaceTerm'>;

/** Bytes each dictionary word shares with the one before (lcp), and the least of each block of BLOCK. */
interface LcpTable {
  lcp: Uint8Array;
  blockMin: Uint8Array;
}

// The lcp table of each surface dictionary, made on its first typo lookup (one pass over its bytes) and
// dropped with it.
const lcpTables = new WeakMap<SearchIndex['surface'], LcpTable>();

/** Bytes each dictionary word shares with the word before it, capped at LCP_CAP, and block minima. */
function lcpTable(ix: TypoDictionary): LcpTable {
  const known = lcpTables.get(ix.surface);
  if (known) return known;
  const { bytes, off } = ix.surface;
  const n = ix.surface.length;
  const lcp = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const a = off[i - 1]!;
    const b = off[i]!;
    const limit = Math.min(b - a, off[i + 1]! - b, LCP_CAP);
    let same = 0;
    while (same < limit && bytes[a + same] === bytes[b + same]) same++;
    lcp[i] = same;
  }
  const blockMin = new Uint8Array(Math.ceil(n / BLOCK)).fill(LCP_CAP);
  for (let i = 0; i < n; i++) if (lcp[i]! < blockMin[i >>> BLOCK_BITS]!) blockMin[i >>> BLOCK_BITS] = lcp[i]!;
  const table = { lcp, blockMin };
  lcpTables.set(ix.surface, table);
  return table;
}

/** Dictionary words within `max` typos of a word, with their term and distance, and the steps taken. */
export interface TypoWalk {
  /** Each word's term, distance and place in the surface dictionary. */
  found: Array<{ t: number; d: number; w: number }>;
  /** One per dictionary word visited, per distance row computed and per probe skipping a prefix. */
  steps: number;
}

/**
 * The walk's state: the query's code points (columns) and, per depth k of the current dictionary prefix,
 * its k-th code point, its byte length and the distance row of the query against it.
 */
interface Walk {
  q: Uint32Array;
  m: number;
  max: number;
  /**
   * rows[k * (m + 1) + j]: distance of prefix[0, k) and q[0, j), capped at max + 1; kept only in the band
   * |k - j| <= max (every cell outside it is over max) and one cell either side of it, the cells the
   * next rows read.
   */
  rows: Int32Array;
  /** mins[k]: the least value of row k. */
  mins: Int32Array;
  path: Uint32Array;
  byteEnd: Uint32Array;
  /** Scratch for a seek key. */
  key: Uint8Array;
  /** Bytes each word shares with the one before. */
  lcp: LcpTable;
  steps: number;
}

/**
 * Computes row k from rows k - 1 and k - 2 for the prefix's k-th code point c: the optimal string
 * alignment distance of boundedDistance (a swap of neighbours is one typo), capped at max + 1, which
 * keeps every value up to max exact. Only the band |k - j| <= max is computed, and a cell over max on
 * either side of it. Returns the row's minimum.
 */
function fillRow(w: Walk, k: number, c: number): number {
  const { q, m, max, rows, path } = w;
  const big = max + 1;
  const width = m + 1;
  const cur = k * width;
  const prev = cur - width;
  const before = k > 1 ? path[k - 1]! : 0;
  const lo = Math.max(1, k - max);
  const hi = Math.min(m, k + max);
  let v = Math.min(k, big);
  rows[cur] = v;
  let rowMin = v;
  if (lo > 1) rows[cur + lo - 1] = big;
  if (hi < m) rows[cur + hi + 1] = big;
  for (let j = lo; j <= hi; j++) {
    const qj = q[j - 1]!;
    v = rows[prev + j - 1]! + (c === qj ? 0 : 1);
    const del = rows[prev + j]! + 1;
    if (del < v) v = del;
    const ins = rows[cur + j - 1]! + 1;
    if (ins < v) v = ins;
    if (k > 1 && j > 1 && c === q[j - 2] && before === qj) {
      const swap = rows[prev - width + j - 2]! + 1;
      if (swap < v) v = swap;
    }
    if (v > big) v = big;
    rows[cur + j] = v;
    if (v < rowMin) rowMin = v;
  }
  w.mins[k] = rowMin;
  return rowMin;
}

/** Whether dictionary word j sorts before key[0, length) (byte order). */
function sortsBefore(ix: TypoDictionary, j: number, key: Uint8Array, length: number): boolean {
  const { bytes, off } = ix.surface;
  const from = off[j]!;
  const size = off[j + 1]! - from;
  const n = Math.min(size, length);
  for (let x = 0; x < n; x++) {
    const d = bytes[from + x]! - key[x]!;
    if (d !== 0) return d < 0;
  }
  return size < length;
}

/**
 * The first word after i not sorting before the walk's key[0, length) (the words from i on that do are
 * a run: the dictionary is sorted): galloping, then binary search, so a short run costs little. One step
 * per probe.
 */
function seek(w: Walk, ix: TypoDictionary, i: number, length: number): number {
  const n = ix.surface.length;
  const key = w.key;
  let inside = i;
  let step = 1;
  let probe = i + 1;
  while (probe < n && sortsBefore(ix, probe, key, length)) {
    w.steps++;
    inside = probe;
    step *= 2;
    probe = inside + step;
  }
  let lo = inside + 1;
  let hi = Math.min(probe, n);
  while (lo < hi) {
    w.steps++;
    const mid = (lo + hi) >>> 1;
    if (sortsBefore(ix, mid, key, length)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The least code point above `after` that can follow the prefix of depth k with a distance row still
 * within max: NONE when none can, ANY when any can. A row whose least value is below
 * max lets any letter through (as a substitution); one whose least value is max only lets through the
 * query letter each max cell is diagonal to, or the one a swap of neighbours needs: every other letter
 * takes every value over max.
 */
function nextLetter(w: Walk, k: number, after: number): number {
  const { q, m, max, rows, path } = w;
  if (w.mins[k]! < max) return ANY;
  const width = m + 1;
  const row = k * width;
  let next = NONE;
  // Only cells in the band (|k - j| <= max) can be within max.
  for (let j = Math.max(1, k - max + 1), to = Math.min(m, k + max + 1); j <= to; j++) {
    const c = q[j - 1]!;
    if (c > after && c < next && rows[row + j - 1]! <= max) next = c;
  }
  if (k >= 1)
    for (let j = Math.max(2, k + 1 - max), to = Math.min(m, k + 1 + max); j <= to; j++) {
      const c = q[j - 2]!;
      if (c > after && c < next && path[k] === q[j - 1] && rows[row - width + j - 2]! + 1 <= max) next = c;
    }
  return next;
}

/**
 * Writes word i's first `length` bytes then code point c (UTF-8) into the walk's key, or then 0xff for
 * PAST (no UTF-8 byte is 0xff: the key sorts after every word with that prefix). Returns the key's length.
 */
function prefixThen(w: Walk, ix: TypoDictionary, i: number, length: number, c: number): number {
  const { bytes, off } = ix.surface;
  if (w.key.length < length + 4) w.key = new Uint8Array(2 * length + 4);
  const key = w.key;
  for (let x = 0, from = off[i]!; x < length; x++) key[x] = bytes[from + x]!;
  if (c === PAST) key[length] = 0xff;
  else if (c < 0x80) key[length] = c;
  else if (c < 0x800) {
    key[length] = 0xc0 | (c >> 6);
    key[length + 1] = 0x80 | (c & 63);
  } else if (c < 0x10000) {
    key[length] = 0xe0 | (c >> 12);
    key[length + 1] = 0x80 | ((c >> 6) & 63);
    key[length + 2] = 0x80 | (c & 63);
  } else {
    key[length] = 0xf0 | (c >> 18);
    key[length + 1] = 0x80 | ((c >> 12) & 63);
    key[length + 2] = 0x80 | ((c >> 6) & 63);
    key[length + 3] = 0x80 | (c & 63);
  }
  return length + (c === PAST || c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);
}

/**
 * The next word to visit once word i's prefix of depth k is out of reach: the first word under the next
 * letter that its parent prefix (depth k - 1) lets through, else the first word past the parent, else
 * (any letter goes) the first word past this prefix. Dead siblings are skipped without a visit.
 */
function nextAfterDead(w: Walk, ix: TypoDictionary, i: number, k: number): number {
  const next = nextLetter(w, k - 1, w.path[k]!);
  const bytes = next === ANY ? w.byteEnd[k]! : w.byteEnd[k - 1]!;
  const letter = next === ANY || next === NONE ? PAST : next;
  const near = scanLcp(w, ix, i, bytes, letter);
  if (near >= 0) return near;
  return seek(w, ix, -near - 1, prefixThen(w, ix, i, bytes, letter));
}

/**
 * The first word after i that does not start with word i's first `length` bytes, or (for a letter) the
 * first whose letter after those bytes is `letter` or later, read from the lcp table: a letter can change
 * only where a word shares too few bytes with the one before to share that letter, and a block whose
 * least value shares it holds no change. After LCP_READS entries and blocks, -j where word j - 1 (the
 * last read) comes before the answer: seek goes on from there. One step per 8 entries or blocks read.
 */
function scanLcp(w: Walk, ix: TypoDictionary, i: number, length: number, letter: number): number {
  if (length + 4 > LCP_CAP) return -(i + 1);
  const { lcp, blockMin } = w.lcp;
  const { bytes, off } = ix.surface;
  const n = ix.surface.length;
  const past = letter === PAST;
  // A word sharing `shared` bytes with the one before has the same letter after `length` when it shares
  // the letter's first byte and that byte is the whole letter (ASCII), or shares 4 bytes past `length`.
  let reads = 0;
  let j = i + 1;
  for (; j < n && reads < LCP_READS; j++, reads++) {
    // At a block's start, whole blocks without a change are passed at once.
    while ((j & (BLOCK - 1)) === 0 && j + BLOCK <= n && reads < LCP_READS) {
      const least = blockMin[j >>> BLOCK_BITS]!;
      if (least < length) break;
      if (!past && least < length + 4 && (least === length || bytes[off[j]! + length]! >= 0x80)) break;
      j += BLOCK;
      reads++;
    }
    if (j >= n || reads >= LCP_READS) break;
    const shared = lcp[j]!;
    if (shared < length) break;
    if (past || shared >= length + 4 || (shared > length && bytes[off[j]! + length]! < 0x80)) continue;
    if (codePointAt(bytes, off[j]! + length) >= letter) break;
  }
  w.steps += 1 + (reads >> 3);
  return j >= n || reads < LCP_READS ? Math.min(j, n) : -j;
}

/** Code points word i shares with the walk's current path of `top` code points (word `last`'s prefix). */
function sharedDepth(w: Walk, ix: TypoDictionary, i: number, last: number, top: number): number {
  if (last < 0 || top === 0) return 0;
  const { bytes, off } = ix.surface;
  const a = off[i]!;
  const b = off[last]!;
  const limit = Math.min(w.byteEnd[top]!, off[i + 1]! - a);
  let same = 0;
  while (same < limit && bytes[a + same] === bytes[b + same]) same++;
  let k = 0;
  while (k < top && w.byteEnd[k + 1]! <= same) k++;
  return k;
}

function startWalk(folded: string, max: number): Walk | null {
  const chars = Array.from(folded, (c) => c.codePointAt(0)!);
  if (chars.length > MAX_WORD) return null;
  const m = chars.length;
  // A word deeper than m + max code points is more than max typos away: its row is pruned first.
  const depth = m + max + 2;
  const w: Walk = {
    q: Uint32Array.from(chars),
    m,
    max,
    rows: new Int32Array(depth * (m + 1)),
    mins: new Int32Array(depth),
    path: new Uint32Array(depth),
    byteEnd: new Uint32Array(depth),
    key: new Uint8Array(64),
    lcp: { lcp: new Uint8Array(0), blockMin: new Uint8Array(0) },
    steps: 0,
  };
  for (let j = 0; j <= m; j++) w.rows[j] = Math.min(j, max + 1);
  return w;
}

/**
 * Dictionary words within `max` typos of a folded word (the word itself excluded), with their term, or
 * null once the walk would take more than `maxSteps` steps.
 *
 * The sorted surface dictionary is walked as a trie: a word reuses the distance rows of the prefix it
 * shares with the word before, and as soon as a prefix's row has no value within `max` (no word starting
 * with it can come back within reach: a row's least value never decreases down the trie), every word with
 * that prefix is skipped at once, and a prefix whose row is at the limit only lets through the letters
 * nextLetter names. The cost follows the dictionary prefixes within reach of the word's own (for two
 * typos, nearly every two-letter prefix: bench/search/typo-lookup.ts), not the dictionary's size.
 *
 * Found words come by UTF-8 length, then dictionary order: the order of the length-bucketed scan this
 * replaces, on which ties among the candidates are broken.
 */
export function typoCandidates(
  ix: TypoDictionary,
  folded: string,
  max: number,
  maxSteps = Number.POSITIVE_INFINITY,
): TypoWalk | null {
  const w = startWalk(folded, max);
  if (!w) return { found: [], steps: 0 };
  w.lcp = lcpTable(ix);
  const { bytes, off } = ix.surface;
  const n = ix.surface.length;
  const found: number[] = [];
  const distance: number[] = [];
  let top = 0;
  let last = -1;
  for (let i = 0; i < n; ) {
    if (++w.steps > maxSteps) return null;
    const from = off[i]!;
    const to = off[i + 1]!;
    let k = sharedDepth(w, ix, i, last, top);
    let pruned = false;
    for (let p = from + w.byteEnd[k]!; p < to; p += utf8Width(bytes[p]!)) {
      k++;
      w.path[k] = codePointAt(bytes, p);
      w.byteEnd[k] = p + utf8Width(bytes[p]!) - from;
      if (++w.steps > maxSteps) return null;
      if (fillRow(w, k, w.path[k]!) > max) {
        pruned = true;
        break;
      }
    }
    last = i;
    if (pruned) {
      top = k - 1;
      i = nextAfterDead(w, ix, i, k);
      if (w.steps > maxSteps) return null;
      continue;
    }
    top = k;
    // Row k holds cell m only when it is in or beside the band; beyond, the word is over max typos away.
    const d = Math.abs(w.m - k) <= max + 1 ? w.rows[k * (w.m + 1) + w.m]! : max + 1;
    if (d > 0 && d <= max) {
      found.push(i);
      distance.push(d);
    }
    i++;
  }
  return { found: inScanOrder(ix, found, distance), steps: w.steps };
}

/** Found words (in dictionary order) sorted by UTF-8 length, stably. */
function inScanOrder(ix: TypoDictionary, found: number[], distance: number[]): TypoWalk['found'] {
  const order = found.map((_, x) => x);
  order.sort((x, y) => ix.surface.size(found[x]!) - ix.surface.size(found[y]!) || x - y);
  return order.map((x) => ({ t: ix.surfaceTerm[found[x]!]!, d: distance[x]!, w: found[x]! }));
}

/** Lookups remembered per dictionary: search as you type asks again for a misspelt word at each keystroke. */
const REMEMBERED = 256;
const remembered = new WeakMap<SearchIndex['surface'], Map<string, TypoWalk>>();

/**
 * typoCandidates, remembered per dictionary (the last REMEMBERED words and limits): a remembered walk
 * answers as a new one would, null when it took more than `maxSteps` steps, so a query's answer and what
 * it pays do not depend on what was asked before.
 */
export function rememberedTypoCandidates(
  ix: TypoDictionary,
  folded: string,
  max: number,
  maxSteps: number,
): TypoWalk | null {
  let known = remembered.get(ix.surface);
  if (!known) {
    known = new Map();
    remembered.set(ix.surface, known);
  }
  const key = `${max}:${folded}`;
  const hit = known.get(key);
  if (hit) return hit.steps > maxSteps ? null : hit;
  const walk = typoCandidates(ix, folded, max, maxSteps);
  if (walk) {
    if (known.size >= REMEMBERED) known.clear();
    known.set(key, walk);
  }
  return walk;
}
