/** The typed arrays the index builder grows: term ids, offsets, counts and bytes. */
export type GrowableKind = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * A typed array that doubles when full: `array` holds the items, valid below `length` (the rest of it
 * is spare room, or `fill` for index-addressed use). One helper for every buffer the index builder
 * grows, typed by its array constructor.
 */
export class GrowableArray<A extends GrowableKind> {
  array: A;
  length = 0;

  /** `fill` is the value of room not yet written (0 by default, e.g. -1 for "not seen"). */
  constructor(
    private readonly make: new (length: number) => A,
    capacity = 1024,
    private readonly fill = 0,
  ) {
    this.array = this.blank(Math.max(16, capacity));
  }

  private blank(capacity: number): A {
    const array = new this.make(capacity);
    if (this.fill !== 0) array.fill(this.fill);
    return array;
  }

  private growTo(size: number): void {
    if (size <= this.array.length) return;
    const grown = this.blank(Math.max(this.array.length * 2, size));
    grown.set(this.array);
    this.array = grown;
  }

  /** Takes `items` as its items (full: the next push grows it), without copying them. */
  adopt(items: A): void {
    this.array = items;
    this.length = items.length;
  }

  /** Makes room for `count` more items after `length`. */
  reserve(count: number): void {
    this.growTo(this.length + count);
  }

  /** Makes index `i` addressable (for tables indexed by id rather than appended to). */
  cover(i: number): void {
    this.growTo(i + 1);
  }

  push(value: number): void {
    if (this.length === this.array.length) this.growTo(this.length + 1);
    this.array[this.length++] = value;
  }

  /** The items, sharing memory with the buffer (valid until the next push). */
  view(): A {
    return this.array.subarray(0, this.length) as A;
  }

  /** The items, copied into an array of their exact length. */
  done(): A {
    return this.array.slice(0, this.length) as A;
  }
}
