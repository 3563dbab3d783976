import { analyze, forEachWord, termOf } from './analyze';
import { stemProbe } from './snippets';
import { boundedDistance } from './bounded-levenshtein';
import { fold } from './fold';
import type { QueryField, QueryNode } from './query-ast';
import { K1, PREFIX_WEIGHT, TYPO_WEIGHT } from './ranking-weights';
import { df, FIELD_KEY, findTerm, prefixRange, type SearchIndex } from './search-index';

/** Typo tolerance: off, for rare or unknown words, or for every word long enough. */
export type TypoMode = 'off' | 'auto' | 'force';

/** A sorted list of matching documents with a score and a typo count each. */
export interface Matches {
  docs: Uint32Array;
  /** Scores, or null when they are `imp[i] * mult` (a posting list read in place) or all 0. */
  scores: Float32Array | null;
  imp?: Uint8Array;
  mult?: number;
  /** Typo counts, or null when all are 0. */
  typos: Uint8Array | null;
}

export const sc = (m: Matches, i: number): number =>
  m.scores !== null ? m.scores[i]! : m.imp !== undefined ? m.imp[i]! * m.mult! : 0;
export const ty = (m: Matches, i: number): number => (m.typos === null ? 0 : m.typos[i]!);

export interface EvalContext {
  ix: SearchIndex;
  /** Text of a stored text id, as terms ('' for stop words), cached. */
  textTerms(textId: number): string[];
  /** Terms (without field keys) that matched, for snippets. */
  matched: Set<string>;
}

const EMPTY: Matches = { docs: new Uint32Array(0), scores: null, typos: null };
const MAX_EXPANSIONS = 64;
/** A word in at most this many documents may be a typo. */
const RARE = 0;

const idf = (N: number, n: number) => Math.log(1 + (N - n + 0.5) / (n + 0.5));

/** Meilisearch's rule: one typo from 5 letters, two from 9. */
export const typoBudget = (word: string) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);

interface Expansion {
  t: number;
  weight: number;
  typos: number;
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function expand(
  ctx: EvalContext,
  key: string,
  folded: string,
  term: string,
  prefix: boolean,
  typos: TypoMode,
): Expansion[] {
  const ix = ctx.ix;
  const out: Expansion[] = [];
  const exact = findTerm(ix, key + term);
  if (exact >= 0) out.push({ t: exact, weight: 1, typos: 0 });
  if (prefix) {
    const p = commonPrefix(folded, term) || folded;
    const [from, to] = prefixRange(ix, key + p);
    const cands: number[] = [];
    for (let t = from; t < to; t++) if (t !== exact) cands.push(t);
    cands.sort((x, y) => df(ix, y) - df(ix, x));
    for (const t of cands.slice(0, MAX_EXPANSIONS)) out.push({ t, weight: PREFIX_WEIGHT, typos: 0 });
  }
  // Typos are tried for words the corpus lacks or barely has (likely misspelt themselves), or for
  // every word when the exact words find nothing; a correction must be commoner than the word as
  // typed. Typo matches rank below exact ones. Judged on surface words, not stems.
  const exactDf = exact < 0 ? 0 : df(ix, exact);
  if (typos !== 'off' && !prefix && !key && (exactDf <= RARE || typos === 'force')) {
    const max = typoBudget(folded);
    if (max > 0) {
      const best = new Map<number, number>();
      for (const { t, d } of typoCandidates(ix, folded, max)) {
        if (t === exact || df(ix, t) <= exactDf) continue;
        if (!best.has(t) || d < best.get(t)!) best.set(t, d);
      }
      const cands = [...best].sort((x, y) => x[1] - y[1] || df(ix, y[0]) - df(ix, x[0]));
      for (const [t, d] of cands.slice(0, MAX_EXPANSIONS)) out.push({ t, weight: TYPO_WEIGHT, typos: d });
    }
  }
  return out;
}

function typoCandidates(ix: SearchIndex, word: string, max: number): Array<{ t: number; d: number }> {
  if (!ix.surfaceByLength) {
    const buckets: number[][] = [];
    ix.surface.forEach((w, i) => {
      const b = buckets[w.length] ?? [];
      b.push(i);
      buckets[w.length] = b;
    });
    ix.surfaceByLength = Array.from(buckets, (b) => Uint32Array.from(b ?? []));
  }
  const out: Array<{ t: number; d: number }> = [];
  for (let len = Math.max(1, word.length - max); len <= word.length + max; len++) {
    const bucket = ix.surfaceByLength[len];
    if (!bucket) continue;
    for (let k = 0; k < bucket.length; k++) {
      const i = bucket[k]!;
      const d = boundedDistance(word, ix.surface[i]!, max);
      if (d > 0 && d <= max) out.push({ t: ix.surfaceTerm[i]!, d });
    }
  }
  return out;
}

function union(ctx: EvalContext, exps: Expansion[]): Matches {
  const ix = ctx.ix;
  if (exps.length === 0) return EMPTY;
  const N = ix.n;
  if (exps.length === 1) {
    const e = exps[0]!;
    const a = ix.termOff[e.t]!;
    const b = ix.termOff[e.t + 1]!;
    const mult = (e.weight * idf(N, b - a) * (K1 + 1)) / 255;
    return {
      docs: ix.postDoc.subarray(a, b),
      scores: null,
      imp: ix.postImp.subarray(a, b),
      mult,
      typos: e.typos ? new Uint8Array(b - a).fill(e.typos) : null,
    };
  }
  const parts: Matches[] = exps.map((e) => union(ctx, [e]));
  return denseMerge(N, parts, 'max');
}

/** The first index at or after `from` whose document is >= target (docs ascending). */
export function gallop(docs: Uint32Array, from: number, target: number): number {
  let step = 1;
  let hi = from;
  while (hi < docs.length && docs[hi]! < target) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, docs.length);
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (docs[mid]! < target) from = mid + 1;
    else hi = mid;
  }
  return from;
}

