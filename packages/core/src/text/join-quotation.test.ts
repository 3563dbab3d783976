import { describe, expect, it } from 'vitest';
import { joinQuotation } from './join-quotation';

describe('joinQuotation', () => {
  const blocks = [
    'He said: "We will build',
    '"the road this year,',
    ' \u201cand the bridge next." Then he left.',
  ];

  it('joins the slices of the blocks a quotation covers, each reopening mark (and space before it) dropped', () => {
    expect(joinQuotation(blocks, 0, 10, 2, blocks[2]!.indexOf('"'))).toBe(
      'We will build the road this year, and the bridge next.',
    );
  });

  it('keeps a mark inside a block, and drops one opening the first slice as the others', () => {
    expect(joinQuotation(['a "b', 'c "d"'], 0, 2, 1, 5)).toBe('b c "d"');
  });
});
