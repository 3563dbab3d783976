import { typoBudget } from '../query/typo-budget';
import { analyze } from '../analysis/analyze';
import { dateSpan } from './date-span';
import { fold } from '../analysis/fold';
import { gallop } from './gallop';
import { PendingUnion } from './pending-union';
import { type Matches, scoreAt, typosAt } from './matches';
import { candidatesHoldingTexts, textHasSequence, textsWithSequence } from './phrase-positions';
import type { TermPositions } from '../index/position-lists';
import { rememberedTypoCandidates } from './typo-candidates';
import type { QueryField, QueryNode } from '../query/query-ast';
import { K1, PREFIX_WEIGHT, TYPO_WEIGHT } from '../index/ranking-weights';
import { df, FIELD_KEY, findTerm, prefixRange, type SearchIndex, textDocs } from '../index/search-index';
import { topK } from './top-k';
import { TYPO_UNIT, WORK_BUDGET, type WorkBudget } from '../query/work-budget';

/** Typo tolerance: off, for rare or unknown words, or for every word long enough. */
export type TypoMode = 'off' | 'auto' | 'force';

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
}

const EMPTY: Matches = { docs: new Uint32Array(0), scores: null, typos: null };
/** A word in at most this many documents may be a typo. */
const RARE = 0;

const idf = (N: number, n: number) => Math.log(1 + (N - n + 0.5) / (n + 0.5));

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
  const take = (t: number) => ctx.budget.term(df(ix, t));
  const maxExpansions = ctx.perWord ?? WORK_BUDGET.maxWordExpansions;
  const exact = findTerm(ix, key + term);
  if (exact >= 0 && take(exact)) out.push({ t: exact, weight: 1, typos: 0 });
  if (prefix) {
    const p = commonPrefix(folded, term) || folded;
    const [from, to] = prefixRange(ix, key + p);
    // Ranking the candidates reads each one's document count.
    if (ctx.budget.spend(to - from)) {
      const cands: number[] = [];
      for (let t = from; t < to; t++) if (t !== exact) cands.push(t);
      // Commonest first; ties in dictionary order.
      const commoner = (x: number, y: number) => df(ix, x) > df(ix, y) || (df(ix, x) === df(ix, y) && x < y);
      for (const t of topK(cands, maxExpansions, commoner))
        if (take(t)) out.push({ t, weight: PREFIX_WEIGHT, typos: 0 });
    }
  }
  // Typos are tried for words the corpus lacks or barely has (likely misspelt themselves), or for
  // every word when the exact words find nothing; a correction must be commoner than the word as
  // typed. Typo matches rank below exact ones. Judged on surface words, not stems.
  const exactDf = exact < 0 ? 0 : df(ix, exact);
  if (typos !== 'off' && !prefix && !key && (exactDf <= RARE || typos === 'force')) {
    const max = typoBudget(folded);
    if (max > 0) {
      const best = new Map<number, number>();
      for (const { t, d } of typosOf(ctx, folded, max)) {
        if (t === exact || df(ix, t) <= exactDf) continue;
        if (!best.has(t) || d < best.get(t)!) best.set(t, d);
      }
      const cands = [...best].sort((x, y) => x[1] - y[1] || df(ix, y[0]) - df(ix, x[0]));
      for (const [t, d] of cands.slice(0, maxExpansions))
        if (take(t)) out.push({ t, weight: TYPO_WEIGHT, typos: d });
    }
  }
  return out;
}

/** Dictionary words within `max` typos of a word, once per query, paid for by the budget (none if it cannot). */
function typosOf(ctx: EvalContext, folded: string, max: number): Array<{ t: number; d: number }> {
  ctx.typoMemo ??= new Map();
  const known = ctx.typoMemo.get(folded);
  if (known) return known;
  // Paid by measure, not by estimate: the walk's cost depends on how the dictionary's prefixes fall
  // near the word, which nothing cheaper than the walk knows. It may take what is left of the budget
  // and stops (finding nothing) when that runs out, which then takes all of it and marks it exhausted.
  const allowed = Math.floor(ctx.budget.left / TYPO_UNIT);
  const walk = rememberedTypoCandidates(ctx.ix, folded, max, allowed);
  if (walk) ctx.budget.spend(walk.steps * TYPO_UNIT);
  else ctx.budget.upTo((allowed + 1) * TYPO_UNIT);
  const found = walk ? walk.found : [];
  ctx.typoMemo.set(folded, found);
  return found;
}

