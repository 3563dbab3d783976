import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { CODED_FROM, COMMON, CommonImpacts } from './common-impacts';
import { PostingLists } from './posting-lists';

/**
 * Seeded lists over `docCount` documents whose impacts are mostly (share `usual`) one of their document's
 * three usual impacts, else any byte; the table counted as a build counts it, document by document.
 */
function listsOverDocuments(seed: number, terms: number, docCount: number, usual: number) {
  const r = seededRandom(seed);
  const usualOf = Array.from({ length: docCount }, () => [0, 1, 2].map(() => 1 + Math.floor(r() * 255)));
  const lists = Array.from({ length: terms }, () => {
    const size = 1 + Math.floor(r() ** 2 * 400);
    const docs = [...new Set(Array.from({ length: size }, () => Math.floor(r() * docCount)))].sort(
      (a, b) => a - b,
    );
    const imps = docs.map((d) => (r() < usual ? usualOf[d]![Math.floor(r() * 3)]! : Math.floor(r() * 256)));
    return { docs, imps };
  });
  const common = new CommonImpacts(docCount);
  const byDoc = Array.from({ length: docCount }, () => [] as number[]);
  for (const l of lists)
    l.docs.forEach((d, i) => {
      byDoc[d]!.push(l.imps[i]!);
    });
  byDoc.forEach((imps, d) => {
    for (const v of imps) common.count(v);
    common.end(d);
  });
  const termOff = new Uint32Array(terms + 1);
  lists.forEach((l, t) => {
    termOff[t + 1] = termOff[t]! + l.docs.length;
  });
  const docs = Uint32Array.from(lists.flatMap((l) => l.docs));
  const imps = Uint8Array.from(lists.flatMap((l) => l.imps));
  return { lists, termOff, docs, imps, table: common.table };
}

describe('CommonImpacts', () => {
  it("keeps each document's commonest impacts, the smaller first on a tie, counting each document afresh", () => {
    const common = new CommonImpacts(3);
    for (const v of [7, 9, 9, 4, 7, 9, 200, 4, 5]) common.count(v);
    common.end(0);
    // Document 1 has two impacts only: the third place stays 0.
    for (const v of [9, 3, 3]) common.count(v);
    common.end(1);
    common.end(2);
    expect([...common.table]).toEqual([9, 4, 7, 3, 9, 0, 0, 0, 0]);
  });
});

describe('PostingLists with common impacts', () => {
  it('decodes every list as encoded, and codes the impacts of long lists in fewer bytes', () => {
    const { lists, termOff, docs, imps, table } = listsOverDocuments(31, 300, 2000, 0.8);
    const coded = PostingLists.encode(termOff, docs, imps, 2000, table);
    const plain = PostingLists.encode(termOff, docs, imps, 2000);
    lists.forEach((l, t) => {
      expect([...coded.get(t).imps]).toEqual(l.imps);
      expect([...coded.get(t).docs]).toEqual(l.docs);
    });
    // Lists too short to code take the bytes they took; long ones (mostly usual impacts) far fewer.
    const size = (p: PostingLists, t: number) => p.byteOff[t + 1]! - p.byteOff[t]!;
    const short = lists.findIndex((l) => l.docs.length < CODED_FROM && new Set(l.imps).size > 1);
    expect(size(coded, short)).toBe(size(plain, short));
    const long = lists.findIndex((l) => l.docs.length >= 200);
    expect(size(coded, long)).toBeLessThan(size(plain, long) - 0.5 * lists[long]!.docs.length);
    expect(coded.bytes.length).toBeLessThan(0.75 * plain.bytes.length);
  });

  it('stores impacts a byte each where codes would not be shorter, and decodes them with any table', () => {
    // Random impacts, and a table of another corpus: nearly every code would be an escape.
    const { lists, termOff, docs, imps } = listsOverDocuments(32, 100, 500, 0);
    const { table } = listsOverDocuments(34, 100, 500, 0.8);
    const coded = PostingLists.encode(termOff, docs, imps, 500, table);
    expect(coded.bytes).toEqual(PostingLists.encode(termOff, docs, imps, 500).bytes);
    lists.forEach((l, t) => {
      expect([...coded.get(t).imps]).toEqual(l.imps);
    });
  });

  it('escapes the impacts of documents past a table that covers only some, and decodes them as encoded', () => {
    const { lists, termOff, docs, imps, table } = listsOverDocuments(35, 200, 2000, 0.9);
    // The first 1,000 documents' slots, and a part of the next one's.
    const part = table.subarray(0, COMMON * 1000 + 2);
    const coded = PostingLists.encode(termOff, docs, imps, 2000, part);
    expect(coded.bytes.length).toBeLessThan(PostingLists.encode(termOff, docs, imps, 2000).bytes.length);
    lists.forEach((l, t) => {
      expect([...coded.get(t).imps]).toEqual(l.imps);
    });
  });

  it('refuses coded impacts that do not hold together', () => {
    const { lists, termOff, docs, imps, table } = listsOverDocuments(33, 50, 1000, 0.9);
    const coded = PostingLists.encode(termOff, docs, imps, 1000, table);
    const t = lists.findIndex((l) => l.docs.length >= 100);
    const { byteOff, bytes } = coded;
    // An escape cut off: the record ends a byte early (the next one starts a byte early).
    const cut = Uint32Array.from(byteOff);
    cut[t + 1]!--;
    const early = new PostingLists(termOff, cut, bytes, 1000, table);
    expect(() => early.get(t)).toThrow(/postings of term/);
    // A table shorter than the documents: a code names an impact it does not hold.
    const short = new PostingLists(termOff, byteOff, bytes, 1000, table.subarray(0, COMMON * 10));
    expect(() => short.get(t)).toThrow(/postings of term .* \(impacts\)/);
  });
});
