import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import { buildIndex } from '../search/build-index';
import { SearchEngine } from '../search/search-engine';
import type { SearchIndex } from '../search/search-index';
import {
  binarySnapshotFormat,
  type CorpusParts,
  decodeSnapshot,
  encodeSnapshot,
  isBinarySnapshot,
  SNAPSHOT_FORMAT,
} from '../search/snapshot-codec';
import { ArticleRecords } from './article-records';
import { compareNewest } from './compare-articles';
import type { Corpus, CorpusSnapshot } from './corpus-types';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';
import { coOccurringFromArticles, coOccurringFromIndex } from './co-occurring';
import { quoteItems } from './quote-items';
import { foldedWords, hasWordsStartingWith, quoteCandidates } from '../search/quote-words';
import { ALL_FACETS } from './facet-counts';
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
import type {
  ArticleSummary,
  EntitySummary,
  QuoteItem,
  SearchResult,
  TimelineResult,
} from './query-result-schema';
import { bucketStart } from './timeline-buckets';
import { toSummary } from './to-summary';
import { fold } from '../search/fold';

function page<T>(all: readonly T[], params: { limit: number; cursor?: string | undefined }) {
  const fp = fingerprint(params);
  const offset = decodeCursor(params.cursor, fp);
  const items = all.slice(offset, offset + params.limit);
  const next = offset + items.length;
  return { total: all.length, items, nextCursor: next < all.length ? encodeCursor(next, fp) : null };
}

/** Builds an in-memory corpus over articles, with its search index. A repeated id keeps the last version. */
export function createCorpus(input: readonly Article[]): Corpus {
  const byId = new Map<string, Article>();
  for (const a of input) byId.set(a.id, a);
  const articles = [...byId.values()];
  const slugs = new Map<string, Article>();
  for (const a of articles) {
    const other = slugs.get(a.slug);
    if (other) {
      throw new GazetteError(
        'INVALID_ARTICLE',
        `Two articles share the slug "${a.slug}" (${other.id} and ${a.id}).`,
        { where: a.id },
      );
    }
    slugs.set(a.slug, a);
  }
  const newest = articles.sort(compareNewest);
  return corpusOver({ ix: buildIndex(newest), articles: ArticleRecords.build(newest) });
}

/**
 * Loads a corpus from `toSnapshot()` bytes (a Uint8Array or ArrayBuffer): views on the bytes, nothing
 * re-analysed. Also reads the first snapshot format, `{ format: 'gazette-snapshot', version: 1, articles }`,
 * indexing its articles.
 */
export function loadCorpus(snapshot: unknown): Corpus {
  const bytes = snapshot instanceof ArrayBuffer ? new Uint8Array(snapshot) : snapshot;
  if (bytes instanceof Uint8Array) {
    if (isBinarySnapshot(bytes)) return corpusOver(decodeSnapshot(bytes));
    const format = binarySnapshotFormat(bytes);
    if (format !== undefined)
      throw new GazetteError(
        'INVALID_SNAPSHOT',
        `This snapshot is format ${format}; this Gazette reads format ${SNAPSHOT_FORMAT}. Rebuild it with corpus.toSnapshot().`,
      );
  }
  const s = snapshot as { format?: unknown; version?: unknown; articles?: unknown } | null;
  if (s?.format === 'gazette-snapshot' && s.version === 1 && Array.isArray(s.articles))
    return createCorpus(s.articles as Article[]);
  throw new GazetteError(
    'INVALID_SNAPSHOT',
    s?.format === 'gazette-snapshot'
      ? `This snapshot is format ${String(s.version)}, which this Gazette no longer reads; rebuild it with corpus.toSnapshot().`
      : 'This is not a Gazette corpus snapshot: pass the bytes of corpus.toSnapshot() (a Uint8Array).',
  );
}

function* range(n: number): Generator<number> {
  for (let d = 0; d < n; d++) yield d;
}

function bodyTexts(ix: SearchIndex, d: number): string[] {
  const out: string[] = [];
  for (let j = ix.textOff[d]!; j < ix.textOff[d + 1]!; j++)
    if (ix.textField[j] === 2) out.push(ix.texts.at(ix.textIds[j]!));
  return out;
}

