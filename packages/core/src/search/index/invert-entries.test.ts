import { describe, expect, it } from 'vitest';
import { permutation, seededRandom } from '../../../test-support/seeded-random';
import { BODY, DocumentTerms } from './document-terms';
import { invertEntries } from './invert-entries';
import { BUCKET_ITEMS } from './rank-buckets';
import { KEYWORD_IMPACT } from './ranking-weights';

describe('invertEntries', () => {
  it('lists each term its documents in order with their own impacts, across buckets of every kind', () => {
    const r = seededRandom(9);
    // More documents than a bucket holds items (term 0 is in each: a bucket of its own), and more
    // rare terms than a bucket holds terms.
    const documents = BUCKET_ITEMS + 3000;
    const rare = 80_000;
    const keyword = rare + 1;
    const termCount = rare + 2;
    const entries = new DocumentTerms(documents);
    const docsOf = Array.from({ length: termCount }, () => [] as number[]);
    for (let d = 0; d < documents; d++) {
      entries.startDocument(d);
      // Every counted term of document d is said the same number of times, so its impacts are alike
      // (one per document), and differ from the next document's.
      const times = 1 + (d % 5);
      const terms = [0, 1 + Math.floor(r() * rare), 1 + Math.floor(r() * rare)].filter(
        (t, i, all) => all.indexOf(t) === i,
      );
      for (const t of terms) {
        entries.count(new Int32Array(times).fill(t), 0, times, BODY);
        docsOf[t]!.push(d);
      }
      const keywords = d % 3 === 0 ? [keyword] : [];
      if (keywords.length) docsOf[keyword]!.push(d);
      entries.endDocument(keywords);
    }
    const rank = permutation(termCount, r);
    const postings = invertEntries(entries, rank, documents);
    // Term 0 is in every document: its impacts are each document's.
    const impactOf = postings.get(rank[0]!).imps;
    expect(new Set(impactOf).size).toBe(5);
    let listed = 0;
    const wrong: string[] = [];
    for (let t = 0; t < termCount; t++) {
      const { docs, imps } = postings.get(rank[t]!);
      const expected = docsOf[t]!;
      if (docs.length !== expected.length || expected.some((d, i) => docs[i] !== d))
        wrong.push(`docs of ${t}`);
      const impact = (d: number) => (t === keyword ? KEYWORD_IMPACT : impactOf[d]!);
      if (expected.some((d, i) => imps[i] !== impact(d))) wrong.push(`impacts of ${t}`);
      // Only the keyword is held outside the texts.
      if (docs.length && postings.inTexts(rank[t]!) !== (t !== keyword)) wrong.push(`outside bit of ${t}`);
      listed += docs.length;
    }
    expect(wrong).toEqual([]);
    expect(listed).toBeGreaterThan(2 * BUCKET_ITEMS);
  });
});
