import { GazetteError } from '../../errors/gazette-error';
import { RelatedParamsSchema } from '../../query-schema/query-params-schema';
import type { RelatedResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import type { CorpusState } from '../components/corpus-state';
import { toSummary } from '../components/to-summary';

/** `corpus.related()`: the articles most like one article, by shared rare terms and entities. */
export function related(state: CorpusState, idOrSlug: string, raw: unknown = {}): RelatedResult {
  const params = parseParams(RelatedParamsSchema, raw, 'related parameters');
  const d = state.lookup(idOrSlug);
  if (d === undefined)
    throw new GazetteError('NOT_FOUND', `No article has the id or slug "${idOrSlug}".`, { where: 'id' });
  return {
    items: state.engine
      .related(d, params.limit, params.filters)
      .map(({ doc, score }) => ({ ...toSummary(state.article(doc)), score })),
  };
}
