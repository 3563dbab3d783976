import { describe, expect, it } from 'vitest';
import { buildIndex } from './build-index';
import { PositionLists } from './position-lists';
import { fixture } from '../../../test-support/test-articles';

const articles = [
  fixture({ title: 'Bank rates rise', body: ['The bank raised rates.', 'Rates rise and rise again.'] }),
  fixture({ title: 'Oil falls', body: ['Oil prices fell as the bank watched.', 'The bank raised rates.'] }),
  fixture({ title: 'Markets', body: ['Markets rise on oil.', 'Oil, oil and more oil.'] }),
];

describe('positional lists', () => {
  it('give each term its texts without its positions, the same texts as with them', () => {
    const full = buildIndex(articles).positions;
    const textsFirst = buildIndex(articles).positions;
    let terms = 0;
    for (let t = 0; t + 1 < full.byteOff.length; t++) {
      if (full.byteOff[t] === full.byteOff[t + 1]) continue;
      terms++;
      // Asked before the positions (decoded alone) and after them (read from the decoded list).
      expect(textsFirst.texts(t)).toEqual(full.get(t).texts);
      expect(full.texts(t)).toEqual(full.get(t).texts);
    }
    expect(terms).toBeGreaterThan(5);
  });

  it('say the snapshot is damaged when a term lists a text past the stored ones', () => {
    const { byteOff, bytes } = buildIndex(articles).positions;
    const short = new PositionLists(byteOff, bytes, 1);
    expect(() => {
      for (let k = 0; k + 1 < byteOff.length; k++) short.texts(k);
    }).toThrow(/snapshot is damaged \(positions of term/);
  });
});
