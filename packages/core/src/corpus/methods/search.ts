import { SearchParamsSchema } from '../../query-schema/query-params-schema';
import type { SearchResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import type { CorpusState } from '../components/corpus-state';
import type { Matches } from '../../search/engine/evaluate-query';
import {
  decodeCursor,
  encodeCursor,
  fingerprint,
  MAX_CURSOR_OFFSET,
  relevanceOffset,
} from '../components/cursor';

type SearchSort = 'relevance' | 'newest' | 'oldest';

/** The offset a search page starts at: relevance counts it (up to a limit), date sorts seek their key. */
function searchOffset(
  state: CorpusState,
  sort: SearchSort,
  cursor: string | undefined,
  fp: string,
  m: Matches,
): number {
  if (sort !== 'relevance') {
    const key = decodeCursor(cursor, fp, 'ss');
    return key ? state.dates.seek(state.dates.of(m.docs, sort), sort, key) : 0;
  }
  return relevanceOffset(cursor, fp);
}

/** `corpus.search()`: ranked hits with snippets, facet counts of every match, and a cursor. */
export function search(state: CorpusState, raw: unknown): SearchResult {
  const params = parseParams(SearchParamsSchema, raw, 'search parameters');
  const fp = fingerprint(params);
  const found = state.engine.match(params.q, params.filters, params.typos);
  const { m, budget } = found;
  const offset = searchOffset(state, params.sort, params.cursor, fp, m);
  const { total, hits, docs } = state.engine.page(found, params.sort, offset, params.limit);
  // Relevance gives no cursor it would refuse: the list ends at its depth limit.
  const next = offset + hits.length;
  const more = next < total && hits.length > 0 && (params.sort !== 'relevance' || next <= MAX_CURSOR_OFFSET);
  const last = params.sort === 'relevance' ? [next] : state.dates.key(docs.at(-1)!);
  const facets = params.facets?.length
    ? state.engine.facets(m, params.facets, 10, budget, params.filters)
    : {};
  return { total, hits, facets, nextCursor: more ? encodeCursor(last, fp) : null, partial: budget.exhausted };
}
