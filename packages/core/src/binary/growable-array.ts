/** The most a resizable GrowableArray reserves (address space, not memory): 4 GiB. */
const MAX_RESIZABLE_BYTES = 2 ** 32;

/** The most projectGrowth grows an array by at once, over the items it holds. */
const MAX_PROJECTED_GROWTH = 8;

/** An ES2024 resizable ArrayBuffer (the project's TypeScript lib predates it; older runtimes ignore the option). */
interface ResizableBuffer extends ArrayBuffer {
  readonly resizable?: boolean;
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}
const ResizableArrayBuffer = ArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => ResizableBuffer;

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

  /**
   * `fill` is the value of room not yet written (0 by default, e.g. -1 for "not seen"). `resizable` grows
   * it in place, over a resizable ArrayBuffer (for a large buffer built on a thread whose heap holds a
   * corpus: each new buffer of tens of MB sets off a full garbage collection of that heap, V8's external
   * memory pressure, and doubling then copying to the exact length allocates three times the buffer).
   */
  constructor(
    private readonly make: new (length: number) => A,
    capacity = 1024,
    private readonly fill = 0,
    resizable = false,
  ) {
    this.array = (resizable && this.inPlace(Math.max(16, capacity))) || this.blank(Math.max(16, capacity));
  }

  /** An array over a resizable buffer (undefined where the runtime has none). */
  private inPlace(capacity: number): A | undefined {
    try {
      const bytes = (this.make as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
      const buffer = new ResizableArrayBuffer(capacity * bytes, { maxByteLength: MAX_RESIZABLE_BYTES });
      if (!buffer.resizable) return undefined;
      const array = new (this.make as unknown as new (b: ArrayBuffer) => A)(buffer);
      if (this.fill !== 0) array.fill(this.fill);
      return array;
    } catch {
      return undefined;
    }
  }

  /** The resizable buffer under the array, if it is one (its view tracks the buffer's length). */
  private get resizable(): ResizableBuffer | undefined {
    const buffer = this.array.buffer as ResizableBuffer;
    return buffer.resizable ? buffer : undefined;
  }

  private blank(capacity: number): A {
    const array = new this.make(capacity);
    if (this.fill !== 0) array.fill(this.fill);
    return array;
  }

  /** Room for `size` items: doubled, or `exact`ly that. */
  private growTo(size: number, exact = false): void {
    if (size <= this.array.length) return;
    const capacity = exact ? size : Math.max(this.array.length * 2, size);
    const buffer = this.resizable;
    if (buffer && capacity * this.array.BYTES_PER_ELEMENT <= buffer.maxByteLength) {
      const from = this.array.length;
      buffer.resize(capacity * this.array.BYTES_PER_ELEMENT);
      if (this.fill !== 0) this.array.fill(this.fill, from);
      return;
    }
    const grown = this.blank(capacity);
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

  /**
   * Makes room for `total` items in all, grown to that exactly (not doubled): for a builder that can
   * foresee how many it will hold (see projectGrowth).
   */
  expect(total: number): void {
    this.growTo(total, true);
  }

  /**
   * Foresees the items it will hold when `growth` times the work done so far is done: room for them all
   * (and a tenth more), made now, while the items are few to copy. Only when the room left falls short,
   * and then at least doubled. At most MAX_PROJECTED_GROWTH times the items held: a first few documents
   * far larger than the rest must not reserve many times the memory the whole will take. A projection
   * the runtime cannot allocate is dropped (doubling then grows it as it goes).
   */
  projectGrowth(growth: number): void {
    const projected = this.length * Math.min(growth, MAX_PROJECTED_GROWTH);
    if (projected <= this.array.length) return;
    try {
      this.expect(Math.ceil(Math.max(projected * 1.1, this.array.length * 2)));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }

  /** Makes index `i` addressable (for tables indexed by id rather than appended to). */
  cover(i: number): void {
    this.growTo(i + 1);
  }

  /**
   * Appends one item. Its element store is shared by every GrowableArray, so it sees every array kind
   * (and resizable buffers) and is megamorphic: a loop that appends millions of items writes into
   * `array` itself (`reserve`, then `array[length++]`), where the store sees one kind.
   */
  push(value: number): void {
    if (this.length === this.array.length) this.growTo(this.length + 1);
    this.array[this.length++] = value;
  }

  /** The items, sharing memory with the buffer (valid until the next push). */
  view(): A {
    return this.array.subarray(0, this.length) as A;
  }

  /** The items, copied into an array of their exact length (a resizable one is shrunk to it, not copied). */
  done(): A {
    const buffer = this.resizable;
    if (!buffer) return this.array.slice(0, this.length) as A;
    buffer.resize(this.length * this.array.BYTES_PER_ELEMENT);
    return this.array;
  }
}
