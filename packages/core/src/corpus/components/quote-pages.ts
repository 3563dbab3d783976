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
export const compareQuoteKeys = (a: CursorKey, b: CursorKey) =>
  compareNewestKey(a, b) || (a[2] as number) - (b[2] as number);

/** A page of quotations in corpus order, keyed on the last one. */
export function quotePage(all: readonly KeyedQuote[], params: PageParams) {
  const page = pageByKey(all, params, (q) => q.key, compareQuoteKeys, 'ssn');
  return { ...page, items: page.items.map((q) => q.item) };
}

/** A document with quotations to keep, as a page of every quote walks them (in corpus order). */
export interface QuoteDoc {
  key: readonly [date: string, id: string];
  /** All its quotations (a cursor's index is among these). */
  quotes: number;
  article: () => Article;
}

/**
 * The page of quotes after the cursor's `key` from documents in corpus order, starting at the cursor's
 * article (or the first after it): its quotes up to the cursor's are skipped. Only the page's articles
 * are read.
 */
export function quotesFrom(
  docs: Iterable<QuoteDoc>,
  key: CursorKey | undefined,
  params: PageParams,
  keep: (q: QuoteItem) => boolean,
): { items: KeyedQuote[]; more: boolean } {
  const items: KeyedQuote[] = [];
  for (const doc of docs) {
    const first = key && doc.key[1] === key[1] ? (key[2] as number) + 1 : 0;
    if (first >= doc.quotes) continue;
    // A full page and another article with a quote to keep: there is more, known without reading it.
    if (items.length === params.limit && first === 0) return { items, more: true };
    const quotes = quoteItems(doc.article());
    for (let i = first; i < quotes.length; i++) {
      if (!keep(quotes[i]!)) continue;
      if (items.length === params.limit) return { items, more: true };
      items.push({ item: quotes[i]!, key: [...doc.key, i] });
    }
  }
  return { items, more: false };
}

/** Where a page of every quote starts in a corpus's documents: the cursor's article, or the first after it. */
export function quoteSeek(n: number, keyAt: (d: number) => CursorKey, key: CursorKey | undefined): number {
  return key ? seekAfter(n, keyAt, (a, b) => compareNewestKey(a, b) || 1, key) : 0;
}

/** The page's result: its quotes and a cursor keyed on the last when more follow. */
export function quotePageOf(total: number, page: { items: KeyedQuote[]; more: boolean }, fp: string) {
  const last = page.items.at(-1);
  const nextCursor = page.more && last ? encodeCursor(last.key, fp) : null;
  return { total, items: page.items.map((q) => q.item), nextCursor };
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
  const fp = fingerprint(params);
  const key = decodeCursor(params.cursor, fp, 'ssn');
  let total = 0;
  for (let d = 0; d < ix.n; d++) total += counts[d]!;
  function* docs(): Generator<QuoteDoc> {
    for (let d = quoteSeek(ix.n, (i) => dates.key(i), key); d < ix.n; d++)
      if (counts[d]) yield { key: dates.key(d), quotes: ix.quoteCounts[d]!, article: () => article(d) };
  }
  return quotePageOf(total, quotesFrom(docs(), key, params, keep), fp);
}