export function intersect(lists: Matches[]): Matches {
  if (lists.length === 0) return EMPTY;
  if (lists.length === 1) return lists[0]!;
  const sorted = [...lists].sort((x, y) => x.docs.length - y.docs.length);
  const first = sorted[0]!;
  const rest = sorted.slice(1);
  const pos = new Array<number>(rest.length).fill(0);
  const docs = new Uint32Array(first.docs.length);
  const scores = new Float32Array(first.docs.length);
  const typos = new Uint8Array(first.docs.length);
  let k = 0;
  outer: for (let i = 0; i < first.docs.length; i++) {
    const d = first.docs[i]!;
    let s = sc(first, i);
    let nt = ty(first, i);
    for (let j = 0; j < rest.length; j++) {
      const l = rest[j]!;
      const p = gallop(l.docs, pos[j]!, d);
      pos[j] = p;
      if (p >= l.docs.length) break outer;
      if (l.docs[p] !== d) continue outer;
      s += sc(l, p);
      nt += ty(l, p);
    }
    docs[k] = d;
    scores[k] = s;
    typos[k] = Math.min(255, nt);
    k++;
  }
  return { docs: docs.subarray(0, k), scores: scores.subarray(0, k), typos: typos.subarray(0, k) };
}

function unionMatches(n: number, lists: Matches[]): Matches {
  const live = lists.filter((l) => l.docs.length > 0);
  if (live.length <= 1) return live[0] ?? EMPTY;
  return denseMerge(n, live, 'sum');
}

// Scratch for unions: a score and typo slot per document, valid where stamp === generation.
let accScore = new Float32Array(0);
let accTypos = new Uint8Array(0);
let accStamp = new Uint32Array(0);
let generation = 0;

