import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../corpus/create-corpus';
import { fixture } from '../../../test-support/test-articles';

/** The words a search marks in its first hit's snippets, as they stand in the text, for an article of these texts. */
function marker(title: string, body: string[]): (q: string) => string[] {
  const corpus = createCorpus([fixture({ title, body, publishedAt: '2024-01-01T00:00:00Z' })]);
  return (q) =>
    corpus
      .search({ q })
      .hits[0]!.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end)));
}

describe('snippet highlights', () => {
  it('marks every form of a stemmed word, whatever its case or accents', () => {
    const marked = marker('Éclairs and hope', [
      'The ÉCLAIR shop was hoping for relational gains; Hopes rose at the café.',
      'Nothing here.',
    ]);
    expect(marked('hope')).toEqual(['hope', 'hoping', 'Hopes']);
    expect(marked('eclair')).toEqual(['Éclairs', 'ÉCLAIR']);
    expect(marked('cafe')).toEqual(['café']);
    expect(marked('relate')).toEqual(['relational']);
  });

  it('marks the words between curly quotes, dashes and symbols at their own offsets', () => {
    const marked = marker('A quiet day', [
      '“Hoping,” she said — the ‘hopes’ of 2024… were hope’s… HOPEFUL? Not ×hopeless×.',
    ]);
    // Only letters and digits make words, so the quotes, dashes and signs around them are never marked.
    expect(marked('hope')).toEqual(['Hoping', 'hopes', 'hope', 'HOPEFUL']);
    expect(marked('hopeless')).toEqual(['hopeless']);
  });
});

describe('snippets of a query matching many terms', () => {
  it("chooses each hit's block by the terms its own texts hold, among terms most hits lack", () => {
    // Each article holds one completion of "pla*" in a late block; the others' completions are elsewhere.
    const words = ['plan', 'planet', 'plaza', 'plain', 'plate', 'player', 'plasma', 'plank'];
    const corpus = createCorpus(
      words.map((w, i) =>
        fixture({
          title: `Report ${i}`,
          body: ['Nothing to see in this block.', `The ${w} was noted.`, 'Closing words.'],
          publishedAt: `2024-01-0${1 + i}T00:00:00Z`,
        }),
      ),
    );
    const { hits, total } = corpus.search({ q: 'pla*', limit: 10 });
    expect(total).toBe(words.length);
    for (const hit of hits) {
      const i = Number(hit.title.split(' ')[1]);
      const body = hit.snippets.find((s) => s.field !== 'title')!;
      expect(body.text).toBe(`The ${words[i]} was noted.`);
      expect(body.highlights.map((h) => body.text.slice(h.start, h.end))).toEqual([words[i]]);
    }
  });
});
