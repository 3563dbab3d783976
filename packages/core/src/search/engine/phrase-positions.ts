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

/** Texts (ascending) where the terms occur at their offsets from one start: a phrase, by positions. */
export function textsWithSequence(lists: readonly TermPositions[], offsets: readonly number[]): Uint32Array {
  if (lists.length === 0) return new Uint32Array(0);
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
