import { describe, expect, it } from 'vitest';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { createCorpus } from '../../corpus/create-corpus';
import { corpusStateOf } from '../../corpus/corpus-over';
import { docHasSequence, phraseLists } from './evaluate-query';
import { proximityHolders } from './proximity-holders';
import { topByRelevance } from './rank-top';
import { pageSnippets } from './snippets';

describe('proximityHolders', () => {
  it('finds the documents the per-document check finds, and the texts the snippets would count', () => {
    const z = zipfCorpus(41, 400, 60);
    const state = corpusStateOf(createCorpus(z.docs))!;
    const ix = state.index;
    let boostedSome = 0;
    for (let q = 0; q < 150; q++) {
      // Two or three words, sometimes one of them twice (a mask flags a word once).
      const words = Array.from({ length: 2 + Math.floor(z.random() * 2) }, z.word);
      if (z.random() < 0.2) words.push(words[0]!);
      const found = state.engine.match(words.join(' '), undefined);
      if (!found.proximity || found.m.docs.length < 2) continue;
      const order = topByRelevance(found.m, 10);
      const phrase = phraseLists(ix, found.proximity.terms);
      const want = order.filter((i) => docHasSequence(ix, found.m.docs[i]!, phrase));
      const { boosted, texts } = proximityHolders(
        ix,
        found.m,
        order,
        found.proximity.terms,
        found.matched,
        true,
      );
      expect([...boosted].sort((a, b) => a - b)).toEqual([...want].sort((a, b) => a - b));
      if (want.length > 0) boostedSome++;
      // The page's snippets from the texts found here are the ones found afresh, for any page of them.
      const page = order.slice(0, 1 + Math.floor(z.random() * order.length)).map((i) => found.m.docs[i]!);
      const fresh = pageSnippets(ix, page, found.matched);
      expect(pageSnippets(ix, page, found.matched, undefined, undefined, texts)).toEqual(fresh);
    }
    // The walks met documents holding the words side by side, not only ones lacking them.
    expect(boostedSome).toBeGreaterThan(10);
  });
});
