import { InternTable } from '../../binary/intern-table';
import { decodeUtf8, type StringColumn } from '../../binary/string-column';
import { ByteReader, ByteWriter } from '../../binary/varint';

// JSON values (and byte arrays) as tagged bytes, every string once in a shared table: article records repeat the same
// keys, names and labels thousands of times, and small numbers (offsets) dominate the rest.
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const UINT = 3;
const NEG = 4;
const FLOAT = 5;
const STRING = 6;
const ARRAY = 7;
const OBJECT = 8;
const TEXT = 9; // a long string written in place: long strings rarely repeat, and hashing them is costly
const BYTES = 10; // a Uint8Array as it is (read back as a view on the record's bytes)
// An object as its shape (its keys, NUL-joined, one shared string: records repeat a few dozen shapes)
// and its values in that order, not a count and a key before each value.
const SHAPED = 11;
const SHARED_UP_TO = 48;
const SMALL = 40; // tags SMALL..255 are the integers 0..215

export class CompactWriter {
  /** The shared strings, numbered; in typed arrays: see InternTable. */
  private readonly strings = new InternTable(1 << 12, true);
  /** Grown in place: it is built on the thread holding the articles (see GrowableArray). */
  readonly out = new ByteWriter(1 << 16, true);
  private readonly f64 = new DataView(new ArrayBuffer(8));
  /** f64's bytes, copied out for a float (rather than a new buffer for each). */
  private readonly f64Bytes = new Uint8Array(this.f64.buffer);
  /** The shapes written so far, by their keys in order: no joined string is made or hashed per object. */
  private readonly shapes = new Shape(null, true);
  private readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(1 << 12);

  private str(s: string): number {
    return this.strings.intern(s);
  }

  /** Writes v to `w` (by default this writer's own stream); strings go to the shared table. */
  write(v: unknown, w: ByteWriter = this.out): void {
    if (v === null || v === undefined) w.varint(NULL);
    else if (typeof v === 'boolean') w.varint(v ? TRUE : FALSE);
    else if (typeof v === 'number') {
      if (Number.isInteger(v) && v >= 0 && v < 256 - SMALL) w.byte(SMALL + v);
      else if (Number.isInteger(v) && Math.abs(v) <= 0xffffffff) {
        w.varint(v >= 0 ? UINT : NEG);
        w.varint(Math.abs(v));
      } else {
        w.varint(FLOAT);
        this.f64.setFloat64(0, v, true);
        w.raw(this.f64Bytes);
      }
    } else if (typeof v === 'string') {
      if (v.length > SHARED_UP_TO) {
        // Encoded into a reused buffer: a new array for each long string was most of the encoder's cost.
        if (this.scratch.length < v.length * 3) this.scratch = new Uint8Array(v.length * 6);
        const n = this.encoder.encodeInto(v, this.scratch).written;
        w.varint(TEXT);
        w.varint(n);
        w.raw(this.scratch.subarray(0, n));
      } else {
        w.varint(STRING);
        w.varint(this.str(v));
      }
    } else if (v instanceof Uint8Array) {
      w.varint(BYTES);
      w.varint(v.length);
      w.raw(v);
    } else if (Array.isArray(v)) {
      w.varint(ARRAY);
      w.varint(v.length);
      for (const x of v) this.write(x, w);
    } else if (typeof v === 'object') this.object(v as Record<string, unknown>, w);
    else throw new TypeError(`cannot store a ${typeof v}`);
  }

  /**
   * Writes object o as write does, but its keys in `omit`: as write would write a copy of o without
   * them, never made (an entity's head is its fields but its mentions, and most entities repeat a head).
   */
  writeWithout(o: object, omit: ReadonlySet<string>, w: ByteWriter): void {
    this.object(o as Record<string, unknown>, w, omit);
  }

  private object(o: Record<string, unknown>, w: ByteWriter, omit?: ReadonlySet<string>): void {
    let shape = this.shapes;
    let count = 0;
    for (const k in o) {
      if (o[k] === undefined || omit?.has(k)) continue;
      shape = shape.after(k);
      count++;
    }
    // A key holding NUL would split wrongly: such an object (and an empty one) names its keys.
    if (count === 0 || !shape.plain) {
      w.varint(OBJECT);
      w.varint(count);
      for (const k in o) {
        if (o[k] === undefined || omit?.has(k)) continue;
        w.varint(this.str(k));
        this.write(o[k], w);
      }
      return;
    }
    w.varint(SHAPED);
    // Interned the first time the shape is written, where the joined keys were interned each time.
    if (shape.string < 0) shape.string = this.str(shape.keys!);
    w.varint(shape.string);
    for (const k in o) if (o[k] !== undefined && !omit?.has(k)) this.write(o[k], w);
  }

