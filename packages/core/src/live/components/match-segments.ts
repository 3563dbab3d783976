import type { ArticleFilters } from '../../query-schema/query-params-schema';
import {
  allDocs,
  type EvalContext,
  evaluate,
  type Matches,
  type TypoMode,
} from '../../search/engine/evaluate-query';
import { isEmpty } from '../../search/engine/pending-union';
import { pickMatches } from '../../search/engine/pick-matches';
import { proximityOf } from '../../search/engine/search-engine';
import { parsedQuery } from '../../search/query/parse-query';
import { expandingWords } from '../../search/query/query-size';
import { expansionsPerWord, WORK_BUDGET, WorkBudget } from '../../search/query/work-budget';
import { corpusStats } from './corpus-stats';
import { entityFilterDocs } from './entity-filter-docs';
import type { SegmentsState } from './segments-state';

/** A query's live matches in each segment, the terms they matched (for snippets) and its budget. */
export interface SegmentsFound {
  /** By segment: its live documents that match, with their scores (a plain OR may be left pending). */
  parts: Matches[];
  matched: Set<string>;
  budget: WorkBudget;
  proximity?: { terms: string[] };
}

/** The matches without the segment's dead documents. */
export const withoutDead = (m: Matches, dead: Uint8Array | null): Matches =>
  dead === null ? m : keptOnly(m, dead, 0);

/** The matches whose document is marked `keep` (1 or 0) in `marks`, kept as they were listed. */
function keptOnly(m: Matches, marks: Uint8Array, keep: 0 | 1): Matches {
  const at = new Uint32Array(m.docs.length);
  let k = 0;
  for (let i = 0; i < at.length; i++) if (marks[m.docs[i]!] === keep) at[k++] = i;
  return pickMatches(m, at, k);
}

/**
 * SearchEngine.match over segments: each segment evaluates the query with the corpus's statistics
 * (the same expansions, the same idf) from one shared budget and one set of matched terms, and when
 * no live document matches as typed, every segment tries typos. The budget is spent segment after
 * segment, and a segment's lists (dead documents included) are paid for, so a query near its limit may
 * be cut where a build at once would not, or the reverse.
 */
export function matchSegments(
  state: SegmentsState,
  q: string | undefined,
  filters: ArticleFilters | undefined,
  typos: 'auto' | 'off' = 'auto',
): SegmentsFound {
  const tree = q?.trim() ? parsedQuery(q) : null;
  const budget = new WorkBudget(WORK_BUDGET.maxQueryWork);
  const matched = new Set<string>();
  const stats = corpusStats(state, budget);
  const perWord = expansionsPerWord(tree ? expandingWords(tree) : 0);
  const contexts: EvalContext[] = state.segments.map((seg, segment) => ({
    ix: seg.state.index,
    matched,
    budget,
    perWord,
    stats,
    segment,
  }));
  const run = (mode: TypoMode, before?: Matches[]) =>
    state.segments.map((seg, s) => {
      const m = tree ? evaluate(contexts[s]!, tree, mode) : null;
      return withoutDead(m ?? before?.[s] ?? (tree ? allDocs(0) : allDocs(seg.state.index.n)), seg.dead);
    });
  let parts = run(typos);
  if (tree && typos === 'auto' && parts.every(isEmpty)) {
    // Nothing live matched as typed: a real word may be a typo of another.
    matched.clear();
    parts = run('force', parts);
  }
  // Entity and country filters read corpus-wide names and summaries: decided over all segments.
  const byEntity = entityFilterDocs(state, filters);
  const rest = byEntity ? { ...filters, entity: undefined, country: undefined } : filters;
  parts = parts.map((m, s) => {
    const filtered = state.segments[s]!.state.engine.filter(m, rest);
    return byEntity ? keptOnly(filtered, byEntity(s), 1) : filtered;
  });
  const proximity = proximityOf(tree);
  return proximity ? { parts, matched, budget, proximity } : { parts, matched, budget };
}
