import type { ByteWriter } from '../../binary/varint';

// A term's impact in a document depends only on its counts in each field and the document's field
// lengths (fixed pivots), so most of a document's words share a few impacts: every word said once in its
// body scores alike. Each document keeps its three commonest impacts, and a list stores a 2-bit code a
// document (one of its document's three, or 3: the impact follows as a byte) where it stored a byte.
// News 100k: the postings fell from 56.8 to 47.0 MB, 54.1 to 44.6 MB gzip (bench/search/snapshot-weights.ts);
// the impacts stored a document at a time in them, from 19.2 to 9.3 MB.

/** Impacts each document keeps. */
export const COMMON = 3;
/** The code of an impact that is not among its document's common ones: it follows the codes, as a byte. */
const ESCAPE = 3;
/**
 * Lists shorter than this store their impacts a byte each: a shorter list's codes could take one byte,
 * which reads as a list whose impacts are all alike.
 */
export const CODED_FROM = 5;

/** Each document's commonest impacts, counted one document at a time (the postings' entries are). */
export class CommonImpacts {
  /** Document d's at [COMMON * d, COMMON * d + COMMON), the most counted first; 0 where it has fewer. */
  readonly table: Uint8Array;
  private readonly counts = new Uint32Array(256);
  private readonly seen = new Uint8Array(256);
  private seenCount = 0;

  constructor(documents: number) {
    this.table = new Uint8Array(COMMON * documents);
  }

  count(impact: number): void {
    if (this.counts[impact]!++ === 0) this.seen[this.seenCount++] = impact;
  }

  /** Ends document d: keeps its commonest impacts (the smaller first on a tie, so a build is repeatable). */
  end(d: number): void {
    const { counts, seen, table } = this;
    const at = COMMON * d;
    for (let k = 0; k < COMMON; k++) {
      let best = -1;
      for (let i = 0; i < this.seenCount; i++) {
        const v = seen[i]!;
        const c = counts[v]!;
        if (c > 0 && (best < 0 || c > counts[best]! || (c === counts[best]! && v < best))) best = v;
      }
      if (best < 0) break;
      table[at + k] = best;
      // Taken: left out of the next picks, and its count is reset below with the others.
      counts[best] = 0;
    }
    for (let i = 0; i < this.seenCount; i++) counts[seen[i]!] = 0;
    this.seenCount = 0;
  }
}

/** The code of impact `v` in document d: its place among the document's common impacts, or ESCAPE. */
function codeOf(table: Uint8Array, d: number, v: number): number {
  const at = COMMON * d;
  // A document past the table (or only partly in it) has no common impacts: readCodedImpacts agrees.
  if (at + COMMON > table.length) return ESCAPE;
  if (table[at] === v) return 0;
  if (table[at + 1] === v) return 1;
  return table[at + 2] === v ? 2 : ESCAPE;
}

/**
 * Writes the impacts of docs[a, b) as codes (four to a byte, low bits first) then the escaped impacts,
 * when that is shorter than a byte each and the list is CODED_FROM long; else writes nothing and says so.
 * `codes` is room for the codes, (b - a + 3) >> 2 bytes at least: each is worked out once.
 */
export function writeCodedImpacts(
  w: ByteWriter,
  docs: Uint32Array,
  imps: Uint8Array,
  a: number,
  b: number,
  table: Uint8Array,
  codes: Uint8Array,
): boolean {
  const n = b - a;
  if (n < CODED_FROM) return false;
  const size = (n + 3) >> 2;
  codes.fill(0, 0, size);
  let escapes = 0;
  for (let i = 0; i < n; i++) {
    const c = codeOf(table, docs[a + i]!, imps[a + i]!);
    codes[i >> 2]! |= c << ((i & 3) << 1);
    if (c === ESCAPE) escapes++;
  }
  if (size + escapes >= n) return false;
  w.raw(codes.subarray(0, size));
  for (let i = 0; i < n; i++) if (((codes[i >> 2]! >>> ((i & 3) << 1)) & 3) === ESCAPE) w.byte(imps[a + i]!);
  return true;
}

/**
 * The impacts of a coded list of `docs`, read from bytes[p, end) into `out`: its codes, then its escaped
 * impacts. Undefined when they do not hold together (escapes missing or left over, a code past the table).
 */
export function readCodedImpacts(
  bytes: Uint8Array,
  p: number,
  end: number,
  docs: Uint32Array,
  table: Uint8Array,
  out: Uint8Array,
): Uint8Array | undefined {
  // A code must name a whole slot: below `slots`, the table's length cut to whole documents.
  const slots = table.length - (table.length % COMMON);
  let e = p + ((docs.length + 3) >> 2);
  for (let i = 0; i < docs.length; i++) {
    const c = (bytes[p + (i >> 2)]! >>> ((i & 3) << 1)) & 3;
    if (c === ESCAPE) out[i] = bytes[e++]!;
    else {
      const at = COMMON * docs[i]! + c;
      if (at >= slots) return undefined;
      out[i] = table[at]!;
    }
  }
  return e === end ? out : undefined;
}
