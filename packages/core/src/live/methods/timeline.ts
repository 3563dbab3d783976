import { bucketStart } from '../../corpus/components/timeline-buckets';
import { TimelineParamsSchema } from '../../query-schema/query-params-schema';
import type { TimelineResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { isLive, type SegmentsState } from '../components/segments-state';

/** `corpus.timeline()` over segments: each segment's live matches counted into the same buckets. */
export function timeline(state: SegmentsState, raw: unknown = {}): TimelineResult {
  const params = parseParams(TimelineParamsSchema, raw, 'timeline parameters');
  const counts = new Map<string, number>();
  let undated = 0;
  let total = 0;
  let partial = false;
  state.segments.forEach((seg, s) => {
    const { m, budget } = seg.state.engine.match(params.q, params.filters);
    partial ||= budget.exhausted;
    for (const d of m.docs) {
      if (!isLive(state, s, d)) continue;
      total++;
      const date = seg.state.index.dates.at(d);
      if (!date) {
        undated++;
        continue;
      }
      const key = bucketStart(date, params.interval);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  const buckets = [...counts]
    .sort((x, y) => (x[0] < y[0] ? -1 : 1))
    .map(([start, count]) => ({ start, count }));
  return { interval: params.interval, buckets, undated, total, partial };
}
