import type { ArticleFilters } from '../../query-schema/query-params-schema';
import { fold } from '../analysis/fold';
import { isDense } from '../index/dense-column';
import { popcount } from '../index/doc-bits';
import { gallop } from '../index/gallop';
import type { FacetColumn, SearchIndex } from '../index/search-index';
import { dateSpan } from './date-span';

/** A filter on one facet column: the values it lets through (1 by value number). */
interface ColumnFilter {
  column: FacetColumn;
  allowed: Uint8Array;
  /** One value a document: its value is val[d] (isDense). */
  dense: boolean;
  /** The documents that pass, as bits (one a document), once the filter has been asked about enough. */
  bits: Uint32Array | undefined;
  /** With the bits, the documents that pass (ascending) when they are few (a rare tag): walked, not tested. */
  few: Uint32Array | undefined;
}

/** A column filter as kept between queries: and the documents it was asked about, until its bits are built. */
interface KeptFilter extends ColumnFilter {
  asked: number;
  /** The one value it allows, or -1 (none, or several: a language and its regional forms). */
  sole: number;
}

/** What the filters but entity and country keep: the documents [from, to) by date, and per column the values. */
export interface FilterPlan {
  from: number;
  to: number;
  columns: ColumnFilter[];
}

/** The filters a facet column answers. */
const COLUMN_FILTERS = ['source', 'section', 'tag', 'language'] as const;
type ColumnFilterName = (typeof COLUMN_FILTERS)[number];
const isColumnFilter = (name: string): name is ColumnFilterName =>
  (COLUMN_FILTERS as readonly string[]).includes(name);
/** Column filters kept per engine (each as long as its column's values, tags run to tens of thousands, and n bits). */
const KEPT_FILTERS = 64;
/**
 * A filter's bits are built once it has been asked about 1 in BITS_AFTER of the documents (over all
 * queries): building reads each document's value once, about what testing that many documents costs
 * where the test misses the cache (a value a document, read at random across the column), and a bit
 * test does not.
 */
const BITS_AFTER = 4;
/** A filter passing at most 1 in FEW of the documents keeps their list too (no more bytes than its bits). */
const FEW = 32;
/**
 * Matches are walked by a filter's list of documents when it is this many times shorter: a step of the
 * walk gallops through the matches (tens of nanoseconds), a test of a match reads one bit (about one).
 */
const WALK_SKEW = 16;

/** Filter plans over one index; each column filter is built once, and its bits when it is asked about enough. */
export class FilterPlans {
  private readonly kept = new Map<string, KeptFilter>();
  private indexes = new Uint32Array(0);

  constructor(private readonly ix: SearchIndex) {}

  /**
   * Room for `size` indexes, reused by every filter of this index (what passes is copied out at once):
   * a filter then allocates only what it keeps.
   */
  scratch(size: number): Uint32Array {
    if (this.indexes.length < size) this.indexes = new Uint32Array(Math.max(size, this.indexes.length * 2));
    return this.indexes;
  }

  /** The plan of the filters other than entity and country, for `walked` documents. */
  plan(f: ArticleFilters, walked: number): FilterPlan {
    const columns: ColumnFilter[] = [];
    for (const name of COLUMN_FILTERS) {
      const value = f[name];
      if (!value) continue;
      const c = this.columnFilter(name, fold(value));
      c.asked += walked;
      if (c.bits === undefined && c.asked * BITS_AFTER >= this.ix.n) {
        c.bits = passingBits(c, this.ix.n);
        c.few = fewDocs(c.bits, this.ix.n);
      }
      columns.push(c);
    }
    let from = 0;
    let to = this.ix.n;
    for (const op of ['after', 'before'] as const) {
      const value = f[op];
      if (!value) continue;
      const [a, b] = dateSpan(this.ix, op, value);
      from = Math.max(from, a);
      to = Math.min(to, b);
    }
    return { from, to, columns };
  }

