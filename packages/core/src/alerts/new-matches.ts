import type { Corpus } from '../corpus/components/corpus-types';
import { createCorpus } from '../corpus/create-corpus';
import type { Article } from '../model/article-schema';
import type { ArticleFilters } from '../query-schema/query-params-schema';

/** Articles matched at once: a batch of new matches never holds more, so none is left out of it. */
export const ALERT_BATCH = 100;

/** What new articles are matched against: an alert's query, or a live stream's query and filters. */
export interface MatchQuery {
  q?: string | undefined;
  filters?: ArticleFilters | undefined;
}

/** The ids of a small corpus's articles that match, newest first; typos off (see newMatches). */
function matchIn(corpus: Corpus, { q, filters }: MatchQuery): string[] {
  const f = filters ? { filters } : {};
  if (q?.trim())
    return corpus.search({ q, ...f, typos: 'off', sort: 'newest', limit: ALERT_BATCH }).hits.map((h) => h.id);
  return corpus.list({ ...f, sort: 'newest', limit: ALERT_BATCH }).items.map((s) => s.id);
}

/**
 * Articles just stored (at most ALERT_BATCH, one version each), to be matched against any number of
 * queries: one small corpus of them, built once, and each query run over it alone, with typos off (a saved
 * search or a stream must not fire on a near-spelling of its word that only the batch lacks). A query
 * without words matches by its filters alone. Each match lists the articles newest first.
 */
export function newMatches(articles: readonly Article[]): (query: MatchQuery) => Article[] {
  if (articles.length > ALERT_BATCH)
    throw new RangeError(`newMatches takes at most ${ALERT_BATCH} articles at once; got ${articles.length}.`);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const corpus = createCorpus([...byId.values()]);
  return (query) => matchIn(corpus, query).map((id) => byId.get(id)!);
}

/** Refuses a query new articles could not be matched against, with the search's own error (a GazetteError). */
export function checkMatchQuery(query: MatchQuery): void {
  newMatches([])(query);
}
