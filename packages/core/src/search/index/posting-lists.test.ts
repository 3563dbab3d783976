import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { DENSE_FROM, docBits } from './doc-bits';
import { PostingLists } from './posting-lists';

/** Seeded postings: lists of 1 to 3,000 documents (a term has one at least) below docCount, gaps of 1 to 32 bits (packed) or 5 varint bytes. */
function randomPostings(seed: number, terms: number, docCount: number) {
  const r = seededRandom(seed);
  const lists: Array<{ docs: number[]; imps: number[] }> = [];
  for (let t = 0; t < terms; t++) {
    const docs = new Set<number>();
    const size = 1 + Math.floor(r() ** 3 * 3000);
    // A few huge gaps reach 4 and 5 byte varints.
    for (let i = 0; i < size; i++) docs.add(r() < 0.01 ? Math.floor(r() * docCount) : Math.floor(r() * 4000));
    const sorted = [...docs].sort((a, b) => a - b);
    // Uniform lists: at the keyword impact (stored as no byte) or another (one byte for the list).
    const uniform = r() < 0.3 ? (r() < 0.5 ? 160 : Math.floor(r() * 256)) : -1;
    lists.push({ docs: sorted, imps: sorted.map(() => (uniform >= 0 ? uniform : Math.floor(r() * 256))) });
  }
  const termOff = new Uint32Array(terms + 1);
  lists.forEach((l, t) => {
    termOff[t + 1] = termOff[t]! + l.docs.length;
  });
  const docs = Uint32Array.from(lists.flatMap((l) => l.docs));
  const imps = Uint8Array.from(lists.flatMap((l) => l.imps));
  return { lists, postings: PostingLists.encode(termOff, docs, imps, docCount) };
}

describe('PostingLists', () => {
  it('decodes every list as encoded, gaps of every varint length included', () => {
    const { lists, postings } = randomPostings(21, 300, 2 ** 31);
    lists.forEach((l, t) => {
      const p = postings.get(t);
      expect([...p.docs]).toEqual(l.docs);
      expect([...p.imps]).toEqual(l.imps);
    });
  });

  it('decodes packed blocks of every width, mid-buffer (four gaps a step) and at its end', () => {
    const r = seededRandom(22);
    // One list per width 1..24 (those read as words): gaps below 2 ** width, one a block at its widest.
    const lists = Array.from({ length: 24 }, (_, w) => {
      const widest = 2 ** (w + 1) - 1;
      const docs: number[] = [];
      let d = Math.floor(r() * 8);
      for (let i = 0; i < 96; i++) {
        d += i % 32 === 5 ? widest : 1 + Math.floor(r() * widest);
        docs.push(d);
      }
      return docs;
    });
    const termOff = new Uint32Array(25);
    lists.forEach((l, t) => {
      termOff[t + 1] = termOff[t]! + l.length;
    });
    const docs = Uint32Array.from(lists.flat());
    const postings = PostingLists.encode(termOff, docs, new Uint8Array(docs.length).fill(160), 2 ** 32);
    for (const [t, l] of lists.entries()) expect([...postings.get(t).docs]).toEqual(l);
  });

  it('decodes a packed block that ends the buffer (its last gap read from fewer than 4 bytes)', () => {
    for (const step of [1, 3, 200, 70_000]) {
      const docs = Uint32Array.from({ length: 64 }, (_, i) => i * step);
      const postings = PostingLists.encode(
        Uint32Array.of(0, 64),
        docs,
        new Uint8Array(64).fill(160),
        64 * step,
      );
      expect([...postings.get(0).docs]).toEqual([...docs]);
    }
  });

  it('gives each list its highest impact, which a ranked OR bounds the list by without scanning it', () => {
    const { lists, postings } = randomPostings(23, 200, 5000);
    lists.forEach((l, t) => {
      expect(postings.get(t).max).toBe(Math.max(...l.imps));
    });
  });

  it('builds the bits of a dense cached list when first asked, and keeps them; a sparse list has none', () => {
    const { lists, postings } = randomPostings(24, 200, 5000);
    lists.forEach((l, t) => {
      const p = postings.get(t);
      expect(p.bits).toBeUndefined();
      const dense = l.docs.length >= 64 && l.docs.length * DENSE_FROM >= 5000;
      const bits = p.denseBits();
      if (!dense) expect(bits).toBeUndefined();
      else {
        expect(bits).toEqual(docBits(Uint32Array.from(l.docs), 5000));
        expect(postings.get(t).bits).toBe(bits);
      }
    });
    // A dense list read again from the cache has its bits without asking.
    const again = new PostingLists(postings.termOff, postings.byteOff, postings.bytes, 5000, postings.common);
    const t = lists.findIndex((l) => l.docs.length >= 64 && l.docs.length * DENSE_FROM >= 5000);
    expect(again.get(t).bits).toBeUndefined();
    expect(again.get(t).bits).toEqual(docBits(Uint32Array.from(lists[t]!.docs), 5000));
  });

  it("gives a list's documents to a page's look-up without building the bits a query's re-read builds", () => {
    const { lists, postings } = randomPostings(25, 200, 5000);
    const t = lists.findIndex((l) => l.docs.length >= 64 && l.docs.length * DENSE_FROM >= 5000);
    // Uncached: decoded (and kept) as a query's first read decodes it.
    expect([...postings.docs(t)]).toEqual(lists[t]!.docs);
    const other = new PostingLists(postings.termOff, postings.byteOff, postings.bytes, 5000, postings.common);
    // Cached by a query's first read: the page reads the same list, and its bits stay unbuilt.
    const cached = other.get(t);
    expect(other.docs(t)).toBe(cached.docs);
    expect(cached.bits).toBeUndefined();
    // A short list, never cached, is decoded alike.
    const short = lists.findIndex((l) => l.docs.length < 64);
    expect([...postings.docs(short)]).toEqual(lists[short]!.docs);
    // A query's re-read still builds them.
    expect(other.get(t).bits).toEqual(docBits(Uint32Array.from(lists[t]!.docs), 5000));
  });

  it('refuses a list whose bytes are cut short, run on, or name a document past the count', () => {
    const { postings } = randomPostings(22, 40, 5000);
    const t = [...Array(40).keys()].find((x) => postings.df(x) > 100)!;
    const { termOff, byteOff, bytes } = postings;
    const copy = () => new Uint8Array(bytes);
    // Every gap byte with its continuation bit set: the varints run past 5 bytes, or past the list.
    const runOn = copy();
    runOn.fill(0xff, byteOff[t]!, byteOff[t]! + 12);
    // The first gap made huge: the document lies past docCount.
    const far = copy();
    far.set([0xff, 0xff, 0xff, 0xff, 0x07], byteOff[t]!);
    for (const b of [runOn, far])
      expect(() => new PostingLists(termOff, byteOff, b, 5000, postings.common).get(t)).toThrow(
        /postings of term/,
      );
    const shortOff = Uint32Array.from(byteOff);
    shortOff[t + 1] = shortOff[t]! + postings.df(t);
    expect(() => new PostingLists(termOff, shortOff, bytes, 5000, postings.common).get(t)).toThrow(
      /postings of term/,
    );
  });
});
