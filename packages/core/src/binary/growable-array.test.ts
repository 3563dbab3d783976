import { describe, expect, it } from 'vitest';
import { GrowableArray, uncountedArray } from './growable-array';

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

  it('grown in place, keeps the same items and fill, and ends at its exact length without a copy when large', () => {
    const list = new GrowableArray(Uint32Array, 16, 0, true);
    const buffer = list.array.buffer;
    const n = 300_000; // 1.2 MB: past the size a done array keeps its shared buffer from
    for (let i = 0; i < n; i++) list.push(i * 7);
    expect(list.array.buffer).toBe(buffer);
    const items = list.done();
    expect(items.buffer).toBe(buffer);
    expect(items).toHaveLength(n);
    expect([items[0], items[1], items[n - 1]]).toEqual([0, 7, (n - 1) * 7]);
    const seen = new GrowableArray(Int32Array, 16, -1, true);
    expect(seen.array[0]).toBe(-1);
    seen.cover(40);
    seen.array[40] = 7;
    seen.cover(1000);
    expect([seen.array[40], seen.array[39], seen.array[1000]]).toEqual([7, -1, -1]);
  });

  it("grows in place over a shared buffer where the runtime has one (outside V8's external memory count), its view of fixed length made anew", () => {
    const list = new GrowableArray(Int32Array, 16, -1, true);
    const buffer = list.array.buffer;
    expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    const first = list.array;
    for (let i = 0; i < 100; i++) list.push(i);
    // The same buffer, grown; a new view over it, of the room made: the old view kept its length (a view
    // tracking the buffer's length reads it atomically at every access).
    expect(list.array.buffer).toBe(buffer);
    expect(list.array).not.toBe(first);
    expect(first).toHaveLength(16);
    expect(list.array.length).toBe(buffer.byteLength / 4);
    expect(list.array[100]).toBe(-1);
    list.cover(5000);
    expect(list.array[5000]).toBe(-1);
    expect(Array.from(list.view())).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // Done: filled room would hold memory, so a filled array is copied out; so is a small one, its
    // shared buffer (4 GiB of address space and a memory mapping) let go; a large zero-filled one is viewed.
    expect(list.done().buffer).not.toBe(buffer);
    const small = new GrowableArray(Uint8Array, 16, 0, true);
    for (let i = 0; i < 300; i++) small.push(i & 255);
    const copied = small.done();
    expect(copied.buffer).toBeInstanceOf(ArrayBuffer);
    expect(copied).toHaveLength(300);
    expect(copied[299]).toBe(299 & 255);
    const large = new GrowableArray(Uint8Array, 16, 0, true);
    large.expect(1 << 20);
    for (let i = 0; i < 1 << 20; i++) large.push(i & 255);
    const viewed = large.done();
    expect(viewed.buffer).toBe(large.array.buffer);
    expect(viewed).toHaveLength(1 << 20);
  });

  it('makes uncounted arrays zeroed, of the length asked: over a shared buffer of fixed length when large', () => {
    const slots = uncountedArray(Int32Array, 1 << 18);
    expect(slots).toHaveLength(1 << 18);
    expect(slots.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(slots.buffer.byteLength).toBe(4 << 18);
    expect(slots.every((x) => x === 0)).toBe(true);
    // A small one is plain: a shared buffer each would be a memory mapping each.
    expect(uncountedArray(Int32Array, 1000).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('foresees its room: grown once to the projected items and a tenth more, then not again while they fit', () => {
    for (const inPlace of [false, true]) {
      const list = new GrowableArray(Int32Array, 16, -1, inPlace);
      for (let i = 0; i < 100; i++) list.push(i);
      // A fifth of the work done: room for five times the items (and a tenth more), the items kept.
      list.projectGrowth(5);
      expect(list.array.length).toBe(550);
      expect(list.length).toBe(100);
      expect(Array.from(list.view())).toEqual(Array.from({ length: 100 }, (_, i) => i));
      // Unwritten room keeps its fill.
      expect(list.array[100]).toBe(-1);
      const room = list.array;
      for (let i = 100; i < 250; i++) list.push(i);
      // Half done, and the projection (500) fits: no new array.
      list.projectGrowth(2);
      expect(list.array).toBe(room);
      for (let i = 250; i < 550; i++) list.push(i);
      expect(list.array).toBe(room);
      // More than foreseen: it grows again, and keeps every item.
      list.push(550);
      expect(Array.from(list.done())).toEqual(Array.from({ length: 551 }, (_, i) => i));
    }
  });

  it('foresees at most eight times the items it holds, at least doubling when it grows', () => {
    const list = new GrowableArray(Uint32Array, 16);
    for (let i = 0; i < 100; i++) list.push(i);
    // A first document far larger than the thousands to follow: not a thousand times its room.
    list.projectGrowth(1000);
    const room = list.array.length;
    expect(room).toBeGreaterThanOrEqual(880);
    expect(room).toBeLessThanOrEqual(881);
    // Still short of the projection: at least doubled, so growing stays geometric.
    for (let i = 100; i < 120; i++) list.push(i);
    list.projectGrowth(1000);
    expect(list.array.length).toBe(2 * room);
    expect(Array.from(list.view())).toEqual(Array.from({ length: 120 }, (_, i) => i));
  });

  it('drops a projection the runtime cannot allocate (it only foresees; pushing grows the array as before)', () => {
    const list = new GrowableArray(Uint8Array, 16);
    list.push(1);
    // Past the longest typed array any runtime makes (2^53 - 1): a RangeError, caught.
    list.length = 2 ** 50;
    expect(() => list.projectGrowth(8)).not.toThrow();
    expect(list.array.length).toBe(16);
  });

  it('expect grows to the exact room asked, never shrinks', () => {
    for (const inPlace of [false, true]) {
      const list = new GrowableArray(Uint8Array, 16, 0, inPlace);
      list.push(9);
      list.expect(1000);
      expect(list.array.length).toBe(1000);
      list.expect(1500);
      expect(list.array.length).toBe(1500);
      list.expect(10);
      expect(list.array.length).toBe(1500);
      expect(Array.from(list.view())).toEqual([9]);
    }
  });
});