function union(ctx: EvalContext, exps: Expansion[]): Matches {
  const ix = ctx.ix;
  if (exps.length === 0) return EMPTY;
  const N = ix.n;
  if (exps.length === 1) {
    const e = exps[0]!;
    const p = ix.postings.get(e.t);
    const n = p.docs.length;
    const mult = (e.weight * idf(N, n) * (K1 + 1)) / 255;
    return {
      docs: p.docs,
      scores: null,
      imp: p.imps,
      mult,
      typos: e.typos ? new Uint8Array(n).fill(e.typos) : null,
    };
  }
  const parts: Matches[] = exps.map((e) => union(ctx, [e]));
  return denseMerge(N, parts, 'max');
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
  // Typo counts only when a list has some: without them, ranking reads the scores alone.
  const typos = lists.some((l) => l.typos !== null) ? new Uint8Array(first.docs.length) : null;
  let k = 0;
  outer: for (let i = 0; i < first.docs.length; i++) {
    const d = first.docs[i]!;
    let s = scoreAt(first, i);
    let typoCount = typosAt(first, i);
    for (let j = 0; j < rest.length; j++) {
      const l = rest[j]!;
      const p = gallop(l.docs, pos[j]!, d);
      pos[j] = p;
      if (p >= l.docs.length) break outer;
      if (l.docs[p] !== d) continue outer;
      s += scoreAt(l, p);
      typoCount += typosAt(l, p);
    }
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

function unionMatches(n: number, lists: Matches[]): Matches {
  const live = lists.filter((l) => l.docs.length > 0);
  if (live.length <= 1) return live[0] ?? EMPTY;
  // A plain OR is ranked and counted from its lists; it is listed only if something reads it all.
  if (live.length <= 4 && live.every((l) => l.typos === null))
    return new PendingUnion(live, () => denseMerge(n, live, 'sum'));
  return denseMerge(n, live, 'sum');
}

// Scratch for unions: a score and typo slot per document, valid where stamp === generation.
let accScore = new Float32Array(0);
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
  else if (m.imp !== undefined) for (let i = 0; i < scores.length; i++) scores[i] = m.imp[i]! * m.mult!;
  return { docs: m.docs, scores, typos: m.typos };
}

/**
 * Union of a few sorted lists, merged two at a time in list order: output comes sorted, memory is read in
 * order, and each document's score is summed (or maxed) in list order in double precision, then stored
 * once, so the result does not depend on how the lists are paired.
 */
function mergeFew(lists: Matches[], mode: 'sum' | 'max'): Matches {
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
  if (m.imp !== undefined) for (let i = 0; i < out.length; i++) out[i] = m.imp[i]! * m.mult!;
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
function denseMerge(n: number, lists: Matches[], mode: 'sum' | 'max'): Matches {
  if (lists.length <= 4) return mergeFew(lists, mode);
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
      const s = listScores !== null ? listScores[i]! : impacts !== undefined ? impacts[i]! * mult : 0;
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
  for (const e of exps) ctx.matched.add(ctx.ix.terms.at(e.t).slice(key.length));
  return union(ctx, exps);
}

/** A stop word inside a field qualifier (lang:it) is looked up as a keyword. */
function keywordStop(ctx: EvalContext, field: QueryField, folded: string): Matches {
  const t = findTerm(ctx.ix, FIELD_KEY[field] + folded);
  return t < 0 || !ctx.budget.term(df(ctx.ix, t)) ? EMPTY : union(ctx, [{ t, weight: 1, typos: 0 }]);
}

/**
 * A phrase's words as positional lists with their offsets in the phrase (stop words keep their place
 * but have no list); null when a word is not in the corpus, [] when every word is a stop word.
 */
export function phraseLists(
  ix: SearchIndex,
  terms: readonly string[],
): { lists: TermPositions[]; offsets: number[] } | null {
  const lists: TermPositions[] = [];
  const offsets: number[] = [];
  for (let j = 0; j < terms.length; j++) {
    if (!terms[j]) continue;
    const t = findTerm(ix, terms[j]!);
    if (t < 0) return null;
    lists.push(ix.positions.get(t));
    offsets.push(j);
  }
  return { lists, offsets };
}

/** Does one of the document's texts hold the terms in sequence? */
export function docHasSequence(
  ix: SearchIndex,
  d: number,
  phrase: { lists: TermPositions[]; offsets: number[] } | null,
): boolean {
  if (phrase === null || phrase.lists.length === 0) return false;
  for (let j = ix.textOff[d]!; j < ix.textOff[d + 1]!; j++)
    if (textHasSequence(phrase.lists, phrase.offsets, ix.textIds[j]!)) return true;
  return false;
}

/**
 * The texts (ascending) holding the phrase, by positions; null when a word is missing or the budget cannot
 * pay for its positions. A word followed only by stop words needs none: the texts holding it hold the
 * phrase (stop words after the last word ask nothing).
 */
function phraseTexts(ctx: EvalContext, terms: readonly string[]): Uint32Array | null {
  const ix = ctx.ix;
  if (terms[0] && terms.every((t, j) => j === 0 || !t)) {
    const t = findTerm(ix, terms[0]);
    const texts = t < 0 ? null : ix.positions.texts(t);
    return texts && ctx.budget.spend(texts.length) ? texts : null;
  }
  const phrase = phraseLists(ix, terms);
  if (!phrase) return null;
  let positions = 0;
  for (const l of phrase.lists) positions += l.texts.length + l.pos.length;
  if (!ctx.budget.spend(positions)) return null;
  return textsWithSequence(phrase.lists, phrase.offsets);
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
  if (content.length === 0) return null; // only stop words: ignored, like a stop word alone
  const lists: Matches[] = [];
  for (const t of new Set(content)) {
    const id = findTerm(ix, key + t);
    if (id < 0 || !ctx.budget.term(df(ix, id))) return EMPTY;
    ctx.matched.add(t);
    lists.push(union(ctx, [{ t: id, weight: 1, typos: 0 }]));
  }
  // A one-word phrase (or a keyword field, which keeps no positions) needs no order check.
  const m = intersect(lists);
  if (terms.length === 1 || field) return m;
  // Documents lacking a word lack the phrase: its positions are not read.
  if (m.docs.length === 0) return EMPTY;
  // The texts holding the phrase, then the documents with every word that hold one; the words' scores
  // there, worth more together than apart.
  const texts = phraseTexts(ctx, terms);
  if (!texts) return EMPTY;
  const keep = candidatesHoldingTexts(texts, textDocs(ix), ix.n, m.docs);
  const docs = new Uint32Array(keep.length);
  const scores = new Float32Array(keep.length);
  for (let i = 0; i < keep.length; i++) {
    docs[i] = m.docs[keep[i]!]!;
    scores[i] = scoreAt(m, keep[i]!) * 1.5;
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
