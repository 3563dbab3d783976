import { TimelineParamsSchema } from '../../query-schema/query-params-schema';
import type { TimelineResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import type { CorpusState } from '../components/corpus-state';
import { bucketCounts } from '../components/timeline-buckets';

/** `corpus.timeline()`: how many matching articles fall in each day, week or month; undated counted apart. */
export function timeline(state: CorpusState, raw: unknown = {}): TimelineResult {
  const params = parseParams(TimelineParamsSchema, raw, 'timeline parameters');
  const { m, budget } = state.engine.match(params.q, params.filters);
  const dates = (function* () {
    for (const d of m.docs) yield state.index.dates.at(d);
  })();
  return { interval: params.interval, ...bucketCounts(dates, params.interval), partial: budget.exhausted };
}
