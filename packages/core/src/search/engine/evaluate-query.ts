import { analyze } from '../analysis/analyze';
import { dateSpan } from './date-span';
import { fold } from '../analysis/fold';
import { type DocBits, heldByAll, memberWords, rankOfHeld } from '../index/doc-bits';
import { advance, gallop } from '../index/gallop';
import { PendingUnion } from './pending-union';
import { PendingMax } from './pending-max';
import { bitsWorth, filterWorth, type Matches, scoreAt, typosAt } from './matches';
import {
  candidatesHoldingSequence,
  candidatesHoldingTexts,
  type PhraseWords,
  textHasSequence,
} from './phrase-positions';
import { rememberedTypoCandidates, type TypoDictionary, type TypoWalk } from './typo-candidates';
import { type Expansion as WordExpansion, expandWord, type TypoMode, type Vocabulary } from './expand-word';
import type { QueryField, QueryNode } from '../query/query-ast';
import { K1 } from '../index/ranking-weights';
import { df, FIELD_KEY, findTerm, prefixRange, type SearchIndex, textDocs } from '../index/search-index';
import { TYPO_UNIT, WORK_BUDGET, type WorkBudget } from '../query/work-budget';

export type { TypoMode } from './expand-word';

export { type Matches, scoreAt, typosAt } from './matches';

export interface EvalContext {
  ix: SearchIndex;
  /** Terms (without field keys) that matched, for snippets. */
  matched: Set<string>;
  /** What the query may still read; what does not fit is left out, and the budget says so. */
  budget: WorkBudget;
  /** Expansions each prefix or typo word may have (expansionsPerWord); 64 when not given. */
  perWord?: number;
  /** Typo candidates already found for a word in this query (the 'force' pass asks again). */
  typoMemo?: Map<string, Array<{ t: number; d: number }>>;
  /** Given when the index is one segment of a live corpus (the single-corpus path reads none). */
  stats?: CorpusStats;
  /** Which segment of that corpus the index is (an expansion may carry its id there). */
  segment?: number;
}

const EMPTY: Matches = { docs: new Uint32Array(0), scores: null, typos: null };

const idf = (N: number, n: number) => Math.log(1 + (N - n + 0.5) / (n + 0.5));

/** A term of this index to read, its weight and typos, and (over segments) its document count in the corpus. */
interface Expansion extends WordExpansion<number> {
  df?: number | undefined;
}

/**
 * The statistics of the live corpus an index is one segment of: idf reads its document counts and every
 * word's expansion is decided over all segments, so each segment evaluates the query a corpus built at
 * once from the live articles would.
 */
export interface CorpusStats {
  /** Live documents in all segments. */
  n: number;
  /** Live documents holding a dictionary term (field key included); 0 when none does. */
  df(term: string): number;
  /**
   * A word's expansions over all segments (terms with their document counts, and by segment their ids
   * when a merged walk found them: -1 where a segment lacks the term), decided once per query.
   */
  expansions(
    word: { key: string; folded: string; term: string; prefix: boolean },
    typos: TypoMode,
    perWord: number,
  ): ReadonlyArray<WordExpansion<string> & { df: number; ids?: ArrayLike<number> }>;
}

/**
 * The index's own dictionary as a word's expansion reads it (terms by id, in dictionary order): a class,
 * so a word's expansion makes no closures.
 */
class LocalVocabulary implements Vocabulary<number> {
  constructor(private readonly ctx: EvalContext) {}

  find(term: string): number | undefined {
    const t = findTerm(this.ctx.ix, term);
    return t < 0 ? undefined : t;
  }

  df(t: number): number {
    return df(this.ctx.ix, t);
  }

  prefixed(p: string): { count: number; terms: () => number[] } {
    const [from, to] = prefixRange(this.ctx.ix, p);
    return { count: to - from, terms: () => Array.from({ length: to - from }, (_, i) => from + i) };
  }

  before(x: number, y: number): boolean {
    return x < y;
  }

