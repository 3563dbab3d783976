import { describe, expect, it } from 'vitest';
import { GrowableArray } from './growable-array';

describe('GrowableArray', () => {
  it('grows past its capacity, keeping its items, and fills unwritten room for indexed use', () => {
    const list = new GrowableArray(Uint32Array, 16);
    for (let i = 0; i < 100; i++) list.push(i * 3);
    expect(Array.from(list.done())).toEqual(Array.from({ length: 100 }, (_, i) => i * 3));
    expect(list.view()).toHaveLength(100);
    const seen = new GrowableArray(Int32Array, 16, -1);
    seen.cover(40);
    seen.array[40] = 7;
    seen.cover(1000);
    expect([seen.array[40], seen.array[39], seen.array[1000]]).toEqual([7, -1, -1]);
    const bytes = new GrowableArray(Uint8Array, 16);
    bytes.reserve(50);
    expect(bytes.array.length).toBeGreaterThanOrEqual(50);
    expect(bytes.length).toBe(0);
  });

  it('grown in place over a resizable buffer, keeps the same items and fill, and ends at its exact length without a copy', () => {
    const list = new GrowableArray(Uint32Array, 16, 0, true);
    const buffer = list.array.buffer;
    for (let i = 0; i < 5000; i++) list.push(i * 7);
    expect(list.array.buffer).toBe(buffer);
    const items = list.done();
    expect(items.buffer).toBe(buffer);
    expect(Array.from(items)).toEqual(Array.from({ length: 5000 }, (_, i) => i * 7));
    const seen = new GrowableArray(Int32Array, 16, -1, true);
    expect(seen.array[0]).toBe(-1);
    seen.cover(40);
    seen.array[40] = 7;
    seen.cover(1000);
    expect([seen.array[40], seen.array[39], seen.array[1000]]).toEqual([7, -1, -1]);
  });
});