/** Union of sorted lists: scores summed (OR) or maxed (expansions of one word), fewest typos kept. */
function denseMerge(n: number, lists: Matches[], mode: 'sum' | 'max'): Matches {
  if (accStamp.length < n) {
    accScore = new Float32Array(n);
    accTypos = new Uint8Array(n);
    accStamp = new Uint32Array(n);
    generation = 0;
  }
  generation++;
  if (generation === 0xffffffff) {
    accStamp.fill(0);
    generation = 1;
  }
  const g = generation;
  let total = 0;
  for (const l of lists) total += l.docs.length;
  const touched = new Uint32Array(total);
  let k = 0;
  for (const l of lists) {
    for (let i = 0; i < l.docs.length; i++) {
      const d = l.docs[i]!;
      const s = sc(l, i);
      const t = ty(l, i);
      if (accStamp[d] !== g) {
        accStamp[d] = g;
        accScore[d] = s;
        accTypos[d] = t;
        touched[k++] = d;
      } else {
        accScore[d] = mode === 'sum' ? accScore[d]! + s : Math.max(accScore[d]!, s);
        if (t < accTypos[d]!) accTypos[d] = t;
      }
    }
  }
  let docs: Uint32Array;
  if (k * 8 > n) {
    // Dense: a pass over all documents gives sorted order without sorting.
    docs = new Uint32Array(k);
    let j = 0;
    for (let d = 0; d < n; d++) if (accStamp[d] === g) docs[j++] = d;
  } else docs = touched.subarray(0, k).sort();
  const scores = new Float32Array(k);
  let typos: Uint8Array | null = null;
  for (let i = 0; i < k; i++) {
    const d = docs[i]!;
    scores[i] = accScore[d]!;
    if (accTypos[d]) {
      typos ??= new Uint8Array(k);
      typos[i] = accTypos[d]!;
    }
  }
  return { docs, scores, typos };
}

export function subtract(base: Matches, minus: Matches): Matches {
  if (minus.docs.length === 0) return base;
  const docs = new Uint32Array(base.docs.length);
  const scores = new Float32Array(base.docs.length);
  const typos = new Uint8Array(base.docs.length);
  let k = 0;
  let p = 0;
  for (let i = 0; i < base.docs.length; i++) {
    const d = base.docs[i]!;
    p = gallop(minus.docs, p, d);
    if (p < minus.docs.length && minus.docs[p] === d) continue;
    docs[k] = d;
    scores[k] = sc(base, i);
    typos[k] = ty(base, i);
    k++;
  }
  return { docs: docs.subarray(0, k), scores: scores.subarray(0, k), typos: typos.subarray(0, k) };
}

export function allDocs(n: number, from = 0, to = n): Matches {
  const docs = new Uint32Array(Math.max(0, to - from));
  for (let i = 0; i < docs.length; i++) docs[i] = from + i;
  return { docs, scores: null, typos: null };
}

/** The postings of one dictionary term (already analysed), scored; null when the corpus lacks it. */
export function exactTerm(ctx: EvalContext, term: string): Matches | null {
  const t = findTerm(ctx.ix, term);
  return t < 0 ? null : union(ctx, [{ t, weight: 1, typos: 0 }]);
}

function keyOf(field: QueryField | undefined): string {
  return field ? FIELD_KEY[field] : '';
}

function termMatches(
  ctx: EvalContext,
  field: QueryField | undefined,
  word: string,
  prefix: boolean,
  typos: TypoMode,
): Matches | null {
  const folded = fold(word);
  const terms = analyze(folded);
  if (terms.length !== 1 && !prefix) return phraseMatches(ctx, field, word, terms);
  const term = terms[0] ?? '';
  if (!term && !prefix) return field ? keywordStop(ctx, field, folded) : null; // a stop word: ignored
  const key = keyOf(field);
  const t = term || folded;
  const exps = expand(ctx, key, folded, t, prefix, typos);
  for (const e of exps) ctx.matched.add(ctx.ix.terms[e.t]!.slice(key.length));
  return union(ctx, exps);
}

/** A stop word inside a field qualifier (lang:it) is looked up as a keyword. */
function keywordStop(ctx: EvalContext, field: QueryField, folded: string): Matches {
  const t = findTerm(ctx.ix, FIELD_KEY[field] + folded);
  return t < 0 ? EMPTY : union(ctx, [{ t, weight: 1, typos: 0 }]);
}

/** A cheap substring probe for a phrase (its longest word, cut to the stem) to skip blocks unanalysed. */
export function phraseProbe(text: string): string {
  let probe = '';
  forEachWord(fold(text), (w) => {
    const t = termOf(w);
    const p = t ? stemProbe(commonPrefix(w, t)) : '';
    if (p.length > probe.length) probe = p;
  });
  return probe;
}

