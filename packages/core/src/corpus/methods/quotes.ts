import { QuotesParamsSchema } from '../../query-schema/query-params-schema';
import type { QuoteListResult } from '../../query-schema/query-result-schema';
import { parseParams } from '../../query-schema/parse-params';
import { readsAsStatement } from '../../text/statement';
import { foldedWords } from '../../search/analysis/folded-words';
import { quoteCandidates } from '../../search/engine/quote-candidates';
import type { CorpusState } from '../components/corpus-state';
import { everyQuote, quotePage } from '../components/quote-pages';
import { speakerMatch } from '../components/speaker-match';
import { quoteFilter } from '../components/quote-filter';

function* range(n: number): Generator<number> {
  for (let d = 0; d < n; d++) yield d;
}

/** `corpus.quotes()`: quotations by speaker, article or words, in corpus order, paged. */
export function quotes(state: CorpusState, raw: unknown = {}): QuoteListResult {
  const params = parseParams(QuotesParamsSchema, raw, 'quote parameters');
  const words = params.q ? foldedWords(params.q) : [];
  const speaker = params.speaker ? speakerMatch(state, params.speaker) : undefined;
  const keep = quoteFilter(speaker?.keep, words, params.statements);
  if (params.article !== undefined) {
    const d = state.lookup(params.article);
    return quotePage(d === undefined ? [] : state.quotesOf([d], keep), params);
  }
  // Every quote, or every statement, is counted from the index; only the page's articles are read.
  if (!speaker && !words.length)
    return params.statements
      ? everyQuote(state.index, state.dates, state.article, params, state.index.statementCounts, (q) =>
          readsAsStatement(q),
        )
      : everyQuote(state.index, state.dates, state.article, params);
  // By words: only the documents whose quotations may hold them are read.
  if (!speaker)
    return quotePage(
      state.quotesOf(quoteCandidates(state.index, words) ?? range(state.index.n), keep),
      params,
    );
  // By speaker: only the documents quoting someone of that name or alias, or the entity of that id.
  return quotePage(state.quotesOf(speaker.docs, keep), params);
}
