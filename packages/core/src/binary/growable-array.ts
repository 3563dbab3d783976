/** The most a GrowableArray grown in place reserves (address space, not memory): 4 GiB. */
const MAX_IN_PLACE_BYTES = 2 ** 32;

/**
 * The fewest bytes an array grown in place keeps its shared buffer for when done (see done): a smaller
 * one is copied out, so a built index keeps no 4 GiB reservation (and no memory mapping) for it. Kept
 * for every array, a corpus of 50 articles held 11 of them: 44 GB of address space and 21 mappings, and
 * a few thousand such corpora alive would pass Linux's 65,530 mappings a process.
 */
const KEPT_SHARED_BYTES = 1 << 20;

/** The most projectGrowth grows an array by at once, over the items it holds. */
const MAX_PROJECTED_GROWTH = 8;

/** An ES2024 growable SharedArrayBuffer (it grows, never shrinks). */
interface GrowableSharedBuffer extends SharedArrayBuffer {
  readonly growable?: boolean;
  readonly maxByteLength: number;
  grow(byteLength: number): void;
}
type GrowableSharedConstructor = new (
  byteLength: number,
  options: { maxByteLength: number },
) => GrowableSharedBuffer;

/**
 * The runtime's growable SharedArrayBuffer, if its TextDecoder reads views of one (the builders' bytes are
 * decoded); undefined elsewhere: a browser page that is not cross-origin isolated has none, and
 * Chromium's TextDecoder refuses shared views (and resizable ones) where it has.
 */
const GrowableSharedArrayBuffer = usableSharedBuffer();

function usableSharedBuffer(): GrowableSharedConstructor | undefined {
  const Shared = (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer as
    | GrowableSharedConstructor
    | undefined;
  if (!Shared) return undefined;
  try {
    const probe = new Shared(1, { maxByteLength: 2 });
    if (probe.growable !== true) return undefined;
    new TextDecoder().decode(new Uint8Array(probe, 0, 1));
    return Shared;
  } catch {
    return undefined;
  }
}

/** The typed arrays the index builder grows: term ids, offsets, counts and bytes. */
export type GrowableKind = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
type KindConstructor<A> = new (length: number) => A;

const bytesPer = <A>(make: KindConstructor<A>): number =>
  (make as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;

/**
 * A view of `length` items over a shared buffer, of fixed length: a view made without one tracks a
 * growable buffer's length, read atomically at every access (the records' build took a third more CPU,
 * an InternTable's lookups a fifth more through such a slot table).
 */
function fixedView<A>(make: KindConstructor<A>, buffer: SharedArrayBuffer, length: number): A {
  return new (make as unknown as new (b: ArrayBufferLike, at: number, length: number) => A)(
    buffer,
    0,
    length,
  );
}

/**
 * A typed array that doubles when full: `array` holds the items, valid below `length` (the rest of it
 * is spare room, or `fill` for index-addressed use). One helper for every buffer the index builder
 * grows, typed by its array constructor.
 */
export class GrowableArray<A extends GrowableKind> {
  array: A;
  length = 0;
  /** Whether `array` is over a buffer it made to grow in place (see grownInPlace). */
  private owned: boolean;

  /**
   * `fill` is the value of room not yet written (0 by default, e.g. -1 for "not seen"). `inPlace` grows
   * it in place (for a large buffer built on a thread whose heap holds a corpus; see sharedArray), and
   * doubling then copying to the exact length would allocate three times the buffer.
   */
  constructor(
    private readonly make: KindConstructor<A>,
    capacity = 1024,
    private readonly fill = 0,
    inPlace = false,
  ) {
    const shared = inPlace ? this.sharedArray(Math.max(16, capacity)) : undefined;
    this.owned = shared !== undefined;
    this.array = shared ?? this.blank(Math.max(16, capacity));
  }

  /**
   * An array over a growable SharedArrayBuffer (undefined where the runtime has none: a plain array then
   * grows by copying). V8 counts every new or grown ArrayBuffer toward its external memory, and each
   * 64 MB of it starts a full marking of the heap: on the thread holding a corpus's articles (2.3 GB at
   * news 100k) three or four of them during the records' build, each a second of that thread's time and
   * more of the collector's. Shared buffers are not counted. The array is a view of fixed length, made
   * anew as the buffer grows (see fixedView). Not a resizable ArrayBuffer where there is
   * no shared one: Chromium's TextDecoder refuses views of one (the static site's search, which builds a
   * corpus in the page, failed on it).
   */
  private sharedArray(capacity: number): A | undefined {
    if (!GrowableSharedArrayBuffer) return undefined;
    let buffer: GrowableSharedBuffer;
    try {
      buffer = new GrowableSharedArrayBuffer(capacity * bytesPer(this.make), {
        maxByteLength: MAX_IN_PLACE_BYTES,
      });
    } catch {
      return undefined;
    }
    if (buffer.growable !== true) return undefined;
    const array = fixedView(this.make, buffer, capacity);
    if (this.fill !== 0) array.fill(this.fill);
    return array;
  }

  /**
   * The buffer under the array, if it grows in place: one it made (an adopted array's buffer may be
   * another builder's, or shared with another thread, and is copied when it grows).
   */
  private get grownInPlace(): GrowableSharedBuffer | undefined {
    const buffer = this.array.buffer as GrowableSharedBuffer;
    return this.owned && buffer.growable === true ? buffer : undefined;
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
    const buffer = this.grownInPlace;
    if (buffer && capacity * this.array.BYTES_PER_ELEMENT <= buffer.maxByteLength) {
      const from = this.array.length;
      buffer.grow(capacity * this.array.BYTES_PER_ELEMENT);
      this.array = fixedView(this.make, buffer, capacity);
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
   * and is megamorphic: a loop that appends millions of items writes into
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
   * The items, copied into an array of their exact length; a buffer grown in place (it cannot shrink) is
   * viewed up to them, not copied: the room past them, never written (unless filled), holds no memory.
   * Only for KEPT_SHARED_BYTES or more: a smaller one is copied, its reservation let go.
   */
  done(): A {
    const keep = this.length * this.array.BYTES_PER_ELEMENT >= KEPT_SHARED_BYTES;
    if (keep && this.grownInPlace && this.fill === 0) return this.array.subarray(0, this.length) as A;
    return this.array.slice(0, this.length) as A;
  }
}

/**
 * A typed array of `length` items over a SharedArrayBuffer where the runtime has a usable one (see
 * GrowableSharedArrayBuffer) and it holds KEPT_SHARED_BYTES or more, else a plain one: for a builder
 * beside a heap that holds a corpus, whose every new ArrayBuffer V8 counts toward its external memory
 * (see GrowableArray's sharedArray); a shared one is not counted, and a small one hardly counts.
 */
export function uncountedArray<A extends GrowableKind>(make: KindConstructor<A>, length: number): A {
  const bytes = length * bytesPer(make);
  if (!GrowableSharedArrayBuffer || bytes < KEPT_SHARED_BYTES) return new make(length);
  return fixedView(make, new GrowableSharedArrayBuffer(bytes, { maxByteLength: bytes }), length);
}