  /**
   * The one value of column `name` that every document these filters keep holds, when they filter on
   * it, allow one value, and the column holds one value a document (isDense); else undefined. A facet
   * of the filtered column (a section filter, the sections counted) is then counted without reading it.
   */
  soleValue(f: ArticleFilters | undefined, name: string): number | undefined {
    const value = isColumnFilter(name) ? f?.[name] : undefined;
    if (!value || !isColumnFilter(name)) return undefined;
    const c = this.columnFilter(name, fold(value));
    return c.dense && c.sole >= 0 ? c.sole : undefined;
  }

  /** A column's filter: the values equal to `want` once folded (a language keeps its regional forms too). */
  private columnFilter(name: ColumnFilterName, want: string): KeptFilter {
    const key = `${name}\u0000${want}`;
    let c = this.kept.get(key);
    if (c) return c;
    const column = this.ix.facets[name];
    const regional = `${want}-`;
    const allowed = new Uint8Array(column.values.length);
    let sole = -1;
    let count = 0;
    for (let v = 0; v < allowed.length; v++) {
      const value = fold(column.values.at(v));
      if (value !== want && !(name === 'language' && value.startsWith(regional))) continue;
      allowed[v] = 1;
      sole = count++ === 0 ? v : -1;
    }
    c = { column, allowed, dense: isDense(column), bits: undefined, few: undefined, asked: 0, sole };
    if (this.kept.size >= KEPT_FILTERS) this.kept.clear();
    this.kept.set(key, c);
    return c;
  }
}

/** The documents below n that pass a column filter, as bits (a column of one value a document: a bit a read). */
function passingBits({ column, allowed, dense }: ColumnFilter, n: number): Uint32Array {
  const words = new Uint32Array((n + 31) >>> 5);
  const { off, val } = column;
  if (dense) {
    for (let d = 0; d < n; d++) words[d >>> 5]! |= allowed[val[d]!]! << (d & 31);
    return words;
  }
  for (let d = 0; d < n; d++) {
    for (let j = off[d]!; j < off[d + 1]!; j++) {
      if (allowed[val[j]!] === 1) {
        words[d >>> 5]! |= 1 << (d & 31);
        break;
      }
    }
  }
  return words;
}

/** The documents set in bits (ascending), when at most 1 in FEW of the n are; else undefined. */
function fewDocs(bits: Uint32Array, n: number): Uint32Array | undefined {
  let count = 0;
  for (let w = 0; w < bits.length; w++) count += popcount(bits[w]!);
  if (count * FEW > n) return undefined;
  const out = new Uint32Array(count);
  let k = 0;
  for (let w = 0; w < bits.length; w++) {
    for (let word = bits[w]!; word !== 0; word &= word - 1)
      out[k++] = (w << 5) | (31 - Math.clz32(word & -word));
  }
  return out;
}

/** Does document d pass the plan? (For a few documents: a list is narrowed a column at a time.) */
export function passes(plan: FilterPlan, d: number): boolean {
  if (d < plan.from || d >= plan.to) return false;
  for (const { column, allowed } of plan.columns) {
    let ok = false;
    for (let j = column.off[d]!; j < column.off[d + 1]! && !ok; j++) ok = allowed[column.val[j]!] === 1;
    if (!ok) return false;
  }
  return true;
}

