import type { FacetName } from '../corpus/query-params-schema';
import { base64ToBytes, bytesToBase64 } from './base64';
import type { FacetColumn, SearchIndex } from './search-index';
import { decodeVarints, encodeVarints } from './varint';

/** A column as JSON: values plus per-document value ids, varint-coded. */
interface ColumnJson {
  values: string[];
  counts: string;
  val: string;
}

/** The serialised index: typed arrays as base64 (postings delta + varint coded). Plain JSON. */
export interface SnapshotIndex {
  n: number;
  ids: string[];
  slugs: string[];
  titles: string[];
  dates: string[];
  oldestRank: string;
  /** Dictionary terms joined by "\n" (terms never contain one). */
  terms: string;
  df: string;
  surface: string;
  surfaceTerm: string;
  postDoc: string;
  postImp: string;
  facets: Record<FacetName, ColumnJson>;
  entities: ColumnJson;
  entityKeys: string[];
  texts: string[];
  textCounts: string;
  textIds: string;
  textField: string;
}

const b64v = (a: ArrayLike<number>) => bytesToBase64(encodeVarints(a));
const unb64v = (s: string, count: number) => decodeVarints(base64ToBytes(s), count);

function countsOf(off: Uint32Array): Uint32Array {
  const c = new Uint32Array(off.length - 1);
  for (let i = 0; i < c.length; i++) c[i] = off[i + 1]! - off[i]!;
  return c;
}
function offsetsOf(counts: Uint32Array): Uint32Array {
  const off = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) off[i + 1] = off[i]! + counts[i]!;
  return off;
}

const encodeColumn = (c: FacetColumn): ColumnJson => ({
  values: c.values,
  counts: b64v(countsOf(c.off)),
  val: b64v(c.val),
});
function decodeColumn(j: ColumnJson, n: number): FacetColumn {
  const off = offsetsOf(unb64v(j.counts, n));
  return { values: j.values, off, val: unb64v(j.val, off[n]!) };
}

export function encodeIndex(ix: SearchIndex): SnapshotIndex {
  // Postings: document gaps within each term (sorted ascending), so most fit one byte.
  const gaps = new Uint32Array(ix.postDoc.length);
  for (let t = 0; t < ix.terms.length; t++) {
    let prev = 0;
    for (let i = ix.termOff[t]!; i < ix.termOff[t + 1]!; i++) {
      gaps[i] = ix.postDoc[i]! - prev;
      prev = ix.postDoc[i]!;
    }
  }
  const facets = {} as Record<FacetName, ColumnJson>;
  for (const [k, c] of Object.entries(ix.facets)) facets[k as FacetName] = encodeColumn(c);
  return {
    n: ix.n,
    ids: ix.ids,
    slugs: ix.slugs,
    titles: ix.titles,
    dates: ix.dates,
    oldestRank: b64v(ix.oldestRank),
    terms: ix.terms.join('\n'),
    df: b64v(countsOf(ix.termOff)),
    surface: ix.surface.join('\n'),
    surfaceTerm: b64v(ix.surfaceTerm),
    postDoc: b64v(gaps),
    postImp: bytesToBase64(ix.postImp),
    facets,
    entities: encodeColumn(ix.entities),
    entityKeys: ix.entityKeys,
    texts: ix.texts,
    textCounts: b64v(countsOf(ix.textOff)),
    textIds: b64v(ix.textIds),
    textField: bytesToBase64(ix.textField),
  };
}

/** Decodes a SnapshotIndex; throws (RangeError/TypeError) on damaged data, which the caller reports. */
export function decodeIndex(j: SnapshotIndex): SearchIndex {
  const n = j.n;
  const terms = j.terms === '' ? [] : j.terms.split('\n');
  const termOff = offsetsOf(unb64v(j.df, terms.length));
  const surface = j.surface === '' ? [] : j.surface.split('\n');
  const P = termOff[terms.length]!;
  const postDoc = unb64v(j.postDoc, P);
  for (let t = 0; t < terms.length; t++) {
    let prev = 0;
    for (let i = termOff[t]!; i < termOff[t + 1]!; i++) {
      prev += postDoc[i]!;
      postDoc[i] = prev;
    }
  }
  const postImp = base64ToBytes(j.postImp);
  if (postImp.length !== P) throw new RangeError('postings and impacts differ in length');
  const facets = {} as Record<FacetName, FacetColumn>;
  for (const [k, c] of Object.entries(j.facets)) facets[k as FacetName] = decodeColumn(c, n);
  const textOff = offsetsOf(unb64v(j.textCounts, n));
  return {
    n,
    ids: j.ids,
    slugs: j.slugs,
    titles: j.titles,
    dates: j.dates,
    oldestRank: unb64v(j.oldestRank, n),
    terms,
    termOff,
    surface,
    surfaceTerm: unb64v(j.surfaceTerm, surface.length),
    postDoc,
    postImp,
    facets,
    entities: decodeColumn(j.entities, n),
    entityKeys: j.entityKeys,
    texts: j.texts,
    textOff,
    textIds: unb64v(j.textIds, textOff[n]!),
    textField: base64ToBytes(j.textField),
  };
}
