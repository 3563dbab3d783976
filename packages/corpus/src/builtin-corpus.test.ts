import { readFileSync } from 'node:fs';
import { ArticleSchema, parseText } from '@gazette/core';
import { nerRecognizer } from '@gazette/core/ner';
import { describe, expect, it } from 'vitest';
import { builtinCorpus } from './index';

describe('built-in corpus', () => {
  it('holds exactly the reference article, parsed from the shipped text with no invented metadata', () => {
    const corpus = builtinCorpus();
    expect(corpus.size).toBe(1);
    const [item] = corpus.list().items;
    const article = corpus.get(item!.id)!;
    ArticleSchema.parse(article);
    const shipped = readFileSync(new URL('../articles/000_bdb02a4c134ff8b2.txt', import.meta.url), 'utf8');
    // The snapshot is built with the trained tagger (scripts/build-snapshot.ts), so it is read with it here.
    expect(article).toEqual(parseText(shipped, undefined, { recognizer: nerRecognizer }));
    expect(article.publishedAt).toBeUndefined();
    expect(article.byline).toEqual([]);
    expect(article.source).toBeUndefined();
    expect(article.titleSource).toBe('derived');
  });
});