  typos(folded: string, max: number): Array<{ t: number; d: number }> {
    return typosOf(this.ctx, folded, max);
  }
}

/** A word's expansions in this index: decided here, or over all segments when the corpus's statistics are given. */
function expand(
  ctx: EvalContext,
  word: { key: string; folded: string; term: string; prefix: boolean },
  typos: TypoMode,
): Expansion[] {
  const perWord = ctx.perWord ?? WORK_BUDGET.maxWordExpansions;
  if (!ctx.stats) {
    const exps = expandWord(new LocalVocabulary(ctx), ctx.budget, word, typos, perWord);
    for (const e of exps) ctx.matched.add(ctx.ix.terms.at(e.t).slice(word.key.length));
    return exps;
  }
  const out: Expansion[] = [];
  for (const e of ctx.stats.expansions(word, typos, perWord)) {
    ctx.matched.add(e.t.slice(word.key.length));
    const t = e.ids && ctx.segment !== undefined ? e.ids[ctx.segment]! : findTerm(ctx.ix, e.t);
    if (t >= 0) out.push({ t, weight: e.weight, typos: e.typos, df: e.df });
  }
  return out;
}

/** Dictionary words within `max` typos of a word, once per query, paid for by the budget (none if it cannot). */
function typosOf(ctx: EvalContext, folded: string, max: number): Array<{ t: number; d: number }> {
  ctx.typoMemo ??= new Map();
  const known = ctx.typoMemo.get(folded);
  if (known) return known;
  const walk = paidTypoWalk(ctx.ix, ctx.budget, folded, max);
  const found = walk ? walk.found : [];
  ctx.typoMemo.set(folded, found);
  return found;
}

/**
 * A typo walk paid by measure, not by estimate: its cost depends on how the dictionary's prefixes fall
 * near the word, which nothing cheaper than the walk knows. It may take what is left of the budget and
 * stops (null) when that runs out, which then takes all of it and marks it exhausted.
 */
export function paidTypoWalk(
  ix: TypoDictionary,
  budget: WorkBudget,
  folded: string,
  max: number,
): TypoWalk | null {
  const allowed = Math.floor(budget.left / TYPO_UNIT);
  const walk = rememberedTypoCandidates(ix, folded, max, allowed);
  if (walk) budget.spend(walk.steps * TYPO_UNIT);
  else budget.upTo((allowed + 1) * TYPO_UNIT);
  return walk;
}

function union(ctx: EvalContext, exps: Expansion[]): Matches {
  const ix = ctx.ix;
  if (exps.length === 0) return EMPTY;
  if (exps.length === 1) {
    const e = exps[0]!;
    const p = ix.postings.get(e.t);
    const n = p.docs.length;
    // Over segments, idf is the live corpus's: its size and the term's document count there.
    const mult = (e.weight * idf(ctx.stats?.n ?? ix.n, e.df ?? n) * (K1 + 1)) / 255;
    return {
      docs: p.docs,
      scores: null,
      imp: p.imps,
      mult,
      bits: p.bits,
      source: p,
      typos: e.typos ? new Uint8Array(n).fill(e.typos) : null,
    };
  }
  const parts: Matches[] = exps.map((e) => union(ctx, [e]));
  // Over segments, a page may need only the lists reaching the score the segments before it set.
  if (ctx.stats && exps.every((e) => e.typos === 0))
    return new PendingMax(parts, (lists) => denseMerge(ix.n, lists, 'max'));
  return denseMerge(ix.n, parts, 'max');
}

/**
 * The order an intersection asks its lists in, and the bits of those asked by bits. The shortest is
 * walked; after it, lists with bits are asked first: they turn a document away in a few operations, so
 * the lists stepped through are asked only about documents the others hold. Bits are used (built then if
 * need be) only where they pay.
 */
