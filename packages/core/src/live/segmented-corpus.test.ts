import { describe, expect, it } from 'vitest';
import { createCorpus } from '../corpus/create-corpus';
import { fixture } from '../../test-support/test-articles';
import { segmentedCorpus } from './segmented-corpus';

describe('segmentedCorpus', () => {
  it('holds the live articles of its segments: a later version replaces an earlier one, deleted ids are gone', () => {
    const all = [
      'Oil prices climb',
      'Gas shortage hits Europe',
      'Fiat chief resigns',
      'Rail strike ends',
      'Floods in Spain',
    ].map((title, i) =>
      fixture({ title, body: [`${title}: the story, part ${i}.`], publishedAt: `2024-01-0${i + 1}` }),
    );
    const [a, b, c] = [all.slice(0, 2), all.slice(2, 4), all.slice(4)];
    const updated = { ...a[0]!, title: `${a[0]!.title} (updated)` };
    const corpus = segmentedCorpus([createCorpus(a), createCorpus(b), createCorpus([...c, updated])], {
      deleted: new Set([b[0]!.id]),
    });
    expect(corpus.size).toBe(all.length - 1);
    expect(corpus.get(a[0]!.id)?.title).toBe(updated.title);
    expect(corpus.get(b[0]!.id)).toBeUndefined();
  });
});
