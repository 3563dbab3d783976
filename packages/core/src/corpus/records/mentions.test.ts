import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../../binary/varint';
import { readMentions, WordStarts, writeMentions } from './mentions';

const blocks = ['Emmanuel Macron met Olaf Scholz.', '«Élysée» talks: Macron, 3 hours; 東京 too.', ''];

function roundTrip(ms: Array<{ block: number; start: number; end: number }>, lengths: number[]) {
  const w = new ByteWriter();
  writeMentions(w, ms, lengths, new WordStarts(blocks));
  const bytes = w.done();
  const r = new ByteReader(bytes, 0, bytes.length);
  const back = readMentions(r, ms.length, lengths, new WordStarts(blocks));
  expect(r.p).toBe(bytes.length);
  return { back, bytes };
}

describe('entity mentions in a record', () => {
  it('give back any mentions, at word starts or not, in or past their block, any length', () => {
    const mention = fc
      .record({
        block: fc.nat({ max: 3 }),
        start: fc.nat({ max: 60 }),
        length: fc.integer({ min: -5, max: 20 }),
      })
      .map(({ block, start, length }) => ({ block, start, end: start + length }));
    fc.assert(
      fc.property(
        fc.array(mention, { maxLength: 12 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 3 }),
        (ms, lengths) => {
          expect(roundTrip(ms, [6, ...lengths]).back).toEqual(ms);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('store a mention at a word start, as long as a name, in three bytes', () => {
    const words = new WordStarts(blocks);
    const ms = [
      { block: 0, start: 9, end: 15 },
      { block: 0, start: 20, end: 31 },
      { block: 1, start: 16, end: 22 },
      { block: 1, start: 33, end: 35 },
    ];
    expect(ms.map((m) => words.wordAt(m.block, m.start))).toEqual([1, 3, 2, 5]);
    const { back, bytes } = roundTrip(ms, [15, 6, 11, 2]);
    expect(back).toEqual(ms);
    expect(bytes.length).toBe(3 * ms.length);
  });

  it('find the same word starts as a plain scan, in a fresh table or one reset from other blocks', () => {
    const isWord = (c: number) => /[0-9A-Za-z]/.test(String.fromCharCode(c)) || c >= 0x80;
    const plain = (text: string) =>
      [...text]
        .map((_, i) => i)
        .filter((i) => isWord(text.charCodeAt(i)) && !(i > 0 && isWord(text.charCodeAt(i - 1))));
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', '7', ' ', '-', "'", 'é', '東', '.'),
      maxLength: 40,
    });
    const reused = new WordStarts(blocks);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (texts) => {
        reused.wordAt(1, 0);
        reused.reset(texts);
        for (const words of [reused, new WordStarts(texts)]) {
          texts.forEach((t, b) => {
            const starts = plain(t);
            starts.forEach((s, w) => {
              expect(words.wordAt(b, s)).toBe(w);
              expect(words.offsetOf(b, w)).toBe(s);
            });
            expect(words.offsetOf(b, starts.length)).toBe(-1);
            for (let i = 0; i <= t.length; i++) if (!starts.includes(i)) expect(words.wordAt(b, i)).toBe(-1);
          });
          expect(words.wordAt(texts.length, 0)).toBe(-1);
          expect(words.offsetOf(-1, 0)).toBe(-1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuse a word number past its block', () => {
    const w = new ByteWriter();
    w.varint(0); // block 0
    w.varint(2 * 40); // word 20: block 0 has 5
    w.varint(0);
    const bytes = w.done();
    expect(() =>
      readMentions(new ByteReader(bytes, 0, bytes.length), 1, [4], new WordStarts(blocks)),
    ).toThrow(RangeError);
  });
});
