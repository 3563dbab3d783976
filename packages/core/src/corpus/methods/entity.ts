import type { EntityDetail, QuoteItem } from '../../query-schema/query-result-schema';
import { coOccurringFromArticles, coOccurringFromIndex } from '../components/co-occurring';
import type { CorpusState } from '../components/corpus-state';
import { quoteItems } from '../components/quote-items';
import { toSummary } from '../components/to-summary';

/** At most this many articles and quotes come with an entity (its first ones, in corpus order). */
const ENTITY_PAGE = 100;

/** `corpus.entity()`: one entity with its articles, its quotes and who appears beside it. */
export function entity(state: CorpusState, id: string): EntityDetail | undefined {
  const p = state.engine.postings();
  const v = p.byId.get(id);
  if (v === undefined) return undefined;
  const docs = p.docs.subarray(p.off[v]!, p.off[v + 1]!);
  // The first quotes by this speaker, in article order: only the articles it is quoted in are read.
  const quotes: QuoteItem[] = [];
  for (const d of state.engine.speakerDocs(id)) {
    if (quotes.length === ENTITY_PAGE) break;
    for (const q of quoteItems(state.article(d)))
      if (q.speakerEntityId === id && quotes.length < ENTITY_PAGE) quotes.push(q);
  }
  return {
    ...state.summaries()[v]!,
    articles: Array.from(docs.subarray(0, ENTITY_PAGE), (d) => toSummary(state.article(d))),
    quotes,
    coOccurring: state.index.entityIdsDistinct
      ? coOccurringFromIndex(state.index, p, id, 20, state.article)
      : coOccurringFromArticles(Array.from(docs, state.article), id, 20),
  };
}
