import { ListParamsSchema } from '../../query-schema/query-params-schema';
import type { ArticleSummary, ListResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import type { CorpusState } from '../components/corpus-state';
import { decodeCursor, encodeCursor, fingerprint } from '../components/cursor';
import { toSummary } from '../components/to-summary';

/** `corpus.list()`: articles in date order, filtered and optionally selected by a query (no ranking). */
export function list(state: CorpusState, raw: unknown = {}): ListResult {
  const params = parseParams(ListParamsSchema, raw, 'list parameters');
  const fp = fingerprint(params);
  const key = decodeCursor(params.cursor, fp, 'ss');
  // A query only selects: unlike search, no ranking and no snippets (a feed needs neither).
  const { docs, exhausted } = state.matching(params.q, params.filters, params.sort);
  const n = docs.length;
  const docAt = params.reverse ? (i: number) => docs[n - 1 - i]! : (i: number) => docs[i]!;
  // Keyed on the last article's date and id: a seek, so page 1,000 costs what page 1 does.
  const from = state.dates.seek(docs, params.sort, key, params.reverse);
  const end = Math.min(n, from + params.limit);
  const items: ArticleSummary[] = [];
  for (let i = from; i < end; i++) items.push(toSummary(state.article(docAt(i))));
  const nextCursor = end < n && end > from ? encodeCursor(state.dates.key(docAt(end - 1)), fp) : null;
  return { total: n, items, nextCursor, ...(exhausted ? { partial: true } : {}) };
}
