import { describe, expect, it } from 'vitest';
import { otherArticle, storyArticle } from '../../test-support/store-contract';
import type { Alert } from '../follow/alert-schema';
import { alertMatches } from './alert-matches';

const alert = (id: string, query: string): Alert => ({
  id,
  query,
  secret: 'x',
  createdAt: '2026-03-04T00:00:00Z',
});

describe('alertMatches', () => {
  const bridge = storyArticle('https://example.com/bridge');
  const others = [0, 1, 2].map((n) => otherArticle(`https://example.com/other-${n}`, n));

  it('gives each alert the new articles its query matches, in the search language, and leaves out the rest', () => {
    const found = alertMatches(
      [
        alert('words', 'harbour bridge'),
        alert('phrase', '"harbour bridge"'),
        alert('person', 'person:"Ana Ruiz"'),
        alert('none', 'volcano'),
      ],
      [bridge, ...others],
    );
    expect(found.get('words')?.map((a) => a.id)).toEqual([bridge.id]);
    expect(found.get('phrase')?.map((a) => a.id)).toEqual([bridge.id]);
    expect(found.get('person')?.map((a) => a.id)).toEqual([bridge.id]);
    expect(found.has('none')).toBe(false);
  });

  it('never fires on a near-spelling: a saved search matches its words as typed', () => {
    expect(alertMatches([alert('typo', 'harbuor')], [bridge]).size).toBe(0);
    expect(alertMatches([alert('typo', 'harbours')], [bridge]).size).toBe(1);
  });

  it('matches nothing when there is nothing new or no alert', () => {
    expect(alertMatches([], [bridge]).size).toBe(0);
    expect(alertMatches([alert('a', 'harbour')], []).size).toBe(0);
  });
});
