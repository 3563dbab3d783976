import { type Matches, scoreAt, typosAt } from './evaluate-query';
import { highestImpact } from './matches';

/** Is result i ranked before result j? Fewer typos, then higher score, then document order (newer, then id). */
function before(m: Matches, i: number, j: number): boolean {
  const typosI = typosAt(m, i);
  const typosJ = typosAt(m, j);
  if (typosI !== typosJ) return typosI < typosJ;
  const scoreI = scoreAt(m, i);
  const scoreJ = scoreAt(m, j);
  if (scoreI !== scoreJ) return scoreI > scoreJ;
  return m.docs[i]! < m.docs[j]!;
}

/**
 * Indexes (into m) of the best k results in rank order. Without typos the order is score, then index
 * (documents ascending), read straight from the typed arrays; with typos, by the general comparison.
 */
export function topByRelevance(m: Matches, k: number): number[] {
  if (k <= 0) return [];
  if (m.typos !== null) return topByComparison(m, k);
  if (m.scores !== null) return topByKey(m.scores, m.docs.length, k);
  if (m.imp !== undefined) return topByKey(m.imp, m.docs.length, k, highestImpact(m));
  return Array.from({ length: Math.min(k, m.docs.length) }, (_, i) => i);
}

/**
 * The k best indexes by a key (higher first, then lower index) in one pass: a bounded heap with the
 * worst kept at its root, so most items are turned away by one comparison. Impacts rank as their
 * scores do (a list's multiplier is positive), so a list read in place is ranked by its bytes.
 * `max`: no key is higher (when known).
 */
function topByKey(key: ArrayLike<number>, n: number, k: number, max = Number.POSITIVE_INFINITY): number[] {
  const size = Math.min(k, n);
  const heap = new Int32Array(size);
  // a ranks after b: lower key, or the same key and a later index.
  const worse = (a: number, b: number) => key[a]! < key[b]! || (key[a] === key[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      let w = i;
      if (l < size && worse(heap[l]!, heap[w]!)) w = l;
      if (l + 1 < size && worse(heap[l + 1]!, heap[w]!)) w = l + 1;
      if (w === i) return;
      const t = heap[i]!;
      heap[i] = heap[w]!;
      heap[w] = t;
      i = w;
    }
  };
  for (let i = 0; i < size; i++) heap[i] = i;
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
  // Later indexes lose ties, so only a strictly higher key displaces the worst kept; once the worst
  // kept has the highest key the list holds (`max`), nothing after it can (a common word's long list).
  // The worst kept key, held in a local: the scan reads one key a document.
  let floor = size > 0 ? key[heap[0]!]! : max;
  for (let i = nextAbove(key, size, n, floor); i < n && floor < max; i = nextAbove(key, i + 1, n, floor)) {
    heap[0] = i;
    down(0);
    floor = key[heap[0]!]!;
  }
  return Array.from(heap).sort((a, b) => key[b]! - key[a]! || a - b);
}

/**
 * The first index from `from` on whose key is above floor (n when none): a loop of its own, whose
 * variables no closure captures, so it compiles to a load and a compare a key.
 */
function nextAbove(key: ArrayLike<number>, from: number, n: number, floor: number): number {
  let i = from;
  while (i < n && key[i]! <= floor) i++;
  return i;
}

/** The best k by the full comparison (typos first), with a bounded heap. */
function topByComparison(m: Matches, k: number): number[] {
  const n = m.docs.length;
  const heap: number[] = []; // worst at the root
  const worse = (a: number, b: number) => before(m, b, a);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(heap[l]!, heap[w]!)) w = l;
      if (r < heap.length && worse(heap[r]!, heap[w]!)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (before(m, i, heap[0]!)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(m, a, b) ? -1 : 1));
}

/** Indexes of the best k results by a per-document rank (date order): smallest rank first. */
export function topByRank(m: Matches, k: number, rank: (doc: number) => number): number[] {
  const n = m.docs.length;
  if (k <= 0) return [];
  const idx = Array.from({ length: n }, (_, i) => i);
  if (n > 4 * k) {
    // Partial: keep the k smallest ranks seen.
    const out: number[] = [];
    for (const i of idx) {
      out.push(i);
      if (out.length > 2 * k) {
        out.sort((a, b) => rank(m.docs[a]!) - rank(m.docs[b]!));
        out.length = k;
      }
    }
    return out.sort((a, b) => rank(m.docs[a]!) - rank(m.docs[b]!)).slice(0, k);
  }
  return idx.sort((a, b) => rank(m.docs[a]!) - rank(m.docs[b]!)).slice(0, k);
}
