import type { PositionCursor } from '../index/position-cursor';
import { gallop } from '../index/gallop';
import { SHARED_TEXT, type TextDocs } from '../index/search-index';

/** A phrase's words: a cursor over each one's positions, its offset from the first word (0), its term id. */
export interface PhraseWords {
  lists: PositionCursor[];
  offsets: number[];
  terms: number[];
  /** The cursors by their text counts, fewest first (the order a text is sought in). */
  rarest?: PositionCursor[];
}

/** Does some start s put every term k at s + offsets[k] in the text each cursor stands on? */
function aligned(lists: readonly PositionCursor[], offsets: readonly number[]): boolean {
  const lead = lists[0]!;
  const end = lead.to();
  // Positions read in place in each cursor's block (bit-packed): nothing decoded, no view made per text.
  outer: for (let p = lead.from(); p < end; p++) {
    const start = lead.positionAt(p) - offsets[0]!;
    for (let k = 1; k < lists.length; k++) if (!lists[k]!.holds(start + offsets[k]!)) continue outer;
    return true;
  }
  return false;
}

/** The place in `lists` of the cursor over fewest texts. */
function rarestOf(lists: readonly PositionCursor[]): number {
  let driver = 0;
  for (let k = 1; k < lists.length; k++) if (lists[k]!.count < lists[driver]!.count) driver = k;
  return driver;
}

/** Does text x hold the phrase? (For a few texts: each cursor seeks x through its skip table.) */
export function textHasSequence(phrase: PhraseWords, x: number): boolean {
  const { lists, offsets } = phrase;
  if (lists.length === 0) return false;
  // The word in fewest texts first: most texts lack it, and the others are not sought there.
  const rarest = phrase.rarest ?? lists;
  for (const l of rarest) if (!l.seek(x)) return false;
  return lists.length === 1 || aligned(lists, offsets);
}

// Scratch: a stamp per document, current where one of the document's texts holds the phrase.
let stamps = new Uint32Array(0);
let generation = 0;

/**
 * The texts' documents are looked up among the candidates (each a gallop) when there are fewer than
 * this share of the candidates; else every candidate reads its stamp. A common pair of words has many
 * candidates and few documents holding them in order: the candidates are not all read.
 */
const LOOKUP_SHARE = 1 / 16;

/**
 * Which candidate documents (ascending) hold one of `texts`, as indices into `candidates`: the texts'
 * documents are stamped (no sort of them, which may be many more than the candidates), then either each
 * candidate reads its stamp or, when the stamped documents are few, each of them is sought among the
 * candidates.
 */
export function candidatesHoldingTexts(
  texts: Uint32Array,
  byText: TextDocs,
  documents: number,
  candidates: Uint32Array,
): Uint32Array {
  const current = newStamps(documents);
  if (texts.length < candidates.length * LOOKUP_SHARE) {
    const found: number[] = [];
    stampDocs(texts, byText, current, found);
    if (found.length < candidates.length * LOOKUP_SHARE) return soughtAmong(found, candidates);
  } else stampDocs(texts, byText, current, null);
  const out = new Uint32Array(candidates.length);
  let n = 0;
  for (let i = 0; i < candidates.length; i++) if (stamps[candidates[i]!] === current) out[n++] = i;
  return out.subarray(0, n);
}

/** Two new stamps, the scratch grown to `documents` (and cleared when the stamps would wrap). */
function newStamps(documents: number): number {
  if (stamps.length < documents || generation >= 0xfffffffe) {
    stamps = new Uint32Array(Math.max(documents, stamps.length));
    generation = 0;
  }
  generation += 2;
  return generation - 1;
}

/**
 * Which candidates (indices into `candidates`, ascending) hold the phrase in one of their texts, for
 * phrases of two words or more. The rarest word's texts are walked as textsWithSequence walks them, but a
 * text is sought in the other words only while one of its documents is a candidate not yet found to hold
 * the phrase: a pair of common words has many texts in documents lacking one of them, and a document's
 * later texts need no reading once one holds it. At news 300k, 59% of the rarest words' texts walked were
 * in no candidate, and a phrase query took 12% less CPU (query-cpu, same answers).
 */
export function candidatesHoldingSequence(
  phrase: PhraseWords,
  textsOf: (t: number) => Uint32Array,
  byText: TextDocs,
  documents: number,
  candidates: Uint32Array,
): Uint32Array {
  const { lists, offsets } = phrase;
  const open = newStamps(documents);
  const found = open + 1;
  for (let i = 0; i < candidates.length; i++) stamps[candidates[i]!] = open;
  const driver = rarestOf(lists);
  const driverTexts = textsOf(phrase.terms[driver]!);
  const one = byText.one;
  outer: for (let i = 0; i < driverTexts.length; i++) {
    const x = driverTexts[i]!;
    const d = one[x]!;
    if (d === SHARED_TEXT ? !sharedHas(byText, x, open) : stamps[d] !== open) continue;
    for (let k = 0; k < lists.length; k++) if (k !== driver && !lists[k]!.seek(x)) continue outer;
    lists[driver]!.seek(x);
    if (!aligned(lists, offsets)) continue;
    if (d === SHARED_TEXT) restampShared(byText, x, open, found);
    else stamps[d] = found;
  }
  const out = new Uint32Array(candidates.length);
  let n = 0;
  for (let i = 0; i < candidates.length; i++) if (stamps[candidates[i]!] === found) out[n++] = i;
  return out.subarray(0, n);
}

/** Does one of shared text x's documents carry `stamp`? */
function sharedHas(byText: TextDocs, x: number, stamp: number): boolean {
  for (let j = byText.off[x]!; j < byText.off[x + 1]!; j++)
    if (stamps[byText.docs[j]!] === stamp) return true;
  return false;
}

/** Shared text x's documents stamped `from` are stamped `to`. */
function restampShared(byText: TextDocs, x: number, from: number, to: number): void {
  for (let j = byText.off[x]!; j < byText.off[x + 1]!; j++)
    if (stamps[byText.docs[j]!] === from) stamps[byText.docs[j]!] = to;
}

/**
 * Stamps the documents of `texts` `current`, and adds each one newly stamped to `found` (when given: a
 * few texts' distinct documents, in their texts' order). No closure is made per call: a bench run
 * through tsx names each closure it makes (a defineProperty a query).
 */
function stampDocs(texts: Uint32Array, byText: TextDocs, current: number, found: number[] | null): void {
  const { off, docs, one } = byText;
  for (let i = 0; i < texts.length; i++) {
    const x = texts[i]!;
    const d = one[x]!;
    const from = d === SHARED_TEXT ? off[x]! : 0;
    const to = d === SHARED_TEXT ? off[x + 1]! : 1;
    for (let j = from; j < to; j++) {
      const e = d === SHARED_TEXT ? docs[j]! : d;
      if (stamps[e] === current) continue;
      stamps[e] = current;
      found?.push(e);
    }
  }
}

/** Indices (ascending) into `candidates` of the documents `found` (distinct, any order) that it holds. */
function soughtAmong(found: number[], candidates: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(found).sort();
  const out = new Uint32Array(sorted.length);
  let n = 0;
  let p = 0;
  for (let i = 0; i < sorted.length; i++) {
    p = gallop(candidates, p, sorted[i]!);
    if (p >= candidates.length) break;
    if (candidates[p] === sorted[i]) out[n++] = p;
  }
  return out.subarray(0, n);
}