function walkOrder(lists: readonly Matches[]): { walk: number[]; bitsOf: (DocBits | undefined)[] } {
  const byLength = lists.map((_, j) => j).sort((x, y) => lists[x]!.docs.length - lists[y]!.docs.length);
  const shortest = lists[byLength[0]!]!.docs.length;
  const bitsOf = lists.map((l, j) => (j === byLength[0] ? undefined : bitsWorth(l, shortest)));
  const rest = byLength.slice(1);
  const walk = [
    byLength[0]!,
    ...rest.filter((j) => bitsOf[j] !== undefined),
    ...rest.filter((j) => bitsOf[j] === undefined),
  ];
  return { walk, bitsOf };
}

/**
 * Documents in every list, walked from the shortest. A document's score is its lists' scores summed in
 * the lists' own order (not the walk's, which follows their lengths), so it does not depend on how long
 * the other lists are.
 */
export function intersect(lists: Matches[]): Matches {
  if (lists.length === 0) return EMPTY;
  if (lists.length === 1) return lists[0]!;
  if (lists.length === 2 && lists[0]!.typos === null && lists[1]!.typos === null)
    return intersectTwo(lists[0]!, lists[1]!);
  const { walk, bitsOf } = walkOrder(lists);
  const firstDocs = lists[walk[0]!]!.docs;
  // The lists with bits come first after the walked one (walkOrder): their ranks place a document.
  let withBits = 1;
  while (withBits < walk.length && bitsOf[walk[withBits]!] !== undefined) withBits++;
  const walkBits = walk.map((j) => bitsOf[j]);
  // Each list's documents in walk order, read from arrays, not from list objects of mixed shapes.
  const walkDocs = walk.map((j) => lists[j]!.docs);
  const places = filterWalked(walkDocs, walkBits);
  const count = places === null ? firstDocs.length : places.length;
  const at = new Int32Array(walk.length);
  const part = new Float64Array(lists.length);
  const docs = new Uint32Array(count);
  const scores = new Float32Array(count);
  // Typo counts only when a list has some: without them, ranking reads the scores alone.
  const typos = lists.some((l) => l.typos !== null) ? new Uint8Array(count) : null;
  let k = 0;
  outer: for (let c = 0; c < count; c++) {
    const i = places === null ? c : places[c]!;
    const d = firstDocs[i]!;
    for (let w = 1; w < withBits; w++) at[w] = rankOfHeld(walkBits[w]!, d);
    // Every list is asked first; scores and typos are read only for documents all of them hold.
    for (let w = withBits; w < walk.length; w++) {
      const l = walkDocs[w]!;
      const p = advance(l, at[w]!, d);
      at[w] = p;
      if (p >= l.length) break outer;
      if (l[p] !== d) continue outer;
    }
    at[0] = i;
    let typoCount = 0;
    for (let w = 0; w < walk.length; w++) {
      const l = lists[walk[w]!]!;
      part[walk[w]!] = scoreAt(l, at[w]!);
      if (typos !== null) typoCount += typosAt(l, at[w]!);
    }
    // Summed in the lists' order (two sum alike in either order).
    let s = 0;
    for (let j = 0; j < part.length; j++) s += part[j]!;
    docs[k] = d;
    scores[k] = s;
    if (typos !== null) typos[k] = Math.min(255, typoCount);
    k++;
  }
  return {
    docs: docs.subarray(0, k),
    scores: scores.subarray(0, k),
    typos: typos === null ? null : typos.subarray(0, k),
  };
}

/**
 * The places in walkDocs[0] of the documents every list filtering it holds (null when none filters): lists
 * with bits, and those walked against enough of their documents (filterWorth), as bits built for this
 * intersection. One branch-free pass, where stepping each list to each document mispredicted its
 * branches about half the time; the documents left are then sought in the other lists, or ranked.
 */
function filterWalked(walkDocs: Uint32Array[], walkBits: (DocBits | undefined)[]): Uint32Array | null {
  const walked = walkDocs[0]!;
  // Words enough for the walked list's documents: a list's later ones are never asked.
  const size = ((walked[walked.length - 1] ?? 0) >>> 5) + 1;
  const filters: Uint32Array[] = [];
  let built = false;
  for (let w = 1; w < walkDocs.length; w++) {
    const bits = walkBits[w];
    if (bits !== undefined) filters.push(bits.words);
    else if (!built && filterWorth(walkDocs[w]!, walked.length)) {
      filters.push(memberWords(walkDocs[w]!, size));
      built = true;
    }
  }
  return filters.length > 0 ? heldByAll(walked, filters) : null;
}

