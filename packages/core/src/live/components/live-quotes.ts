import type { CorpusState } from '../../corpus/components/corpus-state';
import { decodeCursor, fingerprint } from '../../corpus/components/cursor';
import { compareNewestKey } from '../../corpus/components/compare-articles';
import {
  compareQuoteKeys,
  type KeyedQuote,
  type QuoteDoc,
  quotePageOf,
  quotesFrom,
  quoteSeek,
} from '../../corpus/components/quote-pages';
import type { QuoteItem } from '../../query-schema/query-result-schema';
import type { Article } from '../../model/article-schema';
import { mergeDocs } from './merge-docs';
import { isLive, type SegmentsState } from './segments-state';

type PageParams = { limit: number; cursor?: string | undefined };

/**
 * Every quote over segments that passes `keep`, in corpus order (everyQuote's page): `counts(seg)` says
 * how many pass per document; the segments' documents from the cursor's article on are merged lazily,
 * so only the page's articles are read.
 */
export function everyLiveQuote(
  state: SegmentsState,
  params: PageParams,
  counts: (seg: CorpusState) => Uint32Array,
  keep: (q: QuoteItem) => boolean,
) {
  const fp = fingerprint(params);
  const key = decodeCursor(params.cursor, fp, 'ssn');
  let total = 0;
  const runs = state.segments.map((seg, s) => {
    const c = counts(seg.state);
    for (let d = 0; d < seg.state.index.n; d++) if (isLive(state, s, d)) total += c[d]!;
    const from = quoteSeek(seg.state.index.n, (i) => seg.state.dates.key(i), key);
    return { s, docs: seg.state.dates.all('newest'), from };
  });
  const keepDoc = (s: number, d: number) => counts(state.segments[s]!.state)[d]! > 0;
  function* docs(): Generator<QuoteDoc> {
    for (const { s, d } of mergeDocs(state, runs, compareNewestKey, keepDoc)) {
      const seg = state.segments[s]!.state;
      yield { key: seg.dates.key(d), quotes: seg.index.quoteCounts[d]!, article: () => seg.article(d) };
    }
  }
  return quotePageOf(total, quotesFrom(docs(), key, params, keep), fp);
}

/**
 * The quotes of each segment's live documents among `docs(s)` that pass `keep`, in corpus order: what a
 * corpus built at once lists from the same documents.
 */
export function liveQuotesOf(
  state: SegmentsState,
  docs: (seg: CorpusState, s: number) => Iterable<number>,
  keep: (q: QuoteItem, a: Article) => boolean,
): KeyedQuote[] {
  const all: KeyedQuote[] = [];
  state.segments.forEach((seg, s) => {
    const live = [...docs(seg.state, s)].filter((d) => isLive(state, s, d));
    all.push(...seg.state.quotesOf(live, keep));
  });
  return all.sort((a, b) => compareQuoteKeys(a.key, b.key));
}
