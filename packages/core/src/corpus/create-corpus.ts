import { GazetteError } from '../errors/gazette-error';
import { sha256Hex } from '../ids/sha256-hex';
import type { Article } from '../model/article-schema';
import { compareNewest, compareOldest } from './compare-articles';
import type { Corpus, CorpusSnapshot } from './corpus-types';
import { decodeCursor, encodeCursor } from './cursor';
import { buildEntityCatalog, quoteItems } from './entity-catalog';
import { ALL_FACETS, facetCounts } from './facet-counts';
import { matchesFilters } from './match-filters';
import { naiveSearch } from './naive-search';
import { parseParams } from './parse-params';
import {
  EntitiesParamsSchema,
  FacetsParamsSchema,
  ListParamsSchema,
  QuotesParamsSchema,
  RelatedParamsSchema,
  SearchParamsSchema,
  TimelineParamsSchema,
} from './query-params-schema';
import type { QuoteItem } from './query-result-schema';
import { timelineBuckets } from './timeline-buckets';
import { toSummary } from './to-summary';

function fingerprint(params: object): string {
  const { cursor: _cursor, ...rest } = params as { cursor?: string };
  return sha256Hex(JSON.stringify(rest)).slice(0, 12);
}

function page<T>(all: readonly T[], params: { limit: number; cursor?: string | undefined }) {
  const fp = fingerprint(params);
  const offset = decodeCursor(params.cursor, fp);
  const items = all.slice(offset, offset + params.limit);
  const next = offset + items.length;
  return { total: all.length, items, nextCursor: next < all.length ? encodeCursor(next, fp) : null };
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Builds an in-memory corpus over articles. A repeated id keeps the last version given. */
export function createCorpus(input: readonly Article[]): Corpus {
  const byId = new Map<string, Article>();
  for (const a of input) byId.set(a.id, a);
  const articles = [...byId.values()];
  const bySlug = new Map<string, Article>();
  for (const a of articles) {
    const other = bySlug.get(a.slug);
    if (other) {
      throw new GazetteError(
        'INVALID_ARTICLE',
        `Two articles share the slug "${a.slug}" (${other.id} and ${a.id}).`,
        { where: a.id },
      );
    }
    bySlug.set(a.slug, a);
  }
  const newest = [...articles].sort(compareNewest);
  const oldest = [...articles].sort(compareOldest);
  const catalog = buildEntityCatalog(newest);
  const get = (idOrSlug: string) => byId.get(idOrSlug) ?? bySlug.get(idOrSlug);

  const matching = (q: string | undefined, filters: Parameters<typeof matchesFilters>[1]): Article[] => {
    const filtered = newest.filter((a) => matchesFilters(a, filters));
    if (!q?.trim()) return filtered;
    const ids = new Set(
      naiveSearch(filtered, { q, sort: 'newest', limit: 100 }, 0, () => '', filtered.length).hitIds,
    );
    return filtered.filter((a) => ids.has(a.id));
  };

  return {
    size: articles.length,
    list(raw = {}) {
      const params = parseParams(ListParamsSchema, raw, 'list parameters');
      const ordered = (params.sort === 'oldest' ? oldest : newest).filter((a) =>
        matchesFilters(a, params.filters),
      );
      const result = page(ordered, params);
      return { ...result, items: result.items.map(toSummary) };
    },
    get,
    search(raw) {
      const params = parseParams(SearchParamsSchema, raw, 'search parameters');
      const fp = fingerprint(params);
      const offset = decodeCursor(params.cursor, fp);
      const candidates = (params.sort === 'oldest' ? oldest : newest).filter((a) =>
        matchesFilters(a, params.filters),
      );
      const { result } = naiveSearch(candidates, params, offset, (next) => encodeCursor(next, fp));
      if (params.facets?.length)
        result.facets = facetCounts(matching(params.q, params.filters), params.facets, 10);
      return result;
    },
    related(idOrSlug, raw = {}) {
      const params = parseParams(RelatedParamsSchema, raw, 'related parameters');
      const a = get(idOrSlug);
      if (!a)
        throw new GazetteError('NOT_FOUND', `No article has the id or slug "${idOrSlug}".`, { where: 'id' });
      const mine = new Set(a.entities.map((e) => e.id));
      const scored = newest
        .filter((b) => b.id !== a.id && matchesFilters(b, params.filters))
        .map((b) => ({ b, score: b.entities.filter((e) => mine.has(e.id)).length }))
        .filter((x) => x.score > 0)
        .sort((x, y) => y.score - x.score);
      return { items: scored.slice(0, params.limit).map(({ b, score }) => ({ ...toSummary(b), score })) };
    },
    facets(raw = {}) {
      const params = parseParams(FacetsParamsSchema, raw, 'facet parameters');
      return facetCounts(matching(params.q, params.filters), params.facets ?? ALL_FACETS, params.limit);
    },
    entities(raw = {}) {
      const params = parseParams(EntitiesParamsSchema, raw, 'entity parameters');
      const prefix = params.prefix ? fold(params.prefix) : undefined;
      const all = [...catalog.values()]
        .map((e) => e.summary)
        .filter((e) => !params.type || e.type === params.type)
        .filter((e) => !prefix || [e.name, ...e.aliases].some((n) => fold(n).startsWith(prefix)))
        .sort((x, y) =>
          params.sort === 'name'
            ? x.name.localeCompare(y.name, 'en') || (x.id < y.id ? -1 : 1)
            : params.sort === 'articles'
              ? y.articleCount - x.articleCount || y.mentionCount - x.mentionCount || (x.id < y.id ? -1 : 1)
              : y.mentionCount - x.mentionCount || y.articleCount - x.articleCount || (x.id < y.id ? -1 : 1),
        );
      return page(all, params);
    },
    entity(id) {
      const entry = catalog.get(id);
      if (!entry) return undefined;
      const co = new Map<string, { id: string; name: string; type: string; count: number }>();
      for (const a of entry.articles) {
        for (const e of a.entities) {
          if (e.id === id) continue;
          const c = co.get(e.id) ?? { id: e.id, name: e.name, type: e.type, count: 0 };
          c.count++;
          co.set(e.id, c);
        }
      }
      return {
        ...entry.summary,
        articles: entry.articles.slice(0, 100).map(toSummary),
        quotes: entry.articles
          .flatMap(quoteItems)
          .filter((q) => q.speakerEntityId === id)
          .slice(0, 100),
        coOccurring: [...co.values()]
          .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1))
          .slice(0, 20),
      };
    },
    quotes(raw = {}) {
      const params = parseParams(QuotesParamsSchema, raw, 'quote parameters');
      const speaker = params.speaker ? fold(params.speaker) : undefined;
      const words = params.q ? fold(params.q).split(/\s+/).filter(Boolean) : [];
      const source = params.article ? [get(params.article)].filter((a): a is Article => Boolean(a)) : newest;
      const all: QuoteItem[] = source
        .flatMap(quoteItems)
        .filter(
          (q) =>
            !speaker ||
            q.speakerEntityId === params.speaker ||
            (q.speaker !== undefined && fold(q.speaker) === speaker),
        )
        .filter((q) => words.every((w) => fold(q.text).includes(w)));
      return page(all, params);
    },
    timeline(raw = {}) {
      const params = parseParams(TimelineParamsSchema, raw, 'timeline parameters');
      return timelineBuckets(matching(params.q, params.filters), params.interval);
    },
    toSnapshot(): CorpusSnapshot {
      return { format: 'gazette-snapshot', version: 1, articles };
    },
  };
}

/** Loads a corpus from `toSnapshot()` output (e.g. parsed from JSON). */
export function loadCorpus(snapshot: unknown): Corpus {
  const s = snapshot as Partial<CorpusSnapshot> | null;
  if (s?.format !== 'gazette-snapshot' || s.version !== 1 || !Array.isArray(s.articles)) {
    throw new GazetteError(
      'INVALID_SNAPSHOT',
      'This is not a Gazette corpus snapshot (version 1); rebuild it with corpus.toSnapshot().',
    );
  }
  return createCorpus(s.articles);
}