/**
 * The common AND, two lists without typos, in one tight loop: the shorter walked, the longer advanced to
 * each of its documents; a document is scored only where both hold it (two scores sum alike in either
 * order, so the result is the general walk's).
 */
function intersectTwo(x: Matches, y: Matches): Matches {
  const a = x.docs.length <= y.docs.length ? x : y;
  const b = a === x ? y : x;
  const docsA = a.docs;
  const bits = bitsWorth(b, docsA.length);
  // The shorter's documents are filtered by the longer's bits (filterWalked), then placed in it.
  const places = filterWalked([docsA, b.docs], [undefined, bits]);
  const count = places === null ? docsA.length : places.length;
  const docs = new Uint32Array(count);
  const scores = new Float32Array(count);
  let k = 0;
  if (places === null) k = walkTwo(a, b, docs, scores);
  else
    for (let p = 0; k < count; k++) {
      const i = places[k]!;
      const d = docsA[i]!;
      // Held: its rank in the bits, or its place a step or two on in the longer list.
      p = bits === undefined ? advance(b.docs, p, d) : rankOfHeld(bits, d);
      docs[k] = d;
      scores[k] = scoreAt(a, i) + scoreAt(b, p);
    }
  return { docs: docs.subarray(0, k), scores: scores.subarray(0, k), typos: null };
}

/** intersectTwo's walk when the longer list has no bits: advanced to each document of the shorter. */
function walkTwo(a: Matches, b: Matches, docs: Uint32Array, scores: Float32Array): number {
  const docsA = a.docs;
  const docsB = b.docs;
  const countB = docsB.length;
  let k = 0;
  let p = 0;
  for (let i = 0; i < docsA.length; i++) {
    const d = docsA[i]!;
    p = advance(docsB, p, d);
    if (p >= countB) break;
    if (docsB[p] !== d) continue;
    docs[k] = d;
    scores[k++] = scoreAt(a, i) + scoreAt(b, p);
  }
  return k;
}

function unionMatches(n: number, lists: Matches[]): Matches {
  const live = lists.filter((l) => l.docs.length > 0);
  if (live.length <= 1) return live[0] ?? EMPTY;
  // A plain OR is ranked and counted from its lists; it is listed only if something reads it all.
  if (live.length <= 4 && live.every((l) => l.typos === null))
    return new PendingUnion(live, () => denseMerge(n, live, 'sum'));
  return denseMerge(n, live, 'sum');
}

// Scratch for unions: a score and typo slot per document, valid where stamp === generation.
let accScore = new Float64Array(0);
let accTypos = new Uint8Array(0);
let accStamp = new Uint32Array(0);
let generation = 0;

/** A union in progress: scores kept in double precision until the last list is merged in. */
interface Wide {
  docs: Uint32Array;
  scores: Float64Array;
  typos: Uint8Array | null;
}

/** A list's scores, exactly as scoreAt reads them, in double precision. */
function wide(m: Matches): Wide {
  const scores = new Float64Array(m.docs.length);
  if (m.scores !== null) scores.set(m.scores);
  else if (m.imp !== undefined)
    for (let i = 0; i < scores.length; i++) scores[i] = Math.fround(m.imp[i]! * m.mult!);
  return { docs: m.docs, scores, typos: m.typos };
}

/**
 * Union of a few sorted lists, merged two at a time in list order: output comes sorted, memory is read in
 * order, and each document's score is summed (or maxed) in list order in double precision, then stored
 * once, so the result does not depend on how the lists are paired.
 */
