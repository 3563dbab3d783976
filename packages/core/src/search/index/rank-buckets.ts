// An inversion (the postings' entries, the positions' words) sorts items by term rank, keeping their
// order within a term. Written straight to its term's place, nearly every item missed the cache once a
// corpus's lists outgrew it: the places of a document's few hundred terms lie far apart. At news 100k
// that was 70% of the postings' build and 65% of the positions'. So the sort takes two steps:
// - each item goes to its bucket, a run of whole terms by rank (about a thousand at news 100k: their write
//   heads stay in the cache), keeping its order;
// - each bucket, at most BUCKET_ITEMS items, is then sorted by term within itself, in a scratch area
//   the cache holds.
// A bucket's place in the output is where its terms' items go, so the second step sorts it in place.

/** Items per bucket at most (a term holding more is a bucket of its own): its scratch fits the cache. */
export const BUCKET_ITEMS = 1 << 15;
/** Terms per bucket at most: a term's rank within its bucket is 16 bits. */
const BUCKET_TERMS = 1 << 16;

export interface RankBuckets {
  /** Bucket b holds the terms of ranks first[b] to first[b + 1] - 1 (first has a last entry). */
  first: Uint32Array;
  /** Its first item's place, from the terms' offsets: bucket b's items are at [at[b], at[b + 1]). */
  at: Uint32Array;
  /** Per term id: its bucket times 65,536 plus its rank within the bucket. */
  code: Uint32Array;
  /** The most items and the most terms of a bucket sortBucket sorts (one of two terms or more). */
  largest: { items: number; terms: number };
}

/**
 * Buckets over terms of ranks 0..termOff.length - 2 whose items lie at termOff[r]..termOff[r + 1] in the
 * output, and each term id's code (`rank` maps a term id to its rank).
 */
export function rankBuckets(termOff: Uint32Array, rank: Uint32Array): RankBuckets {
  const terms = termOff.length - 1;
  const first = [0];
  for (let r = 0; r < terms; r++) {
    const from = first[first.length - 1]!;
    const full = termOff[r + 1]! - termOff[from]! > BUCKET_ITEMS || r + 1 - from > BUCKET_TERMS;
    if (full && r > from) first.push(r);
  }
  first.push(terms);
  const buckets = first.length - 1;
  // A code holds the bucket in 16 bits: 2 ** 31 items at least would need more.
  if (buckets > BUCKET_TERMS) throw new RangeError(`too many items to sort by term: ${termOff[terms]}`);
  const byRank = new Uint32Array(terms);
  for (let b = 0; b < buckets; b++)
    for (let r = first[b]!; r < first[b + 1]!; r++) byRank[r] = b * BUCKET_TERMS + (r - first[b]!);
  const code = new Uint32Array(rank.length);
  for (let t = 0; t < rank.length; t++) code[t] = byRank[rank[t]!]!;
  const largest = { items: 0, terms: 0 };
  for (let b = 0; b < buckets; b++) {
    const terms = first[b + 1]! - first[b]!;
    if (terms < 2) continue;
    largest.items = Math.max(largest.items, termOff[first[b + 1]!]! - termOff[first[b]!]!);
    largest.terms = Math.max(largest.terms, terms);
  }
  return {
    first: Uint32Array.from(first),
    at: Uint32Array.from(first, (r) => termOff[r]!),
    code,
    largest,
  };
}

/** Where each bucket's next item goes: its first place, moved on as items are written to it. */
export const bucketHeads = (buckets: RankBuckets) => buckets.at.slice(0, buckets.at.length - 1);

/** The bucket of a code, and the rank it stands for. */
export const bucketOf = (code: number) => code >>> 16;
export const rankOf = (buckets: RankBuckets, code: number) => buckets.first[code >>> 16]! + (code & 0xffff);

/** What sortBucket sorts in: a scratch array per value array, and the heads of the bucket's terms. */
export interface BucketScratch<B extends Uint32Array | Uint8Array> {
  a: Uint32Array;
  b: B;
  heads: Uint32Array;
}

/**
 * Scratch for sorting these buckets' items held in two arrays, `b` of the kind given: as large as their
 * largest bucket needs (a small corpus's build allocates a few bytes, not the bound's 0.5-0.9 MB).
 */
export function bucketScratch<B extends Uint32Array | Uint8Array>(
  buckets: RankBuckets,
  b: B,
): BucketScratch<B> {
  const { items, terms } = buckets.largest;
  return {
    a: new Uint32Array(items),
    b: (b instanceof Uint8Array ? new Uint8Array(items) : new Uint32Array(items)) as B,
    heads: new Uint32Array(terms + 1),
  };
}

/**
 * Sorts bucket k's items by their rank within it (`local`), keeping their order within a term: the
 * items of the parallel arrays a and b at [at[k], at[k + 1]). A bucket of one term is left as it is: its
 * items are in order already.
 */
export function sortBucket<B extends Uint32Array | Uint8Array>(
  buckets: RankBuckets,
  k: number,
  local: Uint16Array,
  a: Uint32Array,
  b: B,
  scratch: BucketScratch<B>,
): void {
  const terms = buckets.first[k + 1]! - buckets.first[k]!;
  if (terms < 2) return;
  const from = buckets.at[k]!;
  const to = buckets.at[k + 1]!;
  const heads = scratch.heads;
  heads.fill(0, 0, terms + 1);
  for (let i = from; i < to; i++) heads[local[i]! + 1]!++;
  for (let t = 0; t < terms; t++) heads[t + 1]! += heads[t]!;
  const sa = scratch.a;
  const sb = scratch.b;
  for (let i = from; i < to; i++) {
    const at = heads[local[i]!]!++;
    sa[at] = a[i]!;
    sb[at] = b[i]!;
  }
  a.set(sa.subarray(0, to - from), from);
  b.set(sb.subarray(0, to - from), from);
}
