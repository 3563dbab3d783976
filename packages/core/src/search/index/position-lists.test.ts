import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test-support/seeded-random';
import { BUCKET_ITEMS } from './rank-buckets';
import { buildIndex } from './build-index';
import { PositionLists } from './position-lists';
import { fixture } from '../../../test-support/test-articles';
import { analyze } from '../analysis/analyze';
import { findTerm } from './search-index';
import { POSITION_BLOCK } from './position-cursor';

// A word in many more texts than a block holds, at a position that varies with the text.
const many = Array.from({ length: 3 * POSITION_BLOCK + 17 }, (_, i) =>
  fixture({
    title: `Report ${i}`,
    body: [`Note ${i} ${'alpha '.repeat(i % 7)}market beta ${i % 3 ? 'market' : 'gamma'}`, `Other text ${i}`],
  }),
);

const articles = [
  fixture({ title: 'Bank rates rise', body: ['The bank raised rates.', 'Rates rise and rise again.'] }),
  fixture({ title: 'Oil falls', body: ['Oil prices fell as the bank watched.', 'The bank raised rates.'] }),
  fixture({ title: 'Markets', body: ['Markets rise on oil.', 'Oil, oil and more oil.'] }),
];

describe('positional lists', () => {
  it('give each term its texts without its positions, the same texts as with them', () => {
    const full = buildIndex(articles).positions;
    const textsFirst = buildIndex(articles).positions;
    let terms = 0;
    for (let t = 0; t + 1 < full.byteOff.length; t++) {
      if (full.byteOff[t] === full.byteOff[t + 1]) continue;
      terms++;
      // Asked before the positions (decoded alone) and after them (read from the decoded list).
      expect(textsFirst.texts(t)).toEqual(full.get(t).texts);
      expect(full.texts(t)).toEqual(full.get(t).texts);
    }
    expect(terms).toBeGreaterThan(5);
  });

  it('say the snapshot is damaged when a term lists a text past the stored ones', () => {
    const { byteOff, bytes } = buildIndex(articles).positions;
    const short = new PositionLists(byteOff, bytes, 1);
    expect(() => {
      for (let k = 0; k + 1 < byteOff.length; k++) short.texts(k);
    }).toThrow(/snapshot is damaged \(positions of term/);
  });

  it('seek any text of a list of several blocks, forwards and back, and give its positions as the text has them', () => {
    const ix = buildIndex(many);
    const t = findTerm(ix, 'market');
    const texts = ix.positions.texts(t);
    expect(texts.length).toBeGreaterThan(3 * POSITION_BLOCK);
    const cursor = ix.positions.cursor(t)!;
    expect(cursor.count).toBe(texts.length);
    const expected = (x: number) =>
      analyze(ix.texts.at(x)).flatMap((term, i) => (term === 'market' ? [i] : []));
    // Every text in turn, then every third backwards: each seek lands through the skip table.
    const order = [...texts, ...[...texts].reverse().filter((_, i) => i % 3 === 0)];
    for (const x of order) {
      expect(cursor.seek(x)).toBe(true);
      expect([...cursor.positions()]).toEqual(expected(x));
    }
    // Texts without the word (the other paragraphs) are not found, wherever they fall.
    for (let x = 0; x < ix.texts.length; x++) if (!texts.includes(x)) expect(cursor.seek(x)).toBe(false);
    expect(ix.positions.get(t).texts).toEqual(texts);
  });

  it('say the snapshot is damaged when a block of a long list is cut short', () => {
    const ix = buildIndex(many);
    const t = findTerm(ix, 'market');
    const { byteOff, bytes } = ix.positions;
    const cut = bytes.slice();
    // The last block's bytes read as the next term's: the skip table no longer ends where the record does.
    const short = new PositionLists(
      byteOff.map((o, k) => (k === t + 1 ? o - 1 : o)),
      cut,
      ix.positions.textCount,
    );
    expect(() => short.cursor(t)).toThrow(/snapshot is damaged \(positions of term/);
  });

  it('give two cursors over a term the same texts and positions when they share its decoded blocks', () => {
    const ix = buildIndex(many);
    const t = findTerm(ix, 'market');
    const texts = ix.positions.texts(t);
    const expected = (x: number) =>
      analyze(ix.texts.at(x)).flatMap((term, i) => (term === 'market' ? [i] : []));
    // One cursor decodes a block's text ids, the other its positions; then the first reads those.
    const a = ix.positions.cursor(t)!;
    const b = ix.positions.cursor(t)!;
    for (const x of [...texts].reverse()) {
      expect(a.seek(x)).toBe(true);
      expect(b.seek(x)).toBe(true);
      expect([...b.positions()]).toEqual(expected(x));
      expect([...a.positions()]).toEqual(expected(x));
    }
    // A new cursor reads the cached blocks: the same list, whole.
    expect(ix.positions.cursor(t)!.allTexts()).toEqual(texts);
    expect(ix.positions.get(t).texts).toEqual(texts);
  });

  it('read a block in place on its first asks and decoded from the third, finding the same texts and positions', () => {
    const ix = buildIndex(many);
    const t = findTerm(ix, 'market');
    const texts = ix.positions.texts(t);
    const expected = (x: number) =>
      analyze(ix.texts.at(x)).flatMap((term, i) => (term === 'market' ? [i] : []));
    // Each pass a new cursor: every block missed a first, second and third time (then kept in the cache).
    for (let pass = 0; pass < 4; pass++) {
      const cursor = ix.positions.cursor(t)!;
      // Ascending (a page's walk), then each text asked after a later one of its block (a walk back).
      for (const x of texts) {
        expect(cursor.seek(x), `pass ${pass}`).toBe(true);
        expect([...cursor.positions()]).toEqual(expected(x));
      }
      for (let i = texts.length - 1; i > 0; i -= 5) {
        expect(cursor.nextAtLeast(texts[i - 1]! + 1)).toBe(texts[i]!);
        expect(cursor.seek(texts[i - 1]!)).toBe(true);
        expect([...cursor.positions()]).toEqual(expected(texts[i - 1]!));
      }
    }
  });
});

describe('positional lists built over many buckets', () => {
  it('give each term its texts in order and its positions in each, a common term and rare ones alike', () => {
    const r = seededRandom(13);
    // Term 0 takes more positions than a bucket holds (a bucket of its own); 80,000 rare terms more
    // than a bucket holds terms; -1 is a stop word (a position, no entry).
    const rare = 80_000;
    const terms = rare + 1;
    const seq: number[] = [];
    const seqOff = [0];
    const expected = Array.from({ length: terms }, () => new Map<number, number[]>());
    for (let x = 0; x < 12_000; x++) {
      const words = 4 + Math.floor(r() * 12);
      for (let i = 0; i < words; i++) {
        const roll = r();
        const t = roll < 0.3 ? 0 : roll < 0.4 ? -1 : 1 + Math.floor(r() * rare);
        seq.push(t);
        if (t < 0) continue;
        const at = expected[t]!.get(x) ?? [];
        at.push(i);
        expected[t]!.set(x, at);
      }
      seqOff.push(seq.length);
    }
    const rank = Uint32Array.from({ length: terms }, (_, t) => (t * 7919) % terms);
    const lists = PositionLists.build(Int32Array.from(seq), Uint32Array.from(seqOff), rank);
    const wrong: number[] = [];
    let positions = 0;
    for (let t = 0; t < terms; t++) {
      const got = lists.get(rank[t]!);
      const want = expected[t]!;
      const texts = [...want.keys()];
      const same =
        got.texts.length === texts.length &&
        texts.every((x, i) => {
          const at = want.get(x)!;
          const from = got.posOff[i]!;
          return (
            got.texts[i] === x &&
            got.posOff[i + 1]! - from === at.length &&
            at.every((p, k) => got.pos[from + k] === p)
          );
        });
      if (!same) wrong.push(t);
      for (const at of want.values()) positions += at.length;
    }
    expect(wrong).toEqual([]);
    expect(expected[0]!.size).toBeGreaterThan(0);
    expect(positions).toBeGreaterThan(2 * BUCKET_ITEMS);
    expect([...expected[0]!.values()].reduce((n, at) => n + at.length, 0)).toBeGreaterThan(BUCKET_ITEMS);
  });
});