function mergeFew(lists: readonly Matches[], mode: 'sum' | 'max'): Matches {
  if (lists.length === 2 && lists[0]!.typos === null && lists[1]!.typos === null)
    return mergeTwo(lists[0]!, lists[1]!, mode);
  let acc = wide(lists[0]!);
  for (let j = 1; j < lists.length; j++) acc = mergeWide(acc, wide(lists[j]!), mode === 'sum');
  return { docs: acc.docs, scores: Float32Array.from(acc.scores), typos: acc.typos };
}

/** Two wide lists merged; where both hold a document, fewer typos and the scores summed (or maxed). */
function mergeWide(a: Wide, b: Wide, sum: boolean): Wide {
  const countA = a.docs.length;
  const countB = b.docs.length;
  const docs = new Uint32Array(countA + countB);
  const scores = new Float64Array(countA + countB);
  const typos = a.typos !== null || b.typos !== null ? new Uint8Array(countA + countB) : null;
  const ta = a.typos;
  const tb = b.typos;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < countA || j < countB) {
    const x = i < countA ? a.docs[i]! : 0xffffffff;
    const y = j < countB ? b.docs[j]! : 0xffffffff;
    if (x < y) {
      docs[k] = x;
      scores[k] = a.scores[i]!;
      if (typos !== null) typos[k] = ta === null ? 0 : ta[i]!;
      i++;
    } else if (y < x) {
      docs[k] = y;
      scores[k] = b.scores[j]!;
      if (typos !== null) typos[k] = tb === null ? 0 : tb[j]!;
      j++;
    } else {
      docs[k] = x;
      scores[k] = sum ? a.scores[i]! + b.scores[j]! : Math.max(a.scores[i]!, b.scores[j]!);
      if (typos !== null) typos[k] = Math.min(ta === null ? 0 : ta[i]!, tb === null ? 0 : tb[j]!);
      i++;
      j++;
    }
    k++;
  }
  return {
    docs: docs.subarray(0, k),
    scores: scores.subarray(0, k),
    typos: typos === null ? null : typos.subarray(0, k),
  };
}

/** Scores of a list as a typed array (a list read in place scores impact x multiplier). */
function scoresOf(m: Matches): Float32Array {
  if (m.scores !== null) return m.scores;
  const out = new Float32Array(m.docs.length);
  if (m.imp !== undefined) for (let i = 0; i < out.length; i++) out[i] = Math.fround(m.imp[i]! * m.mult!);
  return out;
}

/** The common union, two lists without typos, in one tight loop. */
function mergeTwo(a: Matches, b: Matches, mode: 'sum' | 'max'): Matches {
  const docsA = a.docs;
  const docsB = b.docs;
  const scoresA = scoresOf(a);
  const scoresB = scoresOf(b);
  const countA = docsA.length;
  const countB = docsB.length;
  const docs = new Uint32Array(countA + countB);
  const scores = new Float32Array(countA + countB);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < countA && j < countB) {
    const x = docsA[i]!;
    const y = docsB[j]!;
    if (x < y) {
      docs[k] = x;
      scores[k++] = scoresA[i++]!;
    } else if (y < x) {
      docs[k] = y;
      scores[k++] = scoresB[j++]!;
    } else {
      docs[k] = x;
      scores[k++] = mode === 'sum' ? scoresA[i++]! + scoresB[j++]! : Math.max(scoresA[i++]!, scoresB[j++]!);
    }
  }
  while (i < countA) {
    docs[k] = docsA[i]!;
    scores[k++] = scoresA[i++]!;
  }
  while (j < countB) {
    docs[k] = docsB[j]!;
    scores[k++] = scoresB[j++]!;
  }
  return { docs: docs.subarray(0, k), scores: scores.subarray(0, k), typos: null };
}

