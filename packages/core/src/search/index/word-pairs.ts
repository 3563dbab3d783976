import { GrowableArray } from '../../binary/growable-array';
import { PostingLists } from './posting-lists';
import { KEYWORD_IMPACT } from './ranking-weights';

/**
 * A word is common enough to pair when it is in at least this share of the stored texts (and MIN_TEXTS):
 * a phrase whose rarest word is rarer is checked by positions over few texts anyway.
 */
const COMMON_SHARE = 1 / 512;
const MIN_TEXTS = 4;

/** What the pairs are built from: the texts' words, how many texts hold each term, and each document's texts. */
export interface WordPairsInput {
  /**
   * Each unique text's words as term ids (-1 for a stop word), text x's at wordOff[x]..wordOff[x + 1];
   * every text is some document's.
   */
  words: Int32Array;
  wordOff: Uint32Array;
  /** Each term id's rank in the sorted dictionary. */
  rank: Uint32Array;
  /** The texts holding each term, by rank, as running sums (countTerms, which the positions are laid out by). */
  textsByRank: Uint32Array;
  /** Document d's texts are textIds[textOff[d]..textOff[d + 1]). */
  textIds: Uint32Array;
  textOff: Uint32Array;
  documents: number;
}

/**
 * A next-word index of common words (as in Williams, Zobel and Bahle's combined indexes, or Lucene's
 * common grams): for each two terms that stand side by side in a stored text (positions p and p + 1, no
 * stop word between) and are each common, the documents holding them so. A phrase of common words is
 * where a check by positions costs most: its words are in many of the same documents, and it is in few of
 * them. Its pairs' lists hold the phrase's documents (exactly, for two words), so the phrase is answered
 * from them at the cost of an AND, and its total stays exact. A pair's list stores no impacts: it only
 * says which documents hold the pair, and the words' own lists score them.
 */
export class WordPairs {
  constructor(
    /** Each pair's two terms as dictionary ranks, [first, second] per pair, ascending by first then second. */
    readonly keys: Uint32Array,
    /** Pair i's documents are list i (documents ascending, no impacts). */
    readonly postings: PostingLists,
  ) {}

  get count(): number {
    return this.keys.length >> 1;
  }

  /** The pair of terms a then b (dictionary ranks), or -1 when they are not a pair. */
  find(a: number, b: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = keys[2 * mid]!;
      if (x < a || (x === a && keys[2 * mid + 1]! < b)) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.count && keys[2 * lo] === a && keys[2 * lo + 1] === b ? lo : -1;
  }

  static build(input: WordPairsInput): WordPairs {
    const common = commonTerms(input);
    const found = textPairs(input, common);
    const order = byRanks(found.first, found.second, input.rank);
    const keys = new Uint32Array(2 * order.length);
    const place = new Uint32Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const p = order[i]!;
      place[p] = i;
      keys[2 * i] = input.rank[found.first.array[p]!]!;
      keys[2 * i + 1] = input.rank[found.second.array[p]!]!;
    }
    const { termOff, docs } = pairDocs(input, found, place);
    const impacts = new Uint8Array(docs.length).fill(KEYWORD_IMPACT);
    return new WordPairs(keys, PostingLists.encode(termOff, docs, impacts, input.documents));
  }
}

/** 1 for each term id in enough texts to pair. */
function commonTerms({ wordOff, rank, textsByRank }: WordPairsInput): Uint8Array {
  const least = Math.max(MIN_TEXTS, Math.ceil((wordOff.length - 1) * COMMON_SHARE));
  const common = new Uint8Array(rank.length);
  for (let t = 0; t < rank.length; t++) {
    const r = rank[t]!;
    common[t] = textsByRank[r + 1]! - textsByRank[r]! >= least ? 1 : 0;
  }
  return common;
}

/** The pairs met (term ids, numbered as met) and each text's pairs (pairs[pairOff[x]..pairOff[x + 1])). */
interface FoundPairs {
  first: GrowableArray<Int32Array>;
  second: GrowableArray<Int32Array>;
  pairOff: Uint32Array;
  pairs: Uint32Array;
}