/** First index at or after lo whose document is >= d (docs ascending). */
function lowerBound(docs: Uint32Array, lo: number, d: number): number {
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The indexes into docs (ascending) of the documents that pass: a run [lo, hi) when only dates filter
 * (found by binary search: documents are in date order), else `at[0..k)` (in `scratch`), each column
 * tested in a loop of its own over the documents the columns before it kept.
 */
export function passingIndexes(
  docs: Uint32Array,
  plan: FilterPlan,
  scratch: (size: number) => Uint32Array,
): { lo: number; hi: number } | { at: Uint32Array; k: number } {
  const lo = lowerBound(docs, 0, plan.from);
  const hi = lowerBound(docs, lo, plan.to);
  if (plan.columns.length === 0) return { lo, hi };
  // A filter passing few documents leads (its list walked); else the first column, tested a match at a time.
  const lead = plan.columns.find((c) => c.few && c.few.length * WALK_SKEW < hi - lo) ?? plan.columns[0]!;
  const at = scratch(lead.few ? lead.few.length : hi - lo);
  let k: number;
  if (lead.few) k = walkFew(docs, lo, hi, lead.few, at);
  else if (lead.bits) k = bitsOverRun(docs, lo, hi, lead.bits, at);
  else {
    for (let i = lo; i < hi; i++) at[i - lo] = i;
    k = keep(docs, at, hi - lo, lead);
  }
  for (const c of plan.columns) if (c !== lead) k = keep(docs, at, k, c);
  return { at, k };
}

/**
 * Narrows at[0..k) (indexes into docs) to the documents in the plan's date run that pass its columns;
 * returns how many are left, first in `at`.
 */
export function narrow(docs: Uint32Array, at: Uint32Array, k: number, plan: FilterPlan): number {
  let kept = 0;
  for (let i = 0; i < k; i++) {
    const d = docs[at[i]!]!;
    if (d >= plan.from && d < plan.to) at[kept++] = at[i]!;
  }
  for (const c of plan.columns) kept = keep(docs, at, kept, c);
  return kept;
}

/** Narrows at[0..k) (indexes into docs) to the documents that pass the column filter; returns how many are left. */
function keep(docs: Uint32Array, at: Uint32Array, k: number, c: ColumnFilter): number {
  return c.bits
    ? keepBits(docs, at, k, c.bits)
    : c.dense
      ? keepDense(docs, at, k, c)
      : keepAny(docs, at, k, c);
}

// The loops below keep without a branch on the test (each index written, the count moved by 0 or 1):
// about a third of a word's matches pass a section filter, at random, so the branch would mispredict often.

/** The indexes in [lo, hi) whose document is in `few` (ascending), found by galloping; returns how many. */
function walkFew(docs: Uint32Array, lo: number, hi: number, few: Uint32Array, at: Uint32Array): number {
  let k = 0;
  let p = lo;
  for (let i = lowerBound(few, 0, docs[lo] ?? 0); i < few.length; i++) {
    const d = few[i]!;
    p = gallop(docs, p, d);
    if (p >= hi) break;
    if (docs[p] === d) at[k++] = p;
  }
  return k;
}

/** The indexes in [lo, hi) whose document's bit is set, into `at`; returns how many. */
function bitsOverRun(docs: Uint32Array, lo: number, hi: number, bits: Uint32Array, at: Uint32Array): number {
  let kept = 0;
  for (let i = lo; i < hi; i++) {
    const d = docs[i]!;
    at[kept] = i;
    kept += (bits[d >>> 5]! >>> (d & 31)) & 1;
  }
  return kept;
}

/** Keeps the indexes whose document's bit is set. */
function keepBits(docs: Uint32Array, at: Uint32Array, k: number, bits: Uint32Array): number {
  let kept = 0;
  for (let i = 0; i < k; i++) {
    const x = at[i]!;
    const d = docs[x]!;
    at[kept] = x;
    kept += (bits[d >>> 5]! >>> (d & 31)) & 1;
  }
  return kept;
}

/** Keeps the indexes whose document's one value is allowed. */
function keepDense(docs: Uint32Array, at: Uint32Array, k: number, { column, allowed }: ColumnFilter): number {
  const val = column.val;
  let kept = 0;
  for (let i = 0; i < k; i++) {
    const x = at[i]!;
    at[kept] = x;
    kept += allowed[val[docs[x]!]!]!;
  }
  return kept;
}

/** Keeps the indexes whose document holds an allowed value. */
function keepAny(docs: Uint32Array, at: Uint32Array, k: number, { column, allowed }: ColumnFilter): number {
  const { off, val } = column;
  let kept = 0;
  for (let i = 0; i < k; i++) {
    const x = at[i]!;
    const d = docs[x]!;
    for (let j = off[d]!; j < off[d + 1]!; j++) {
      if (allowed[val[j]!] === 1) {
        at[kept++] = x;
        break;
      }
    }
  }
  return kept;
}