function corpusOver(parts: CorpusParts): Corpus {
  const { ix } = parts;
  const article = (d: number): Article =>
    parts.articles.get(
      d,
      { id: ix.ids.at(d), slug: ix.slugs.at(d), title: ix.titles.at(d) },
      bodyTexts(ix, d),
    );
  const engine = new SearchEngine(ix);
  let docOf: Map<string, number> | undefined;
  const lookup = (idOrSlug: string): number | undefined => {
    if (!docOf) {
      docOf = new Map();
      for (let d = 0; d < ix.n; d++) docOf.set(ix.slugs.at(d), d);
      for (let d = 0; d < ix.n; d++) docOf.set(ix.ids.at(d), d);
    }
    return docOf.get(idOrSlug);
  };
  const get = (idOrSlug: string) => {
    const d = lookup(idOrSlug);
    return d === undefined ? undefined : article(d);
  };
  // Entity summaries are decoded from the index on first use; articles only when a page shows them.
  let summaryList: EntitySummary[] | undefined;
  const summaries = () =>
    (summaryList ??= Array.from(
      { length: ix.entitySummaries.length },
      (_, v) => JSON.parse(ix.entitySummaries.at(v)) as EntitySummary,
    ));
  /** Quotes of documents (ascending) that pass `keep`, in corpus order. */
  const quotesOf = (docs: Iterable<number>, keep: (q: QuoteItem) => boolean): QuoteItem[] => {
    const out: QuoteItem[] = [];
    for (const d of docs)
      if (ix.quoteCounts[d]) for (const q of quoteItems(article(d))) if (keep(q)) out.push(q);
    return out;
  };

  let oldest: Uint32Array | undefined;
  /** Documents oldest first (the inverse of oldestRank), built on first use. */
  const oldestOrder = () => {
    if (!oldest) {
      oldest = new Uint32Array(ix.n);
      for (let d = 0; d < ix.n; d++) oldest[ix.oldestRank[d]!] = d;
    }
    return oldest;
  };
  const docsInOrder = (docs: Uint32Array, sort: 'newest' | 'oldest'): number[] => {
    const out = Array.from(docs);
    if (sort === 'oldest') out.sort((a, b) => ix.oldestRank[a]! - ix.oldestRank[b]!);
    return out;
  };

  return {
    size: ix.n,
    list(raw = {}) {
      const params = parseParams(ListParamsSchema, raw, 'list parameters');
      const filtered = params.filters && Object.values(params.filters).some((v) => v !== undefined);
      const queried = params.q !== undefined && params.q.trim() !== '';
      if (!filtered && !queried) {
        // Every article: documents are numbered newest first, and oldest first is a stored order.
        const fp = fingerprint(params);
        const offset = decodeCursor(params.cursor, fp);
        const end = Math.min(ix.n, offset + params.limit);
        const byAge = params.sort === 'oldest' ? oldestOrder() : undefined;
        const items: ArticleSummary[] = [];
        for (let r = offset; r < end; r++) items.push(toSummary(article(byAge ? byAge[r]! : r)));
        return { total: ix.n, items, nextCursor: end < ix.n ? encodeCursor(end, fp) : null };
      }
      // A query only selects: unlike search, no ranking and no snippets (a feed needs neither).
      const { m, budget } = engine.match(queried ? params.q : undefined, params.filters);
      const result = page(docsInOrder(m.docs, params.sort), params);
      const items = result.items.map((d) => toSummary(article(d)));
      return { ...result, items, ...(budget.exhausted ? { partial: true } : {}) };
    },
    get,
    search(raw): SearchResult {
      const params = parseParams(SearchParamsSchema, raw, 'search parameters');
      const fp = fingerprint(params);
      const offset = decodeCursor(params.cursor, fp);
      const found = engine.match(params.q, params.filters);
      const { m, budget } = found;
      const { total, hits } = engine.page(found, params.sort, offset, params.limit);
      const next = offset + hits.length;
      const facets = params.facets?.length ? engine.facets(m, params.facets, 10, budget) : {};
      return {
        total,
        hits,
        facets,
        nextCursor: next < total && hits.length > 0 ? encodeCursor(next, fp) : null,
        partial: budget.exhausted,
      };
    },
    related(idOrSlug, raw = {}) {
      const params = parseParams(RelatedParamsSchema, raw, 'related parameters');
      const d = lookup(idOrSlug);
      if (d === undefined)
        throw new GazetteError('NOT_FOUND', `No article has the id or slug "${idOrSlug}".`, { where: 'id' });
      return {
        items: engine
          .related(d, params.limit, params.filters)
          .map(({ doc, score }) => ({ ...toSummary(article(doc)), score })),
      };
    },
    facets(raw = {}) {
      const params = parseParams(FacetsParamsSchema, raw, 'facet parameters');
      const { m, budget } = engine.match(params.q, params.filters);
      return engine.facets(m, params.facets ?? ALL_FACETS, params.limit, budget);
    },
    entities(raw = {}) {
      const params = parseParams(EntitiesParamsSchema, raw, 'entity parameters');
      const prefix = params.prefix ? fold(params.prefix) : undefined;
      const list = summaries()
        .filter((e) => !params.type || e.type === params.type)
        .filter((e) => !prefix || [e.name, ...e.aliases].some((n) => fold(n).startsWith(prefix)))
        .sort((x, y) =>
          params.sort === 'name'
            ? x.name.localeCompare(y.name, 'en') || (x.id < y.id ? -1 : 1)
            : params.sort === 'articles'
              ? y.articleCount - x.articleCount || y.mentionCount - x.mentionCount || (x.id < y.id ? -1 : 1)
              : y.mentionCount - x.mentionCount || y.articleCount - x.articleCount || (x.id < y.id ? -1 : 1),
        );
      return page(list, params);
    },
    entity(id) {
      const p = engine.postings();
      const v = p.byId.get(id);
      if (v === undefined) return undefined;
      const docs = p.docs.subarray(p.off[v]!, p.off[v + 1]!);
      // The first 100 quotes by this speaker, in article order: only the articles it is quoted in are read.
      const quotes: QuoteItem[] = [];
      for (const d of engine.speakerDocs(id)) {
        if (quotes.length === 100) break;
        for (const q of quoteItems(article(d)))
          if (q.speakerEntityId === id && quotes.length < 100) quotes.push(q);
      }
      return {
        ...summaries()[v]!,
        articles: Array.from(docs.subarray(0, 100), (d) => toSummary(article(d))),
        quotes,
        coOccurring: ix.entityIdsDistinct
          ? coOccurringFromIndex(ix, p, id, 20, article)
          : coOccurringFromArticles(Array.from(docs, article), id, 20),
      };
    },
    quotes(raw = {}) {
      const params = parseParams(QuotesParamsSchema, raw, 'quote parameters');
      const speaker = params.speaker ? fold(params.speaker) : undefined;
      const words = params.q ? foldedWords(params.q) : [];
      const keep = (q: QuoteItem) =>
        (!speaker ||
          q.speakerEntityId === params.speaker ||
          (q.speaker !== undefined && fold(q.speaker) === speaker)) &&
        hasWordsStartingWith(q.text, words);
      if (params.article !== undefined) {
        const d = lookup(params.article);
        return page(d === undefined ? [] : quotesOf([d], keep), params);
      }
      if (!speaker && !words.length) {
        // Every quote: counted from the index, and only the articles of the page are read.
        const fp = fingerprint(params);
        const offset = decodeCursor(params.cursor, fp);
        let total = 0;
        for (let d = 0; d < ix.n; d++) total += ix.quoteCounts[d]!;
        const items: QuoteItem[] = [];
        let skipped = 0;
        for (let d = 0; d < ix.n && items.length < params.limit; d++) {
          const c = ix.quoteCounts[d]!;
          if (skipped + c <= offset) {
            skipped += c;
            continue;
          }
          const qs = quoteItems(article(d));
          for (let i = Math.max(0, offset - skipped); i < qs.length && items.length < params.limit; i++)
            items.push(qs[i]!);
          skipped += c;
        }
        const next = offset + items.length;
        return { total, items, nextCursor: next < total ? encodeCursor(next, fp) : null };
      }
      // By words: only the documents whose quotations may hold them are read.
      if (!params.speaker) return page(quotesOf(quoteCandidates(ix, words) ?? range(ix.n), keep), params);
      // By speaker: only the documents quoting someone of that name, or the entity of that id, are read.
      const found = new Set(engine.fieldDocs('speaker', params.speaker));
      for (const d of engine.speakerDocs(params.speaker)) found.add(d);
      return page(
        quotesOf(
          [...found].sort((x, y) => x - y),
          keep,
        ),
        params,
      );
    },
    timeline(raw = {}): TimelineResult {
      const params = parseParams(TimelineParamsSchema, raw, 'timeline parameters');
      const { m, budget } = engine.match(params.q, params.filters);
      const counts = new Map<string, number>();
      let undated = 0;
      for (const d of m.docs) {
        const date = ix.dates.at(d);
        if (!date) {
          undated++;
          continue;
        }
        const key = bucketStart(date, params.interval);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const buckets = [...counts]
        .sort((x, y) => (x[0] < y[0] ? -1 : 1))
        .map(([start, count]) => ({ start, count }));
      return { interval: params.interval, buckets, undated, total: m.docs.length, partial: budget.exhausted };
    },
    toSnapshot(): CorpusSnapshot {
      return encodeSnapshot(parts);
    },
  };
}
