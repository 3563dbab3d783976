import { DateOrder, type DateSort } from '../../corpus/components/date-order';
import type { SearchHit } from '../../query-schema/query-result-schema';
import {
  docHasSequence,
  type Matches,
  phraseLists,
  scoreAt,
  typosAt,
} from '../../search/engine/evaluate-query';
import { PendingMax } from '../../search/engine/pending-max';
import { PendingUnion } from '../../search/engine/pending-union';
import { topByRelevance } from '../../search/engine/rank-top';
import { PROXIMITY_BOOST } from '../../search/engine/search-engine';
import { highlighter, pageSnippets } from '../../search/engine/snippets';
import { compareNewestKey } from '../../corpus/components/compare-articles';
import { liveDf } from './live-df';
import type { SegmentsFound } from './match-segments';
import type { SegmentDoc, SegmentsState } from './segments-state';

/** A ranked candidate: its document, and its typos and score as its segment's matches give them. */
interface Ranked extends SegmentDoc {
  typos: number;
  score: number;
}

export interface MergedPage {
  total: number;
  hits: SearchHit[];
  /** The page's documents, in order. */
  docs: SegmentDoc[];
}

/**
 * SearchEngine.page over segments: the best of each segment merged into one ranking by the single
 * corpus's comparison (fewer typos, higher score, then the global document order), or the segments'
 * date orders merged from where the cursor's key falls in each (`starts`); snippets from each hit's own
 * segment.
 */
export function mergedPage(
  state: SegmentsState,
  found: SegmentsFound,
  sort: 'relevance' | DateSort,
  offset: number,
  limit: number,
  starts: number[],
): MergedPage {
  const { total, order } =
    sort === 'relevance'
      ? byRelevance(state, found, offset + limit)
      : byDate(state, found.parts, sort, starts, limit);
  const page = sort === 'relevance' ? order.slice(offset, offset + limit) : order;
  return { total, hits: hitsOf(state, page, found.matched), docs: page };
}

/** The best max(k, 10) of all segments in rank order, boosted as SearchEngine.page boosts, and the total. */
function byRelevance(
  state: SegmentsState,
  found: SegmentsFound,
  k: number,
): { total: number; order: Ranked[] } {
  const want = Math.max(k, 10);
  let total = 0;
  let listed = 0;
  const rank = rankOrder(state);
  let order: Ranked[] = [];
  found.parts.forEach((part, s) => {
    // What a document of this segment must score to enter: the want-th best so far, when it has no typo.
    const last = order.length === want ? order[want - 1]! : undefined;
    const below = last && last.typos === 0 ? last.score : 0;
    const best =
      part instanceof PendingUnion
        ? part.best(want, below)
        : part instanceof PendingMax
          ? part.page(below)
          : null;
    const m: Matches = best ? best.top : part;
    total += best ? best.total : m.docs.length;
    listed += m.docs.length;
    // A list read in place whose best score is under it is only counted (a segment that cannot contribute).
    if (
      m.typos === null &&
      m.scores === null &&
      m.impMax !== undefined &&
      Math.fround(m.impMax * m.mult!) < below
    )
      return;
    const mine = topByRelevance(m, want).map((i) => ({
      s,
      d: m.docs[i]!,
      typos: typosAt(m, i),
      score: scoreAt(m, i),
    }));
    order = mergeRanked(order, mine, want, rank);
  });
  const terms = found.proximity?.terms;
  // Plain words: among the best, documents holding them side by side in order move up (a boost only
  // raises scores, so the best set stays the same and only its order changes).
  if (terms && listed > 1 && found.budget.afford(terms.reduce((n, t) => n + (t ? liveDf(state, t) : 0), 0))) {
    const phrases: Array<ReturnType<typeof phraseLists> | undefined> = [];
    let boosted = 0;
    for (const r of order) {
      const ix = state.segments[r.s]!.state.index;
      // A segment's phrase lists are found when one of its documents is asked about.
      if (phrases[r.s] === undefined) phrases[r.s] = phraseLists(ix, terms);
      if (docHasSequence(ix, r.d, phrases[r.s]!)) {
        r.score = Math.fround(r.score * PROXIMITY_BOOST);
        boosted++;
      }
    }
    if (boosted > 0) order.sort(rank);
  }
  return { total, order };
}

