import type { Article } from '../../model/article-schema';
import type { SearchIndex } from '../../search/index/search-index';
import { compareNewestKey } from './compare-articles';
import { type CursorKey, decodeCursor, encodeCursor, fingerprint, pageByKey, seekAfter } from './cursor';
import type { DateOrder } from './date-order';
import type { QuoteItem } from '../../query-schema/query-result-schema';
import { quoteItems } from './quote-items';

type PageParams = { limit: number; cursor?: string | undefined };

/** A quotation and its place in corpus order: its article's date and id, then its index in the article. */
export interface KeyedQuote {
  item: QuoteItem;
  key: CursorKey;
}
const compareQuoteKeys = (a: CursorKey, b: CursorKey) =>
  compareNewestKey(a, b) || (a[2] as number) - (b[2] as number);

/** A page of quotations in corpus order, keyed on the last one. */
export function quotePage(all: readonly KeyedQuote[], params: PageParams) {
  const page = pageByKey(all, params, (q) => q.key, compareQuoteKeys, 'ssn');
  return { ...page, items: page.items.map((q) => q.item) };
}

/**
 * Every quote that passes `keep`, in corpus order: counted from the index (`counts`: how many pass, per
 * document); only the articles of the page are read, from the cursor's article (found by a seek) on.
 */
export function everyQuote(
  ix: SearchIndex,
  dates: DateOrder,
  article: (d: number) => Article,
  params: PageParams,
  counts: Uint32Array = ix.quoteCounts,
  keep: (q: QuoteItem) => boolean = () => true,
) {
  const paramsFingerprint = fingerprint(params);
  const key = decodeCursor(params.cursor, paramsFingerprint, 'ssn');
  let total = 0;
  for (let d = 0; d < ix.n; d++) total += counts[d]!;
  // The cursor's article, or the first after it; its quotes up to the cursor's are skipped.
  let d = key
    ? seekAfter(
        ix.n,
        (i) => dates.key(i),
        (a, b) => compareNewestKey(a, b) || 1,
        key,
      )
    : 0;
  const items: KeyedQuote[] = [];
  let more = false;
  for (; d < ix.n && !more; d++) {
    if (!counts[d]) continue;
    const first = key && ix.ids.at(d) === key[1] ? (key[2] as number) + 1 : 0;
    if (first >= ix.quoteCounts[d]!) continue;
    // A full page and another article with a quote to keep: there is more, known without reading it.
    if (items.length === params.limit && first === 0) {
      more = true;
      break;
    }
    const quotes = quoteItems(article(d));
    for (let i = first; i < quotes.length && !more; i++) {
      if (!keep(quotes[i]!)) continue;
      if (items.length === params.limit) more = true;
      else items.push({ item: quotes[i]!, key: [...dates.key(d), i] });
    }
  }
  const nextCursor = more && items.length ? encodeCursor(items.at(-1)!.key, paramsFingerprint) : null;
  return { total, items: items.map((q) => q.item), nextCursor };
}
