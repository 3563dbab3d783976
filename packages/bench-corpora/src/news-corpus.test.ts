import { describe, expect, it } from 'vitest';
import {
  generateCorpus,
  generateNewsCorpus,
  newsRecords,
  HAS_SHARED,
  readBbc,
  SHARED_MISSING,
  vocabularyOf,
} from './index';

describe('vocabularyOf', () => {
  it('counts every word read and the distinct terms the engine would index (stems, no stop words)', () => {
    expect(vocabularyOf(['The cats ran.', 'A cat, running'])).toEqual({ tokens: 6, distinctTerms: 3 });
  });
});

describe.skipIf(!HAS_SHARED)('generateNewsCorpus', () => {
  if (!HAS_SHARED) it.skip(SHARED_MISSING, () => {});
  let base: ReturnType<typeof readBbc> | undefined;
  const bbc = () => (base ??= readBbc());
  const texts = (rs: ReadonlyArray<{ text: string; meta: { title: string } }>) =>
    rs.map((r) => `${r.meta.title}\n${r.text}`);

  it('generates the same corpus for the same seed, and another for another seed', () => {
    const a = generateNewsCorpus(bbc(), 300, 7);
    expect(generateNewsCorpus(bbc(), 300, 7)).toEqual(a);
    expect(generateNewsCorpus(bbc(), 300, 8).records).not.toEqual(a.records);
    expect(a.records.every((r) => r.meta.tags.includes('generated'))).toBe(true);
  });

  it('is a prefix of every larger corpus, and newsRecords streams the same records', () => {
    // parsedNewsShards writes a million records one shard at a time: record i must not depend on the size.
    const small = generateNewsCorpus(bbc(), 300, 42).records;
    const streamed = [...newsRecords(bbc(), 1000, 42)];
    expect(streamed.slice(0, 300)).toEqual(small);
    expect(streamed.slice(300)).not.toContainEqual(small[0]);
  });

  it('grows its vocabulary with its size, sublinearly but far beyond the replicated corpus', () => {
    const small = generateNewsCorpus(bbc(), 500, 42);
    const large = generateNewsCorpus(bbc(), 2000, 42);
    // About 17 synthetic words an article, and the distinct ones grow as Heaps' law (β about 0.8).
    expect(large.syntheticTokens / 2000).toBeGreaterThan(14);
    expect(large.syntheticTokens / 2000).toBeLessThan(21);
    const growth = large.syntheticWords / small.syntheticWords;
    expect(growth).toBeGreaterThan(2);
    expect(growth).toBeLessThan(4);
    const news = vocabularyOf(texts(large.records));
    const replicated = vocabularyOf(texts(generateCorpus(bbc(), 2000, 42)));
    expect(news.distinctTerms - replicated.distinctTerms).toBeGreaterThan(0.8 * large.syntheticWords);
    expect(vocabularyOf(texts(small.records)).distinctTerms).toBeLessThan(news.distinctTerms);
  }, 60_000);

  it('shares no paragraph between replicas of the same BBC article', () => {
    const paragraphs = generateNewsCorpus(bbc(), 4000, 42).records.flatMap((r) => r.text.trim().split('\n'));
    expect(new Set(paragraphs).size / paragraphs.length).toBeGreaterThan(0.99);
  });
});
