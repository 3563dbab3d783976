import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringColumn, utf8Length } from './string-column';

const encoder = new TextEncoder();

describe('string columns', () => {
  it('hold each string as its UTF-8 bytes end to end, any text, long or short (lone surrogates as U+FFFD)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 20000 }));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (strings) => {
        const c = StringColumn.from(strings);
        const parts = strings.map((s) => encoder.encode(s));
        expect(c.bytes).toEqual(Uint8Array.from(parts.flatMap((p) => [...p])));
        expect(c.toArray()).toEqual(
          parts.map((p) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(p)),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('read a string that begins with U+FEFF back with it, short or long (a default decoder drops it)', () => {
    const strings = ['\ufeffBreaking', `\ufeff${'x'.repeat(100)}é`, '\ufeff', 'plain'];
    const c = StringColumn.from(strings);
    expect(strings.map((_, i) => c.at(i))).toEqual(strings);
  });

  it('encode runs of ASCII strings as TextEncoder encodes each: beside non-ASCII ones, lone surrogates that would pair if joined, empty ones, and runs longer than one join', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) });
    const other = fc.constantFrom('\ud800', '\udc00', 'é', '\ud83d\ude00', '€uro', '');
    const long = fc.constantFrom('x'.repeat(700_000), 'y'.repeat((1 << 20) + 1));
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: ascii, weight: 8 }, other, long), { maxLength: 40 }),
        (strings) => {
          const c = StringColumn.from(strings);
          const each = strings.map((x) => Buffer.from(encoder.encode(x)));
          expect(Buffer.from(c.bytes).equals(Buffer.concat(each))).toBe(true);
          let end = 0;
          expect([...c.off]).toEqual([0, ...each.map((b) => (end += b.length))]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('size their buffer exactly before encoding: utf8Length is what TextEncoder writes, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(encoder.encode(s).length);
      }),
      { numRuns: 500 },
    );
    for (const s of ['\ud800', 'a\udc00b', '\ud83d\ude00', '\ud83d', 'é€'])
      expect(utf8Length(s)).toBe(encoder.encode(s).length);
  });
});
