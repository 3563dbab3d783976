import type { Article } from '../../model/article-schema';
import type { QuoteItem } from '../../query-schema/query-result-schema';
import { hasWordsStartingWith } from '../../search/analysis/folded-words';
import { readsAsStatement } from '../../text/statement';

/** The quotations a quote list keeps: by its speaker (when asked), words and statements only. */
export function quoteFilter(
  speaker: ((q: QuoteItem, a: Article) => boolean) | undefined,
  words: readonly string[],
  statements: boolean | undefined,
): (q: QuoteItem, a: Article) => boolean {
  return (q, a) =>
    (!speaker || speaker(q, a)) &&
    hasWordsStartingWith(q.text, words) &&
    (!statements || readsAsStatement(q));
}
