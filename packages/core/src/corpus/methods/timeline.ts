import { TimelineParamsSchema } from '../../query-schema/query-params-schema';
import type { TimelineResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import type { CorpusState } from '../components/corpus-state';
import { bucketStart } from '../components/timeline-buckets';

/** `corpus.timeline()`: how many matching articles fall in each day, week or month; undated counted apart. */
export function timeline(state: CorpusState, raw: unknown = {}): TimelineResult {
  const params = parseParams(TimelineParamsSchema, raw, 'timeline parameters');
  const { m, budget } = state.engine.match(params.q, params.filters);
  const counts = new Map<string, number>();
  let undated = 0;
  for (const d of m.docs) {
    const date = state.index.dates.at(d);
    if (!date) {
      undated++;
      continue;
    }
    const key = bucketStart(date, params.interval);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const buckets = [...counts]
    .sort((x, y) => (x[0] < y[0] ? -1 : 1))
    .map(([start, count]) => ({ start, count }));
  return { interval: params.interval, buckets, undated, total: m.docs.length, partial: budget.exhausted };
}
