import { toSummary } from '../../corpus/components/to-summary';
import { compareNewestKey } from '../../corpus/components/compare-articles';
import { quoteItems } from '../../corpus/components/quote-items';
import type { ArticleSummary, EntityDetail, QuoteItem } from '../../query-schema/query-result-schema';
import { partDocs } from '../components/entity-parts';
import { type EntityValue, liveCoOccurring } from '../components/live-co-occurring';
import { mergedEntities } from '../components/merged-entities';
import { mergeDocs } from '../components/merge-docs';
import type { SegmentsState } from '../components/segments-state';

/** At most this many articles and quotes come with an entity (its first ones, in corpus order). */
const ENTITY_PAGE = 100;

/** `corpus.entity()` over segments: the merged summary, the first live articles and quotes, who is beside it. */
export function entity(state: SegmentsState, id: string): EntityDetail | undefined {
  const summary = mergedEntities(state).byId.get(id);
  if (!summary) return undefined;
  const values: EntityValue[] = [];
  state.segments.forEach((seg, s) => {
    const v = seg.state.engine.postings().byId.get(id);
    if (v !== undefined) values.push({ s, v });
  });
  const articles: ArticleSummary[] = [];
  const inOrder = values.map((x) => ({ s: x.s, docs: partDocs(state, x), from: 0 }));
  for (const { s, d } of mergeDocs(state, inOrder, compareNewestKey)) {
    if (articles.length === ENTITY_PAGE) break;
    articles.push(toSummary(state.segments[s]!.state.article(d)));
  }
  // The first quotes by this speaker, in article order: only the articles it is quoted in are read.
  const quotes: QuoteItem[] = [];
  const quoted = state.segments.map((seg, s) => ({ s, docs: seg.state.engine.speakerDocs(id), from: 0 }));
  for (const { s, d } of mergeDocs(state, quoted, compareNewestKey)) {
    if (quotes.length === ENTITY_PAGE) break;
    for (const q of quoteItems(state.segments[s]!.state.article(d)))
      if (q.speakerEntityId === id && quotes.length < ENTITY_PAGE) quotes.push(q);
  }
  return { ...summary, articles, quotes, coOccurring: liveCoOccurring(state, id, values, 20) };
}
