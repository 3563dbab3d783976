import type { SearchIndex } from '../index/search-index';

/**
 * The documents [from, to) dated after (on or from) a date prefix, before it, or in a year. Documents are
 * newest first with undated ones last, so each is a contiguous run, found by binary search.
 */
export function dateSpan(ix: SearchIndex, op: 'after' | 'before' | 'year', value: string): [number, number] {
  let lo = 0;
  let hi = ix.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.dates.size(mid) > 0) lo = mid + 1;
    else hi = mid;
  }
  const dated = lo;
  /** The first document whose date prefix is below v. */
  const firstBelow = (v: string) => {
    let a = 0;
    let b = dated;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (ix.dates.at(mid).slice(0, v.length) >= v) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  if (op === 'after') return [0, firstBelow(value)];
  if (op === 'before') return [firstBelow(value), dated];
  return [firstBelow(String(Number(value) + 1).padStart(4, '0')), firstBelow(value)];
}
