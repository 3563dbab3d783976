import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactReader, CompactWriter } from './compact-values';

describe('compact values', () => {
  it('round-trip any JSON value, records side by side', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (values) => {
        const w = new CompactWriter();
        const ends: number[] = [];
        for (const v of values) {
          w.write(v);
          ends.push(w.out.length);
        }
        const r = new CompactReader(w.out.done(), w.stringColumn());
        // JSON semantics: -0 reads back as 0, as JSON.stringify writes it.
        values.forEach((v, i) => {
          expect(r.read(i ? ends[i - 1]! : 0, ends[i]!)).toEqual(JSON.parse(JSON.stringify(v)));
        });
      }),
    );
  });

  it('keeps __proto__ as a plain key and refuses damaged records', () => {
    const w = new CompactWriter();
    w.write(JSON.parse('{"__proto__": {"x": 1}, "long": "' + 'a'.repeat(100) + '"}'));
    const bytes = w.out.done();
    const r = new CompactReader(bytes, w.stringColumn());
    const v = r.read(0, bytes.length) as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'long']);
    expect(() => r.read(0, bytes.length - 1)).toThrow(RangeError);
  });

  it('keeps a byte array as it is, read back as a view on the record', () => {
    const w = new CompactWriter();
    const blob = Uint8Array.from([0, 1, 127, 128, 255]);
    w.write({ a: blob, b: [Uint8Array.from([]), 'x'] });
    const bytes = w.out.done();
    const v = new CompactReader(bytes, w.stringColumn()).read(0, bytes.length);
    expect(v).toEqual({ a: blob, b: [new Uint8Array(0), 'x'] });
    expect(() => new CompactReader(bytes, w.stringColumn()).read(0, bytes.length - 2)).toThrow(RangeError);
  });

  it('writes objects of one shape as the shape once and their values, keys in order, any key', () => {
    const objects = Array.from({ length: 50 }, (_, i) => ({
      block: i,
      start: 2 * i,
      end: 3 * i,
      unit: 'km',
    }));
    const odd = [{ 'a\u0000b': 1, c: 2 }, { z: 1, a: 2 }, {}, { x: undefined, y: 3 }];
    const w = new CompactWriter();
    w.write([...objects, ...odd]);
    const bytes = w.out.done();
    const v = new CompactReader(bytes, w.stringColumn()).read(0, bytes.length) as object[];
    expect(v).toEqual([...objects, ...odd.slice(0, 3), { y: 3 }]);
    expect(Object.keys(v[51]!)).toEqual(['z', 'a']);
    // A tag, a shape and four small numbers or a string each: no keys, no counts.
    expect(bytes.length).toBeLessThan(objects.length * 8 + 40);
  });
});
