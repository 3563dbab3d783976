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

/** An ES2024 growable SharedArrayBuffer (it grows, never shrinks). */
interface GrowableSharedBuffer extends SharedArrayBuffer {
  readonly growable?: boolean;
  readonly maxByteLength: number;
  grow(byteLength: number): void;
}
/** Undefined where the runtime has none (a browser page that is not cross-origin isolated). */
const GrowableSharedArrayBuffer = (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer as
  | (new (
      byteLength: number,
      options: { maxByteLength: number },
    ) => GrowableSharedBuffer)
  | undefined;

/** A buffer an array grows over in place. */
type InPlaceBuffer = ResizableBuffer | GrowableSharedBuffer;

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
  /** Whether `array` is over a buffer it made to grow in place (see resizable). */
  private owned: boolean;

  /**
   * `fill` is the value of room not yet written (0 by default, e.g. -1 for "not seen"). `resizable` grows
   * it in place (for a large buffer built on a thread whose heap holds a corpus; see inPlace), and
   * doubling then copying to the exact length would allocate three times the buffer.
   */
  constructor(
    private readonly make: new (length: number) => A,
    capacity = 1024,
    private readonly fill = 0,
    resizable = false,
  ) {
    const inPlace = resizable ? this.inPlace(Math.max(16, capacity)) : undefined;
    this.owned = inPlace !== undefined;
    this.array = inPlace ?? this.blank(Math.max(16, capacity));
  }

  /**
   * An array over a buffer grown in place: a growable SharedArrayBuffer where the runtime has one, else a
   * resizable ArrayBuffer (undefined where it has neither). V8 counts every new or grown ArrayBuffer
   * toward its external memory, and each 64 MB of it starts a full marking of the heap: on the thread
   * holding a corpus's articles (2.3 GB at news 100k) three or four of them during the records' build,
   * each a second of that thread's time and more of the collector's. Shared buffers are not counted.
   * The array over a shared buffer is a view of fixed length, made anew as it grows: a view tracking a
   * shared buffer's length reads that length atomically at every access (the records' build took a
   * third more CPU), and one over a resizable buffer is of another kind than a plain array's.
   */
  private inPlace(capacity: number): A | undefined {
    const bytes = (this.make as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    const options = { maxByteLength: MAX_RESIZABLE_BYTES };
    const made = (make: () => InPlaceBuffer): InPlaceBuffer | undefined => {
      try {
        const buffer = make();
        return grownInPlace(buffer) ? buffer : undefined;
      } catch {
        return undefined;
      }
    };
    const buffer =
      (GrowableSharedArrayBuffer && made(() => new GrowableSharedArrayBuffer(capacity * bytes, options))) ||
      made(() => new ResizableArrayBuffer(capacity * bytes, options));
    if (!buffer) return undefined;
    const array = this.over(buffer, capacity);
    if (this.fill !== 0) array.fill(this.fill);
    return array;
  }

  /** The array over a buffer grown in place: fixed to `capacity` over a shared one (see inPlace), else tracking it. */
  private over(buffer: InPlaceBuffer, capacity: number): A {
    const make = this.make as unknown as new (b: ArrayBufferLike, at?: number, length?: number) => A;
    return 'grow' in buffer ? new make(buffer, 0, capacity) : new make(buffer);
  }

  /**
   * The buffer under the array, if it grows in place: one it made (an adopted array's buffer may be
   * another builder's, or shared with another thread, and is copied when it grows).
   */
  private get resizable(): InPlaceBuffer | undefined {
    const buffer = this.array.buffer as InPlaceBuffer;
    return this.owned && grownInPlace(buffer) ? buffer : undefined;
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
      if ('grow' in buffer) {
        buffer.grow(capacity * this.array.BYTES_PER_ELEMENT);
        this.array = this.over(buffer, capacity);
      } else buffer.resize(capacity * this.array.BYTES_PER_ELEMENT);
      if (this.fill !== 0) this.array.fill(this.fill, from);
      return;
    }
    const grown = this.blank(capacity);
    grown.set(this.array);
    this.array = grown;
  }

  /** Takes `items` as its items (full: the next push grows it), without copying them. */
  adopt(items: A): void {
    this.owned = false;
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

  /**
   * The items, copied into an array of their exact length; a buffer grown in place is not copied: a
   * resizable one is shrunk to them, a shared one (which cannot shrink) is viewed up to them: the room
   * past them, never written (unless filled), holds no memory.
   */
  done(): A {
    const buffer = this.resizable;
    if (!buffer) return this.array.slice(0, this.length) as A;
    if ('grow' in buffer)
      return (this.fill === 0 ? this.array.subarray(0, this.length) : this.array.slice(0, this.length)) as A;
    buffer.resize(this.length * this.array.BYTES_PER_ELEMENT);
    return this.array;
  }
}

/**
 * A typed array of `length` items over a SharedArrayBuffer where the runtime has one, else a plain one:
 * for a builder beside a heap that holds a corpus, whose every new ArrayBuffer V8 counts toward its
 * external memory (see GrowableArray's inPlace); a shared one is not counted.
 */
export function uncountedArray<A extends GrowableKind>(make: new (length: number) => A, length: number): A {
  if (!GrowableSharedArrayBuffer) return new make(length);
  const bytes = (make as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  return new (make as unknown as new (b: ArrayBufferLike) => A)(
    new GrowableSharedArrayBuffer(length * bytes, { maxByteLength: length * bytes }),
  );
}

/** Whether the buffer grows in place (a growable shared one, or a resizable one). */
function grownInPlace(buffer: ArrayBufferLike): buffer is InPlaceBuffer {
  return (
    (buffer as { growable?: boolean }).growable === true ||
    (buffer as { resizable?: boolean }).resizable === true
  );
}