/** Union of sorted lists: scores summed (OR) or maxed (expansions of one word), fewest typos kept. */
function denseMerge(n: number, lists: readonly Matches[], mode: 'sum' | 'max'): Matches {
  if (lists.length <= 4) return mergeFew(lists, mode);
  if (accStamp.length < n) {
    accScore = new Float64Array(n);
    accTypos = new Uint8Array(n);
    accStamp = new Uint32Array(n);
    generation = 0;
  }
  generation++;
  if (generation === 0xffffffff) {
    accStamp.fill(0);
    generation = 1;
  }
  const current = generation;
  let total = 0;
  for (const l of lists) total += l.docs.length;
  const touched = new Uint32Array(total);
  let k = 0;
  const sum = mode === 'sum';
  for (const l of lists) {
    // Read each list's arrays once: a list's shape (scores, or impacts and a multiplier) varies.
    const listDocs = l.docs;
    const listScores = l.scores;
    const impacts = l.imp;
    const mult = l.mult ?? 0;
    const listTypos = l.typos;
    for (let i = 0; i < listDocs.length; i++) {
      const d = listDocs[i]!;
      const s =
        listScores !== null ? listScores[i]! : impacts !== undefined ? Math.fround(impacts[i]! * mult) : 0;
      const t = listTypos === null ? 0 : listTypos[i]!;
      if (accStamp[d] !== current) {
        accStamp[d] = current;
        accScore[d] = s;
        accTypos[d] = t;
        touched[k++] = d;
      } else {
        accScore[d] = sum ? accScore[d]! + s : Math.max(accScore[d]!, s);
        if (t < accTypos[d]!) accTypos[d] = t;
      }
    }
  }
  let docs: Uint32Array;
  if (k * 8 > n) {
    // Dense: a pass over all documents gives sorted order without sorting.
    docs = new Uint32Array(k);
    let j = 0;
    for (let d = 0; d < n; d++) if (accStamp[d] === current) docs[j++] = d;
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
    scores[k] = scoreAt(base, i);
    typos[k] = typosAt(base, i);
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
  return t < 0 ? null : union(ctx, [{ t, weight: 1, typos: 0, df: ctx.stats?.df(term) }]);
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
  const exps = expand(ctx, { key: keyOf(field), folded, term: term || folded, prefix }, typos);
  return union(ctx, exps);
}

/** A stop word inside a field qualifier (lang:it) is looked up as a keyword. */
function keywordStop(ctx: EvalContext, field: QueryField, folded: string): Matches {
  const t = findTerm(ctx.ix, FIELD_KEY[field] + folded);
  if (t < 0 || !ctx.budget.term(df(ctx.ix, t))) return EMPTY;
  return union(ctx, [{ t, weight: 1, typos: 0, df: ctx.stats?.df(FIELD_KEY[field] + folded) }]);
}

/**
 * A phrase's words as cursors over their positional lists with their offsets from its first word (stop
 * words between words keep their place but have no list; before the first they ask nothing); null when a
 * word is not in the corpus, none when every word is a stop word. Nothing is decoded until a text is
 * asked about.
 */
export function phraseLists(ix: SearchIndex, terms: readonly string[]): PhraseWords | null {
  const phrase: PhraseWords = { lists: [], offsets: [], terms: [] };
  const places = fromFirstWord(terms);
  for (let j = 0; j < places.length; j++) {
    if (!places[j]) continue;
    const t = findTerm(ix, places[j]!);
    const cursor = t < 0 ? null : ix.positions.cursor(t);
    if (!cursor) return null;
    phrase.lists.push(cursor);
    phrase.offsets.push(j);
    phrase.terms.push(t);
  }
  phrase.rarest = [...phrase.lists].sort((a, b) => a.count - b.count);
  return phrase;
}

/**
 * A phrase's analysed terms from its first word on: stop words before it ask nothing, as those after the
 * last word do (a stop word between two words keeps its place). Empty when every term is a stop word.
 */
export function fromFirstWord(terms: readonly string[]): readonly string[] {
  const first = terms.findIndex(Boolean);
  return first < 0 ? [] : terms.slice(first);
}

/**
 * Does one of the document's texts hold the terms in sequence? Only the texts holding the rarest word are
 * asked (nextHeld skips the others).
 */
export function docHasSequence(ix: SearchIndex, d: number, phrase: PhraseWords | null): boolean {
  if (phrase === null || phrase.lists.length === 0) return false;
  const rarest = (phrase.rarest ?? phrase.lists)[0]!;
  const end = ix.textOff[d + 1]!;
  for (
    let j = rarest.nextHeld(ix.textIds, ix.textOff[d]!, end);
    j < end;
    j = rarest.nextHeld(ix.textIds, j + 1, end)
  )
    if (textHasSequence(phrase, ix.textIds[j]!)) return true;
  return false;
}

/**
 * The texts (ascending) holding a phrase of one word (stop words beside it ask nothing): the word's own;
 * null when the word is missing or the budget cannot pay for its texts.
 */
function wordTexts(ctx: EvalContext, term: string): Uint32Array | null {
  const t = findTerm(ctx.ix, term);
  const texts = t < 0 ? null : ctx.ix.positions.texts(t);
  return texts && ctx.budget.spend(texts.length) ? texts : null;
}

/**
 * Which candidates (indices into `docs`, the documents holding every word) hold the phrase (its terms
 * from its first word, as fromFirstWord gives them); null when a word is missing or unpaid for. When the
 * candidates' texts are fewer than the texts of the phrase's rarest word, only they are checked (the
 * AND's survivors, positions decoded in their blocks alone); otherwise the rarest word's texts are walked
 * and mapped back to the candidates.
 */
function phraseSurvivors(ctx: EvalContext, terms: readonly string[], docs: Uint32Array): Uint32Array | null {
  const ix = ctx.ix;
  if (terms.filter(Boolean).length <= 1) {
    const texts = wordTexts(ctx, terms[0]!);
    return texts ? candidatesHoldingTexts(texts, textDocs(ix), ix.n, docs) : null;
  }
  const phrase = phraseLists(ix, terms);
  if (!phrase) return null;
  // Paid for every word's texts (the most a walk may seek), whichever way they are read.
  let texts = 0;
  for (const l of phrase.lists) texts += l.count;
  if (!ctx.budget.spend(texts)) return null;
  const fewest = Math.min(...phrase.lists.map((l) => l.count));
  if (docs.length * (ix.textIds.length / Math.max(1, ix.n)) >= fewest)
    return candidatesHoldingSequence(phrase, (t) => ix.positions.texts(t), textDocs(ix), ix.n, docs);
  const keep = new Uint32Array(docs.length);
  let n = 0;
  for (let i = 0; i < docs.length; i++) if (docHasSequence(ix, docs[i]!, phrase)) keep[n++] = i;
  return keep.subarray(0, n);
}

/**
 * Each distinct word's postings, or null when one is missing or unpaid for. Over segments a word the
 * corpus holds but this segment lacks still counts as matched (for snippets, as a build at once has it).
 */
function phraseWordLists(ctx: EvalContext, key: string, content: readonly string[]): Matches[] | null {
  const lists: Matches[] = [];
  let lacking = false;
  for (const t of new Set(content)) {
    const global = ctx.stats?.df(key + t);
    if (global === 0) return null;
    const id = findTerm(ctx.ix, key + t);
    if (id < 0 && global === undefined) return null;
    if (id >= 0 && !ctx.budget.term(df(ctx.ix, id))) return null;
    ctx.matched.add(t);
    if (id < 0) lacking = true;
    else lists.push(union(ctx, [{ t: id, weight: 1, typos: 0, df: global }]));
  }
  return lacking ? null : lists;
}

function phraseMatches(
  ctx: EvalContext,
  field: QueryField | undefined,
  text: string,
  terms = analyze(text),
): Matches | null {
  const content = terms.filter(Boolean);
  if (terms.length === 0) return null;
  const key = keyOf(field);
  if (content.length === 0) return null; // only stop words: ignored, like a stop word alone
  const lists = phraseWordLists(ctx, key, content);
  if (!lists) return EMPTY;
  // A one-word phrase (or a keyword field, which keeps no positions) needs no order check.
  if (terms.length === 1 || field) return intersect(lists);
  const places = fromFirstWord(terms);
  // One word with stop words beside it is in the documents holding it in a text: all of its list, when
  // the index knows none holds it only in a quotation or an entity's name.
  if (content.length === 1 && ctx.ix.postings.inTexts(findTerm(ctx.ix, places[0]!)) === true)
    return scaled(intersect(lists), 1.5);
  const pairs = pairLists(ctx, places);
  if (!pairs) return EMPTY;
  // Documents lacking a word, or a pair of them side by side, lack the phrase: its positions are not read.
  const m = intersect([...lists, ...pairs.lists]);
  if (m.docs.length === 0) return EMPTY;
  // The words' scores, worth more together than apart: in every candidate when the pair tells the phrase
  // is there, else in those whose texts hold it (by positions).
  if (pairs.whole) return scaled(m, 1.5);
  const keep = phraseSurvivors(ctx, places, m.docs);
  return keep ? scaled(m, 1.5, keep) : EMPTY;
}

/**
 * The lists of the phrase's words side by side that the index pairs (common words: WordPairs), which
 * score nothing and only narrow the documents holding every word; `whole` when they alone tell the
 * phrase is there (two words side by side, no other word). Null when a pair's list is unpaid for.
 */
function pairLists(ctx: EvalContext, terms: readonly string[]): { lists: Matches[]; whole: boolean } | null {
  const { ix } = ctx;
  const lists: Matches[] = [];
  if (!ix.pairs) return { lists, whole: false };
  let adjacent = 0;
  for (let j = 0; j + 1 < terms.length; j++) {
    if (!terms[j] || !terms[j + 1]) continue;
    adjacent++;
    const p = ix.pairs.find(findTerm(ix, terms[j]!), findTerm(ix, terms[j + 1]!));
    if (p < 0) continue;
    if (!ctx.budget.term(ix.pairs.postings.df(p))) return null;
    const list = ix.pairs.postings.get(p);
    lists.push({ docs: list.docs, scores: null, bits: list.bits, source: list, typos: null });
  }
  const content = terms.filter(Boolean).length;
  return { lists, whole: content === 2 && adjacent === 1 && lists.length === 1 };
}

/**
 * The matches at indices `at` (ascending; every one by default), their scores multiplied by `by`, each
 * rounded to single precision as scoreAt reads it. Phrase matches carry no typos.
 */
function scaled(m: Matches, by: number, at?: Uint32Array): Matches {
  const n = at ? at.length : m.docs.length;
  const docs = at ? new Uint32Array(n) : m.docs;
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const j = at ? at[i]! : i;
    if (at) docs[i] = m.docs[j]!;
    scores[i] = scoreAt(m, j) * by;
  }
  return { docs, scores, typos: null };
}

