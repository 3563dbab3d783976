import { gallop } from './gallop';
import type { TermPositions } from '../index/position-lists';

/** Does some start s put every term k at s + offsets[k] in text i_k of its list? */
function aligned(
  lists: readonly TermPositions[],
  offsets: readonly number[],
  at: readonly number[],
): boolean {
  const first = lists[0]!;
  const firstText = at[0]!;
  outer: for (let p = first.posOff[firstText]!; p < first.posOff[firstText + 1]!; p++) {
    const start = first.pos[p]! - offsets[0]!;
    if (start < 0) continue;
    for (let k = 1; k < lists.length; k++) {
      const l = lists[k]!;
      const want = start + offsets[k]!;
      const from = l.posOff[at[k]!]!;
      const to = l.posOff[at[k]! + 1]!;
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (l.pos[mid]! < want) lo = mid + 1;
        else hi = mid;
      }
      if (lo === to || l.pos[lo] !== want) continue outer;
    }
    return true;
  }
  return false;
}

/** Texts (ascending) where one term occurs at `offset` or later (a phrase of one word among stop words). */
function textsWithLatePosition(list: TermPositions, offset: number): Uint32Array {
  if (offset === 0) return list.texts;
  const out = new Uint32Array(list.texts.length);
  let n = 0;
  for (let i = 0; i < list.texts.length; i++)
    if (list.pos[list.posOff[i + 1]! - 1]! >= offset) out[n++] = list.texts[i]!;
  return out.subarray(0, n);
}

/** Texts (ascending) where the terms occur at their offsets from one start: a phrase, by positions. */
export function textsWithSequence(lists: readonly TermPositions[], offsets: readonly number[]): Uint32Array {
  if (lists.length === 0) return new Uint32Array(0);
  if (lists.length === 1) return textsWithLatePosition(lists[0]!, offsets[0]!);
  let driver = 0;
  for (let k = 1; k < lists.length; k++) if (lists[k]!.texts.length < lists[driver]!.texts.length) driver = k;
  const driverTexts = lists[driver]!.texts;
  const cursor = new Array<number>(lists.length).fill(0);
  const at = new Array<number>(lists.length).fill(0);
  const out = new Uint32Array(driverTexts.length);
  let n = 0;
  outer: for (let i = 0; i < driverTexts.length; i++) {
    const x = driverTexts[i]!;
    for (let k = 0; k < lists.length; k++) {
      if (k === driver) {
        at[k] = i;
        continue;
      }
      const t = lists[k]!.texts;
      const c = gallop(t, cursor[k]!, x);
      cursor[k] = c;
      if (c >= t.length) break outer;
      if (t[c] !== x) continue outer;
      at[k] = c;
    }
    if (aligned(lists, offsets, at)) out[n++] = x;
  }
  return out.subarray(0, n);
}

/** Does text x hold the phrase? (For a few texts: binary searches instead of a walk.) */
export function textHasSequence(
  lists: readonly TermPositions[],
  offsets: readonly number[],
  x: number,
): boolean {
  const at: number[] = [];
  for (const l of lists) {
    const c = gallop(l.texts, 0, x);
    if (c >= l.texts.length || l.texts[c] !== x) return false;
    at.push(c);
  }
  return lists.length > 0 && aligned(lists, offsets, at);
}

// Scratch: a stamp per document, current where one of the document's texts holds the phrase.
let stamps = new Uint32Array(0);
let generation = 0;

/**
 * Which candidate documents (ascending) hold one of `texts`, as indices into `candidates`: the texts'
 * documents are stamped, then the candidates read their stamp (no sort of the texts' documents, which
 * may be many more than the candidates).
 */
export function candidatesHoldingTexts(
  texts: Uint32Array,
  byText: { off: Uint32Array; docs: Uint32Array },
  documents: number,
  candidates: Uint32Array,
): Uint32Array {
  if (stamps.length < documents || generation === 0xffffffff) {
    stamps = new Uint32Array(Math.max(documents, stamps.length));
    generation = 0;
  }
  const current = ++generation;
  const { off, docs } = byText;
  for (let i = 0; i < texts.length; i++) {
    const x = texts[i]!;
    for (let j = off[x]!; j < off[x + 1]!; j++) stamps[docs[j]!] = current;
  }
  const out = new Uint32Array(candidates.length);
  let n = 0;
  for (let i = 0; i < candidates.length; i++) if (stamps[candidates[i]!] === current) out[n++] = i;
  return out.subarray(0, n);
}
