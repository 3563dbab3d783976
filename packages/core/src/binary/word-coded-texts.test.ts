import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GazetteError } from '../errors/gazette-error';
import { WordCodedTexts } from './word-coded-texts';

const decoder = new TextDecoder();
/** What a text reads back as: its UTF-8 round trip (a lone surrogate becomes U+FFFD, as in a string column). */
const stored = (s: string) => decoder.decode(new TextEncoder().encode(s));

/** Words, spaces and punctuation in runs, as a text is made of (and the odd character anywhere). */
const piece = fc.oneof(
  fc.constantFrom('the', 'The', 'a', 'news', 'Zürich', '2024', 'naïve', '東京', '😀', 'x1'),
  fc.constantFrom(' ', '  ', ', ', '. ', '"', ' "', '\n', '\t', '—', ' - ', '.'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
  fc.string({ unit: 'binary' }),
);

describe('word-coded texts', () => {
  it('read back every text as stored, whatever its words, spaces and characters', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        const c = WordCodedTexts.from(texts);
        expect(c.length).toBe(texts.length);
        texts.forEach((s, i) => {
          expect(c.at(i)).toBe(stored(s));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('give the commonest tokens the shortest codes, and leave a single space between words implied', () => {
    const common = Array.from({ length: 200 }, () => 'the cat sat on the mat');
    const c = WordCodedTexts.from([...common, 'antidisestablishmentarianism']);
    // "the" is the commonest token: rank 0, a one-byte code; the spaces between words cost nothing.
    expect(decoder.decode(c.vocab.bytes.subarray(c.vocab.off[0], c.vocab.off[1]))).toBe('the');
    expect(c.off[1]! - c.off[0]!).toBe(6);
    expect(c.vocab.toArray()).not.toContain(' ');
    expect(c.at(200)).toBe('antidisestablishmentarianism');
  });

  it('refuse a code past the vocabulary or cut short as a damaged snapshot, never a wrong text', () => {
    const c = WordCodedTexts.from(['one two', 'three']);
    const past = new WordCodedTexts(c.vocab, Uint8Array.from([0x7f]), Uint32Array.from([0, 1]));
    expect(() => past.at(0)).toThrow(GazetteError);
    const cut = new WordCodedTexts(c.vocab, Uint8Array.from([0x80]), Uint32Array.from([0, 1]));
    expect(() => cut.at(0)).toThrow(/damaged/);
  });
});
