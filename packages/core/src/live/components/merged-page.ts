import { DateOrder, type DateSort } from '../../corpus/components/date-order';
import type { SearchHit } from '../../query-schema/query-result-schema';
import {
  docHasSequence,
  type Matches,
  phraseLists,
  scoreAt,
  typosAt,
} from '../../search/engine/evaluate-query';
import { PendingUnion } from '../../search/engine/pending-union';
import { topByRelevance } from '../../search/engine/rank-top';
import { PROXIMITY_BOOST } from '../../search/engine/search-engine';
import { pageSnippets } from '../../search/engine/snippets';
import { liveDf } from './live-df';
import type { SegmentsFound } from './match-segments';
import { compareSegmentDocs, type SegmentDoc, type SegmentsState } from './segments-state';

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
  const all: Ranked[] = [];
  found.parts.forEach((part, s) => {
    const best = part instanceof PendingUnion ? part.best(want) : null;
    const m: Matches = best ? best.top : part;
    total += best ? best.total : m.docs.length;
    listed += m.docs.length;
    for (const i of topByRelevance(m, want))
      all.push({ s, d: m.docs[i]!, typos: typosAt(m, i), score: scoreAt(m, i) });
  });
  const rank = (a: Ranked, b: Ranked) =>
    a.typos - b.typos || b.score - a.score || compareSegmentDocs(state, a, b);
  const order = all.sort(rank).slice(0, want);
  const terms = found.proximity?.terms;
  // Plain words: among the best, documents holding them side by side in order move up (a boost only
  // raises scores, so the best set stays the same and only its order changes).
  if (terms && listed > 1 && found.budget.afford(terms.reduce((n, t) => n + (t ? liveDf(state, t) : 0), 0))) {
    const phrases = state.segments.map((seg) => phraseLists(seg.state.index, terms));
    let boosted = 0;
    for (const r of order)
      if (docHasSequence(state.segments[r.s]!.state.index, r.d, phrases[r.s]!)) {
        r.score = Math.fround(r.score * PROXIMITY_BOOST);
        boosted++;
      }
    if (boosted > 0) order.sort(rank);
  }
  return { total, order };
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

/** The page's hits, their snippets read in each hit's segment. */
function hitsOf(state: SegmentsState, page: Ranked[], matched: ReadonlySet<string>): SearchHit[] {
  const snippets = new Map<Ranked, SearchHit['snippets']>();
  state.segments.forEach((seg, s) => {
    const mine = page.filter((r) => r.s === s);
    if (mine.length === 0) return;
    const found = pageSnippets(
      seg.state.index,
      mine.map((r) => r.d),
      matched,
    );
    mine.forEach((r, k) => {
      snippets.set(r, found[k]!);
    });
  });
  return page.map((r) => {
    const ix = state.segments[r.s]!.state.index;
    return {
      id: ix.ids.at(r.d),
      slug: ix.slugs.at(r.d),
      title: ix.titles.at(r.d),
      score: Math.round(r.score * 10_000) / 10_000,
      snippets: snippets.get(r)!,
    };
  });
}
