import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../corpus/create-corpus';
import { fixture } from '../../../test-support/test-articles';

const corpus = createCorpus([
  fixture({
    title: 'Éclairs and hope',
    body: ['The ÉCLAIR shop was hoping for relational gains; Hopes rose at the café.', 'Nothing here.'],
    publishedAt: '2024-01-01T00:00:00Z',
  }),
]);

const marked = (q: string) =>
  corpus
    .search({ q })
    .hits[0]!.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end)));

describe('snippet highlights', () => {
  it('marks every form of a stemmed word, whatever its case or accents', () => {
    expect(marked('hope')).toEqual(['hope', 'hoping', 'Hopes']);
    expect(marked('eclair')).toEqual(['Éclairs', 'ÉCLAIR']);
    expect(marked('cafe')).toEqual(['café']);
    expect(marked('relate')).toEqual(['relational']);
  });
});