/** A ranked candidate with its place in the global document order, read once (ties across segments ask it). */
interface Keyed extends Ranked {
  key?: [string, string];
}

/**
 * The single corpus's comparison: fewer typos, higher score, then the global document order (within a
 * segment its document numbers; across segments the date keys, each decoded once per candidate).
 */
function rankOrder(state: SegmentsState): (a: Keyed, b: Keyed) => number {
  const keyOf = (r: Keyed) => {
    r.key ??= state.segments[r.s]!.state.dates.key(r.d);
    return r.key;
  };
  return (a, b) =>
    a.typos - b.typos ||
    b.score - a.score ||
    (a.s === b.s ? a.d - b.d : compareNewestKey(keyOf(a), keyOf(b)));
}

/** Two lists in rank order merged, the best `want` kept: a segment's best join those of the segments before. */
export function mergeRanked<T>(a: T[], b: T[], want: number, rank: (x: T, y: T) => number): T[] {
  if (a.length === 0) return b.slice(0, want);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (out.length < want && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && rank(a[i]!, b[j]!) <= 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** `limit` documents in date order from each segment's start on, and how many match in all. */
function byDate(
  state: SegmentsState,
  parts: Matches[],
  sort: DateSort,
  starts: number[],
  limit: number,
): { total: number; order: Ranked[] } {
  const lists = parts.map((m, s) => state.segments[s]!.state.dates.of(m.docs, sort));
  const total = lists.reduce((n, l) => n + l.length, 0);
  const compare = DateOrder.compare(sort);
  const key = (s: number, d: number) => state.segments[s]!.state.dates.key(d);
  const at = [...starts];
  const order: Ranked[] = [];
  while (order.length < limit) {
    let best = -1;
    for (let s = 0; s < lists.length; s++) {
      if (at[s]! >= lists[s]!.length) continue;
      if (best < 0 || compare(key(s, lists[s]![at[s]!]!), key(best, lists[best]![at[best]!]!)) < 0) best = s;
    }
    if (best < 0) break;
    const i = at[best]!++;
    const m = parts[best]!;
    order.push({ s: best, d: lists[best]![i]!, typos: 0, score: scoreOf(m, lists[best]![i]!) });
  }
  return { total, order };
}

/** A document's score in its segment's matches (a date sort shows it too). */
function scoreOf(m: Matches, d: number): number {
  let lo = 0;
  let hi = m.docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m.docs[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return scoreAt(m, lo);
}

/** The page's hits, their snippets read in each hit's segment (titles decoded once, one highlighter). */
function hitsOf(state: SegmentsState, page: Ranked[], matched: ReadonlySet<string>): SearchHit[] {
  const titles = page.map((r) => state.segments[r.s]!.state.index.titles.at(r.d));
  const snippets: SearchHit['snippets'][] = [];
  const highlight = matched.size === 0 ? undefined : highlighter(matched);
  for (let s = 0; s < state.segments.length; s++) {
    const mine: number[] = [];
    for (let k = 0; k < page.length; k++) if (page[k]!.s === s) mine.push(k);
    if (mine.length === 0) continue;
    const found = pageSnippets(
      state.segments[s]!.state.index,
      mine.map((k) => page[k]!.d),
      matched,
      mine.map((k) => titles[k]!),
      highlight,
    );
    mine.forEach((k, i) => {
      snippets[k] = found[i]!;
    });
  }
  return page.map((r, k) => {
    const ix = state.segments[r.s]!.state.index;
    return {
      id: ix.ids.at(r.d),
      slug: ix.slugs.at(r.d),
      title: titles[k]!,
      score: Math.round(r.score * 10_000) / 10_000,
      snippets: snippets[k]!,
    };
  });
}
