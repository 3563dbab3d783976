import type { Article } from '../../model/article-schema';
import type { ArticleFilters } from '../../query-schema/query-params-schema';
import type { EntitySummary, QuoteItem } from '../../query-schema/query-result-schema';
import { SearchEngine } from '../../search/engine/search-engine';
import { entitySummaryAt } from '../../search/index/entity-summaries';
import type { SearchIndex } from '../../search/index/search-index';
import { DateOrder } from './date-order';
import type { KeyedQuote } from './quote-pages';
import { quoteItems } from './quote-items';
import type { CorpusParts } from '../snapshot/snapshot-codec';

/**
 * What every query function of one corpus reads: its index, the engine over it, the date order, and the
 * articles decoded on demand. One per corpus, shared by the methods in `methods/` (one file each).
 */
export interface CorpusState {
  readonly parts: CorpusParts;
  readonly index: SearchIndex;
  readonly engine: SearchEngine;
  readonly dates: DateOrder;
  /** The article of document `d`, decoded from its record. */
  article(d: number): Article;
  /** The document of an article id or slug. */
  lookup(idOrSlug: string): number | undefined;
  /** Every entity's summary, by entity number (decoded on first use). */
  summaries(): readonly EntitySummary[];
  /** Every document matching `filters` (and `q`), in date order; the work budget only bounds `q`. */
  matching(
    q: string | undefined,
    filters: ArticleFilters | undefined,
    sort: 'newest' | 'oldest',
  ): { docs: ArrayLike<number>; exhausted: boolean };
  /** Quotes of documents (ascending) that pass `keep` (which may read their article), in corpus order, with their keys. */
  quotesOf(docs: Iterable<number>, keep: (q: QuoteItem, a: Article) => boolean): KeyedQuote[];
}

/** The texts of a document's body paragraphs (field 2), and its standfirst (field 1), as the index stores them. */
function storedTexts(index: SearchIndex, d: number): { body: string[]; standfirst: string | undefined } {
  const body: string[] = [];
  let standfirst: string | undefined;
  for (let j = index.textOff[d]!; j < index.textOff[d + 1]!; j++) {
    if (index.textField[j] === 2) body.push(index.texts.at(index.textIds[j]!));
    else if (index.textField[j] === 1) standfirst = index.texts.at(index.textIds[j]!);
  }
  return { body, standfirst };
}

/** Ids and slugs to documents, built on the first lookup (a corpus that is only searched never needs it). */
function lookupOver(index: SearchIndex): (idOrSlug: string) => number | undefined {
  let docOf: Map<string, number> | undefined;
  return (idOrSlug) => {
    if (!docOf) {
      docOf = new Map();
      for (let d = 0; d < index.n; d++) docOf.set(index.slugs.at(d), d);
      for (let d = 0; d < index.n; d++) docOf.set(index.ids.at(d), d);
    }
    return docOf.get(idOrSlug);
  };
}

export function corpusState(parts: CorpusParts): CorpusState {
  const index = parts.ix;
  const engine = new SearchEngine(index);
  const dates = new DateOrder(index);
  const article = (d: number): Article => {
    const { body, standfirst } = storedTexts(index, d);
    const head = { id: index.ids.at(d), slug: index.slugs.at(d), title: index.titles.at(d), standfirst };
    return parts.articles.get(d, head, body);
  };
  // Entity summaries are decoded from the index on first use; articles only when a page shows them.
  let summaryList: EntitySummary[] | undefined;
  const summaries = () =>
    (summaryList ??= Array.from(
      { length: index.entitySummaries.length },
      (_, v) => entitySummaryAt(index.entities.values, index.entitySummaries, v) as EntitySummary,
    ));
  return {
    parts,
    index,
    engine,
    dates,
    article,
    lookup: lookupOver(index),
    summaries,
    matching(q, filters, sort) {
      const filtered = filters && Object.values(filters).some((v) => v !== undefined);
      const queried = q !== undefined && q.trim() !== '';
      // Every article: documents are numbered newest first, and oldest first is a stored order.
      if (!filtered && !queried) return { docs: dates.all(sort), exhausted: false };
      const { m, budget } = engine.match(queried ? q : undefined, filters);
      return { docs: dates.of(m.docs, sort), exhausted: budget.exhausted };
    },
    quotesOf(docs, keep) {
      const out: KeyedQuote[] = [];
      for (const d of docs) {
        if (!index.quoteCounts[d]) continue;
        const a = article(d);
        const qs = quoteItems(a);
        for (let i = 0; i < qs.length; i++)
          if (keep(qs[i]!, a)) out.push({ item: qs[i]!, key: [...dates.key(d), i] });
      }
      return out;
    },
  };
}
