import { bucketCounts } from '../../corpus/components/timeline-buckets';
import { TimelineParamsSchema } from '../../query-schema/query-params-schema';
import type { TimelineResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { segmentMatches } from '../components/segment-matches';
import { isLive, type SegmentsState } from '../components/segments-state';

/** `corpus.timeline()` over segments: each segment's live matches counted into the same buckets. */
export function timeline(state: SegmentsState, raw: unknown = {}): TimelineResult {
  const params = parseParams(TimelineParamsSchema, raw, 'timeline parameters');
  const m = segmentMatches(state, params.q, params.filters, 'newest');
  const dates = (function* () {
    for (const { s, docs } of m.runs) {
      const column = state.segments[s]!.state.index.dates;
      for (let i = 0; i < docs.length; i++) if (isLive(state, s, docs[i]!)) yield column.at(docs[i]!);
    }
  })();
  const counted = bucketCounts(dates, params.interval);
  // The selection's live total (runs without a query still hold dead documents, skipped above).
  return { interval: params.interval, ...counted, total: m.total, partial: m.exhausted };
}
