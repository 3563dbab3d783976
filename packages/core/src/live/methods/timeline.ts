import { bucketStart } from '../../corpus/components/timeline-buckets';
import { TimelineParamsSchema } from '../../query-schema/query-params-schema';
import type { TimelineResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { segmentMatches } from '../components/segment-matches';
import { isLive, type SegmentsState } from '../components/segments-state';

/** `corpus.timeline()` over segments: each segment's live matches counted into the same buckets. */
export function timeline(state: SegmentsState, raw: unknown = {}): TimelineResult {
  const params = parseParams(TimelineParamsSchema, raw, 'timeline parameters');
  const counts = new Map<string, number>();
  let undated = 0;
  const m = segmentMatches(state, params.q, params.filters, 'newest');
  for (const { s, docs } of m.runs) {
    const dates = state.segments[s]!.state.index.dates;
    for (let i = 0; i < docs.length; i++) {
      if (!isLive(state, s, docs[i]!)) continue;
      const date = dates.at(docs[i]!);
      if (!date) {
        undated++;
        continue;
      }
      const key = bucketStart(date, params.interval);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const buckets = [...counts]
    .sort((x, y) => (x[0] < y[0] ? -1 : 1))
    .map(([start, count]) => ({ start, count }));
  return { interval: params.interval, buckets, undated, total: m.total, partial: m.exhausted };
}