  /** The shared strings (once: the writer's table is spent after it). */
  stringColumn(): StringColumn {
    return this.strings.column();
  }
}

/**
 * An object's keys so far, in order, as a node of a tree of every shape written: its shared string
 * (the keys NUL-joined, as a record names it) is interned once, the first time a record has the shape.
 * Records repeat a few dozen shapes, so the tree stays as small as the shared strings they add.
 */
class Shape {
  private readonly next = new Map<string, Shape>();
  /** The shape's number in the shared strings, or -1 until a record has it. */
  string = -1;

  constructor(
    /** The keys NUL-joined; null for no keys (the tree's root). */
    readonly keys: string | null,
    /** No key holds a NUL (which would split wrongly). */
    readonly plain: boolean,
  ) {}

  /** This shape with key k after its keys. */
  after(k: string): Shape {
    let shape = this.next.get(k);
    if (shape === undefined) {
      const keys = this.keys === null ? k : `${this.keys}\u0000${k}`;
      shape = new Shape(keys, this.plain && !k.includes('\u0000'));
      this.next.set(k, shape);
    }
    return shape;
  }
}

function set(o: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value: v, enumerable: true, writable: true });
  else o[key] = v;
}

/** Reads values written by CompactWriter; throws (RangeError/TypeError) on damaged bytes. */
export class CompactReader {
  private readonly keys: string[] = [];
  private readonly shapes: string[][] = [];
  private readonly f64 = new DataView(new ArrayBuffer(8));

  constructor(
    readonly bytes: Uint8Array,
    readonly strings: StringColumn,
  ) {}

  read(from: number, to: number): unknown {
    const r = new ByteReader(this.bytes, from, to);
    const v = this.value(r);
    if (r.p !== to) throw new RangeError('record length mismatch');
    return v;
  }

  private string(i: number): string {
    if (i >= this.strings.length) throw new RangeError('string index out of range');
    return this.strings.at(i);
  }

  /** Keys and shapes are few and recur in every record: each decoded once. */
  private key(k: number): string {
    let key = this.keys[k];
    if (key === undefined) {
      key = this.string(k);
      this.keys[k] = key;
    }
    return key;
  }

  private shape(k: number): string[] {
    let keys = this.shapes[k];
    if (keys === undefined) {
      keys = this.string(k).split('\u0000');
      this.shapes[k] = keys;
    }
    return keys;
  }

  private value(r: ByteReader): unknown {
    if (r.p >= r.end) throw new RangeError('truncated record');
    const tag = r.bytes[r.p++]!;
    if (tag >= SMALL) return tag - SMALL;
    switch (tag) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case UINT:
        return r.varint();
      case NEG:
        return -r.varint();
      case FLOAT: {
        if (r.p + 8 > r.end) throw new RangeError('truncated record');
        for (let i = 0; i < 8; i++) this.f64.setUint8(i, r.bytes[r.p + i]!);
        r.p += 8;
        return this.f64.getFloat64(0, true);
      }
      case STRING:
        return this.string(r.varint());
      case TEXT: {
        const n = r.varint();
        if (n > r.end - r.p) throw new RangeError('text longer than its record');
        r.p += n;
        return decodeUtf8(r.bytes, r.p - n, r.p);
      }
      case BYTES: {
        const n = r.varint();
        if (n > r.end - r.p) throw new RangeError('bytes longer than their record');
        r.p += n;
        return r.bytes.subarray(r.p - n, r.p);
      }
      case ARRAY: {
        const n = r.varint();
        if (n > r.end - r.p) throw new RangeError('array longer than its record');
        const a = new Array<unknown>(n);
        for (let i = 0; i < n; i++) a[i] = this.value(r);
        return a;
      }
      case OBJECT: {
        const n = r.varint();
        if (n > r.end - r.p) throw new RangeError('object longer than its record');
        const o: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) set(o, this.key(r.varint()), this.value(r));
        return o;
      }
      case SHAPED: {
        const keys = this.shape(r.varint());
        const o: Record<string, unknown> = {};
        for (const key of keys) set(o, key, this.value(r));
        return o;
      }
      default:
        throw new RangeError(`unknown value tag ${tag}`);
    }
  }
}