/** Every pair of common terms side by side in a text, numbered through an open-addressed table. */
function textPairs({ words, wordOff }: WordPairsInput, common: Uint8Array): FoundPairs {
  const nTexts = wordOff.length - 1;
  const first = new GrowableArray(Int32Array);
  const second = new GrowableArray(Int32Array);
  const pairOff = new Uint32Array(nTexts + 1);
  const pairs = new GrowableArray(Uint32Array);
  let slots: Int32Array = new Int32Array(1 << 16).fill(-1);
  for (let x = 0; x < nTexts; x++) {
    // Room for the text's pairs at once: each is written, not pushed (a call per pair).
    pairs.reserve(wordOff[x + 1]! - wordOff[x]!);
    const out = pairs.array;
    for (let i = wordOff[x]! + 1; i < wordOff[x + 1]!; i++) {
      const a = words[i - 1]!;
      const b = words[i]!;
      if (a < 0 || b < 0 || common[a] === 0 || common[b] === 0) continue;
      if (2 * first.length >= slots.length) slots = rehash(slots, first.array, second.array, first.length);
      const mask = slots.length - 1;
      let s = hashPair(a, b) & mask;
      let p = slots[s]!;
      while (p >= 0 && (first.array[p] !== a || second.array[p] !== b)) {
        s = (s + 1) & mask;
        p = slots[s]!;
      }
      if (p < 0) {
        p = first.length;
        slots[s] = p;
        first.push(a);
        second.push(b);
      }
      out[pairs.length++] = p;
    }
    pairOff[x + 1] = pairs.length;
  }
  return { first, second, pairOff, pairs: pairs.view() };
}

const hashPair = (a: number, b: number) => Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);

/** The table doubled, every pair placed again. */
function rehash(slots: Int32Array, first: Int32Array, second: Int32Array, count: number): Int32Array {
  const out = new Int32Array(slots.length * 2).fill(-1);
  const mask = out.length - 1;
  for (let p = 0; p < count; p++) {
    let s = hashPair(first[p]!, second[p]!) & mask;
    while (out[s]! >= 0) s = (s + 1) & mask;
    out[s] = p;
  }
  return out;
}

/** The pairs (their numbers) ordered by their terms' ranks, first then second: two counting sorts. */
function byRanks(
  first: GrowableArray<Int32Array>,
  second: GrowableArray<Int32Array>,
  rank: Uint32Array,
): Uint32Array {
  const all = new Uint32Array(first.length);
  for (let p = 0; p < all.length; p++) all[p] = p;
  const bySecond = countingSort(all, (p) => rank[second.array[p]!]!, rank.length);
  return countingSort(bySecond, (p) => rank[first.array[p]!]!, rank.length);
}

/** `items` ordered by key (below `keys`), stably. */
function countingSort(items: Uint32Array, key: (p: number) => number, keys: number): Uint32Array {
  const start = new Uint32Array(keys + 1);
  for (let i = 0; i < items.length; i++) start[key(items[i]!) + 1]!++;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const out = new Uint32Array(items.length);
  for (let i = 0; i < items.length; i++) out[start[key(items[i]!)]!++] = items[i]!;
  return out;
}

/**
 * Each pair's documents, lists in the pairs' order (`place`), documents ascending: a document holds a
 * pair when one of its texts does (counted once however many do).
 */
function pairDocs(
  { textIds, textOff, documents }: WordPairsInput,
  found: FoundPairs,
  place: Uint32Array,
): { termOff: Uint32Array; docs: Uint32Array } {
  const { pairOff, pairs } = found;
  const termOff = new Uint32Array(place.length + 1);
  const last = new Int32Array(place.length).fill(-1);
  const eachPair = (fn: (p: number, d: number) => void) => {
    for (let d = 0; d < documents; d++)
      for (let j = textOff[d]!; j < textOff[d + 1]!; j++) {
        const x = textIds[j]!;
        for (let k = pairOff[x]!; k < pairOff[x + 1]!; k++) {
          const p = pairs[k]!;
          if (last[p] === d) continue;
          last[p] = d;
          fn(p, d);
        }
      }
  };
  eachPair((p) => termOff[place[p]! + 1]!++);
  for (let i = 0; i < place.length; i++) termOff[i + 1]! += termOff[i]!;
  const next = termOff.slice(0, place.length);
  const docs = new Uint32Array(termOff[place.length]!);
  last.fill(-1);
  eachPair((p, d) => {
    docs[next[place[p]!]!++] = d;
  });
  return { termOff, docs };
}