/** Does one of the document's texts hold the terms in sequence? */
export function docHasSequence(ctx: EvalContext, d: number, terms: string[], probe: string): boolean {
  const ix = ctx.ix;
  for (let j = ix.textOff[d]!; j < ix.textOff[d + 1]!; j++) {
    const id = ix.textIds[j]!;
    if (probe && !foldedText(ix, id).includes(probe)) continue;
    if (containsSequence(ctx.textTerms(id), terms)) return true;
  }
  return false;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** A stored text folded; most texts fold to their lower case, which is remembered to skip NFKC work. */
export function foldedText(ix: SearchIndex, id: number): string {
  const text = ix.texts[id]!;
  ix.lowerFolds ??= new Uint8Array(ix.texts.length);
  const known = ix.lowerFolds[id]!;
  if (known === 1) return text.toLowerCase();
  if (known === 2) return fold(text);
  const lower = text.toLowerCase();
  const folded = NON_ASCII.test(text) ? fold(text) : lower;
  ix.lowerFolds[id] = folded === lower ? 1 : 2;
  return folded;
}

function containsSequence(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function phraseMatches(
  ctx: EvalContext,
  field: QueryField | undefined,
  text: string,
  terms = analyze(text),
): Matches | null {
  const content = terms.filter(Boolean);
  if (terms.length === 0) return null;
  const ix = ctx.ix;
  const key = keyOf(field);
  let candidates: Matches;
  if (content.length === 0) {
    candidates = allDocs(ix.n);
  } else {
    const lists: Matches[] = [];
    for (const t of new Set(content)) {
      const id = findTerm(ix, key + t);
      if (id < 0) return EMPTY;
      ctx.matched.add(t);
      lists.push(union(ctx, [{ t: id, weight: 1, typos: 0 }]));
    }
    candidates = intersect(lists);
  }
  if (terms.length === 1 || field) return candidates; // a one-word phrase (or a keyword field) needs no check
  const probe = phraseProbe(text);
  const keep = new Uint8Array(candidates.docs.length);
  let k = 0;
  for (let i = 0; i < candidates.docs.length; i++) {
    if (docHasSequence(ctx, candidates.docs[i]!, terms, probe)) {
      keep[i] = 1;
      k++;
    }
  }
  const docs = new Uint32Array(k);
  const scores = new Float32Array(k);
  const typos = new Uint8Array(k);
  k = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    docs[k] = candidates.docs[i]!;
    scores[k] = sc(candidates, i) * 1.5; // a phrase match is worth more than its words apart
    typos[k] = 0;
    k++;
  }
  return { docs, scores, typos };
}

function dateRange(ix: SearchIndex, op: 'after' | 'before' | 'year', value: string): Matches {
  // Documents are newest first with undated ones last, so a date range is a contiguous run.
  let dated = ix.n;
  while (dated > 0 && ix.dates[dated - 1] === '') dated--;
  const firstBelow = (v: string) => {
    // first document whose date prefix is < v
    let lo = 0;
    let hi = dated;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ix.dates[mid]!.slice(0, v.length) >= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  if (op === 'after') return allDocs(ix.n, 0, firstBelow(value));
  if (op === 'before') return allDocs(ix.n, firstBelow(value), dated);
  const next = String(Number(value) + 1).padStart(4, '0');
  return allDocs(ix.n, firstBelow(next), firstBelow(value));
}

/** Evaluates a query tree; `typos` turns typo tolerance on. */
export function evaluate(ctx: EvalContext, node: QueryNode, typos: TypoMode): Matches | null {
  switch (node.kind) {
    case 'term':
      return termMatches(ctx, node.field, node.word, node.prefix, typos);
    case 'phrase':
      return phraseMatches(ctx, node.field, node.text);
    case 'date':
      return dateRange(ctx.ix, node.op, node.value);
    case 'or': {
      const parts = node.children.map((c) => evaluate(ctx, c, typos)).filter((m): m is Matches => m !== null);
      return parts.length ? unionMatches(ctx.ix.n, parts) : null;
    }
    case 'not': {
      const inner = evaluate(ctx, node.child, 'off');
      return inner ? subtract(allDocs(ctx.ix.n), inner) : null;
    }
    case 'and': {
      const pos: Matches[] = [];
      const neg: Matches[] = [];
      for (const c of node.children) {
        if (c.kind === 'not') {
          const m = evaluate(ctx, c.child, 'off');
          if (m) neg.push(m);
        } else {
          const m = evaluate(ctx, c, typos);
          if (m) pos.push(m);
        }
      }
      if (pos.length === 0 && neg.length === 0) return null;
      let base = pos.length ? intersect(pos) : allDocs(ctx.ix.n);
      for (const m of neg) base = subtract(base, m);
      return base;
    }
  }
}
