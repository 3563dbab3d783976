import { describe, expect, it } from 'vitest';
import { compareCodePoints, StringColumn } from '../../binary/string-column';
import { leastStoredHead } from './least-stored-head';

/** Sorted columns whose runs merged must give every string in code point order (non-ASCII included). */
const lists = [
  ['apple', 'zoë', 'école'],
  ['apple', 'banana', 'zoe'],
  ['cherry', 'électeur'],
].map((l) => [...l].sort(compareCodePoints));
const columns = lists.map((l) => StringColumn.from(l));

function merged(at: number[], end: number[]): string[] {
  const out: string[] = [];
  for (;;) {
    const s = leastStoredHead(columns, at, end);
    if (s < 0) return out;
    out.push(columns[s]!.at(at[s]!++));
  }
}

describe('leastStoredHead', () => {
  it('takes the heads in code point order, non-ASCII after ASCII, until every run is spent', () => {
    const at = [0, 0, 0];
    const all = merged(
      at,
      columns.map((c) => c.length),
    );
    expect(all).toEqual(lists.flat().sort(compareCodePoints));
    expect(at).toEqual(columns.map((c) => c.length));
  });

  it('reads each run only up to its end, and answers -1 when every run is spent', () => {
    expect(merged([1, 1, 0], [2, 2, 1])).toEqual(['banana', 'cherry', 'zoë'].sort(compareCodePoints));
    expect(leastStoredHead(columns, [3, 3, 2], [3, 3, 2])).toBe(-1);
  });
});
