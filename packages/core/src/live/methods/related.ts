import { toSummary } from '../../corpus/components/to-summary';
import { GazetteError } from '../../errors/gazette-error';
import { RelatedParamsSchema } from '../../query-schema/query-params-schema';
import type { RelatedResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { distinctiveTerms } from '../../search/engine/related-documents';
import { WorkBudget } from '../../search/query/work-budget';
import { corpusStats } from '../components/corpus-stats';
import { entityValuesIn } from '../components/entity-values';
import { findLive } from '../components/find-live';
import { liveMask } from '../components/live-mask';
import { related as relatedOne } from '../../corpus/methods/related';
import { soleSegment } from '../components/sole-segment';
import { compareSegmentDocs, type SegmentDoc, type SegmentsState } from '../components/segments-state';

/**
 * `related()` over segments: the article's distinctive terms with the live corpus's idf, scored in every
 * segment (dead documents left out), the segments' bests merged by score, ties in document order.
 */
export function related(state: SegmentsState, idOrSlug: string, raw: unknown = {}): RelatedResult {
  const sole = soleSegment(state);
  if (sole) return relatedOne(sole, idOrSlug, raw);
  const params = parseParams(RelatedParamsSchema, raw, 'related parameters');
  const at = findLive(state, idOrSlug);
  if (!at)
    throw new GazetteError('NOT_FOUND', `No article has the id or slug "${idOrSlug}".`, { where: 'id' });
  if (params.limit <= 0) return { items: [] };
  const own = state.segments[at.s]!.state;
  const stats = corpusStats(state, new WorkBudget());
  const terms = distinctiveTerms(own.index, at.d, own.engine.textTerms, stats);
  const { off, val, values } = own.index.entities;
  const ids = new Set(Array.from(val.subarray(off[at.d]!, off[at.d + 1]!), (v) => values.at(v)));
  const all: Array<SegmentDoc & { score: number }> = [];
  state.segments.forEach((seg, s) => {
    const mask = liveMask(seg, params.filters);
    const exclude = s === at.s ? at.d : -1;
    const entities = entityValuesIn(seg.state.index, ids);
    for (const { doc, s: score } of seg.state.engine.relatedTo(
      terms,
      entities,
      exclude,
      params.limit,
      mask,
      stats,
    ))
      all.push({ s, d: doc, score });
  });
  all.sort((a, b) => b.score - a.score || compareSegmentDocs(state, a, b));
  return {
    items: all.slice(0, params.limit).map((r) => ({
      ...toSummary(state.segments[r.s]!.state.article(r.d)),
      score: Math.round(r.score * 10_000) / 10_000,
    })),
  };
}
