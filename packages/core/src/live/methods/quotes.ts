import { quotePage } from '../../corpus/components/quote-pages';
import { quoteFilter } from '../../corpus/components/quote-filter';
import { speakerKeep, speakerMatch } from '../../corpus/components/speaker-match';
import { QuotesParamsSchema } from '../../query-schema/query-params-schema';
import type { QuoteListResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { foldedWords } from '../../search/analysis/folded-words';
import { quoteCandidates } from '../../search/engine/quote-candidates';
import { readsAsStatement } from '../../text/statement';
import { liveDoc } from '../components/live-lookup';
import { everyLiveQuote, liveQuotesOf } from '../components/live-quotes';
import { liveNamedIds } from '../components/live-named-ids';
import type { SegmentsState } from '../components/segments-state';

/** `corpus.quotes()` over segments: the same paths as one corpus (article, every quote, words, speaker). */
export function quotes(state: SegmentsState, raw: unknown = {}): QuoteListResult {
  const params = parseParams(QuotesParamsSchema, raw, 'quote parameters');
  const words = params.q ? foldedWords(params.q) : [];
  const asked = params.speaker;
  const ids = asked === undefined ? undefined : liveNamedIds(state, asked);
  const keep = quoteFilter(
    asked === undefined ? undefined : speakerKeep(asked, ids!),
    words,
    params.statements,
  );
  if (params.article !== undefined) {
    const found = liveDoc(state, params.article);
    return quotePage(
      found ? liveQuotesOf(state, (_, s) => (s === found.s ? [found.d] : []), keep) : [],
      params,
    );
  }
  // Every quote, or every statement, is counted from the indexes; only the page's articles are read.
  if (asked === undefined && !words.length)
    return params.statements
      ? everyLiveQuote(state, params, (seg) => seg.index.statementCounts, readsAsStatement)
      : everyLiveQuote(
          state,
          params,
          (seg) => seg.index.quoteCounts,
          () => true,
        );
  // By words: only the documents whose quotations may hold them are read.
  if (asked === undefined)
    return quotePage(
      liveQuotesOf(state, (seg) => quoteCandidates(seg.index, words) ?? seg.dates.all('newest'), keep),
      params,
    );
  // By speaker: only the documents quoting someone of that name or alias, or an entity it names.
  return quotePage(
    liveQuotesOf(state, (seg) => speakerMatch(seg, asked, ids!).docs, keep),
    params,
  );
}
