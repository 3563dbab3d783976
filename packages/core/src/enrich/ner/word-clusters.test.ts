import { describe, expect, it } from 'vitest';
import { learnWordClusters } from './word-clusters';

// Unlabelled sentences where two families of words share their neighbours: cities after "in" and before
// "today", surnames after "Mr" and before "said".
const cities = ['Paris', 'Lyon', 'Berlin', 'Madrid', 'Rome', 'Vienna'];
const people = ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Evans'];
const sentences: string[][] = [];
for (let r = 0; r < 4; r++) {
  for (const c of cities) sentences.push(['They', 'met', 'in', c, 'today', '.']);
  for (const p of people) sentences.push(['Mr', p, 'said', 'so', '.']);
}

describe('learnWordClusters', () => {
  const clusters = learnWordClusters(sentences, { top: 2, sub: 2, minCount: 3 });

  it('puts words written between the same neighbours in one first-level cluster, apart from the others', () => {
    const top = (w: string) => clusters.get(w)?.split('.')[0];
    const cityTops = new Set(cities.map(top));
    const personTops = new Set(people.map(top));
    expect(cityTops.size).toBe(1);
    expect(personTops.size).toBe(1);
    expect([...cityTops][0]).not.toBe([...personTops][0]);
  });

  it('gives every clustered word a two-level path and leaves rare words out', () => {
    for (const path of clusters.values()) expect(path).toMatch(/^\d+\.\d+$/);
    const once = learnWordClusters([...sentences, ['A', 'Zyzzyva', 'here']], { top: 2, sub: 2, minCount: 3 });
    expect(once.has('Zyzzyva')).toBe(false);
  });

  it('is deterministic: the same text gives the same table', () => {
    expect([...learnWordClusters(sentences, { top: 2, sub: 2, minCount: 3 })]).toEqual([...clusters]);
  });
});