/** The documents from..to (every one by default), if the budget lets them be listed. */
function docRange(ctx: EvalContext, from = 0, to = ctx.ix.n): Matches {
  return ctx.budget.spend(to - from) ? allDocs(ctx.ix.n, from, to) : EMPTY;
}

function dateRange(ctx: EvalContext, op: 'after' | 'before' | 'year', value: string): Matches {
  const [from, to] = dateSpan(ctx.ix, op, value);
  return docRange(ctx, from, to);
}

/** Evaluates a query tree; `typos` turns typo tolerance on. */
export function evaluate(ctx: EvalContext, node: QueryNode, typos: TypoMode): Matches | null {
  switch (node.kind) {
    case 'term':
      return termMatches(ctx, node.field, node.word, node.prefix, typos);
    case 'phrase':
      return phraseMatches(ctx, node.field, node.text);
    case 'date':
      return dateRange(ctx, node.op, node.value);
    case 'or': {
      const parts = node.children.map((c) => evaluate(ctx, c, typos)).filter((m): m is Matches => m !== null);
      return parts.length ? unionMatches(ctx.ix.n, parts) : null;
    }
    case 'not': {
      const inner = evaluate(ctx, node.child, 'off');
      return inner ? subtract(docRange(ctx), inner) : null;
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
      let base = pos.length ? intersect(pos) : docRange(ctx);
      for (const m of neg) base = subtract(base, m);
      return base;
    }
  }
}
