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
import { decodeCursor, encodeCursor, fingerprint, MAX_CURSOR_OFFSET, pageByKey } from './cursor';
import { DateOrder } from './date-order';
import { compareEntities } from './entity-order';
import { everyQuote, type KeyedQuote, quotePage } from './quote-pages';
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
import type { ArticleFilters } from './query-params-schema';
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
  const dates = new DateOrder(ix);
  /** Quotes of documents (ascending) that pass `keep`, in corpus order, with their keys. */
  const quotesOf = (docs: Iterable<number>, keep: (q: QuoteItem) => boolean): KeyedQuote[] => {
    const out: KeyedQuote[] = [];
    for (const d of docs) {
      if (!ix.quoteCounts[d]) continue;
      const qs = quoteItems(article(d));
      for (let i = 0; i < qs.length; i++)
        if (keep(qs[i]!)) out.push({ item: qs[i]!, key: [...dates.key(d), i] });
    }
    return out;
  };

  /** Every document matching `filters` (and `q`), in date order; the work budget only bounds `q`. */
  const matching = (
    q: string | undefined,
    filters: ArticleFilters | undefined,
    sort: 'newest' | 'oldest',
  ) => {
    const filtered = filters && Object.values(filters).some((v) => v !== undefined);
    const queried = q !== undefined && q.trim() !== '';
    // Every article: documents are numbered newest first, and oldest first is a stored order.
    if (!filtered && !queried) return { docs: dates.all(sort), exhausted: false };
    const { m, budget } = engine.match(queried ? q : undefined, filters);
    return { docs: dates.of(m.docs, sort), exhausted: budget.exhausted };
  };

  /** The offset a search page starts at: relevance counts it (up to a limit), date sorts seek their key. */
  const searchOffset = (
    sort: 'relevance' | 'newest' | 'oldest',
    cursor: string | undefined,
    fp: string,
    docs: Uint32Array,
  ): number => {
    if (sort !== 'relevance') {
      const key = decodeCursor(cursor, fp, 'ss');
      return key ? dates.seek(dates.of(docs, sort), sort, key) : 0;
    }
    const offset = (decodeCursor(cursor, fp, 'n')?.[0] as number | undefined) ?? 0;
    if (offset > MAX_CURSOR_OFFSET)
      throw new GazetteError(
        'INVALID_CURSOR',
        `A search by relevance pages at most ${MAX_CURSOR_OFFSET} results deep; narrow the query, or sort by date.`,
        { where: 'cursor' },
      );
    return offset;
  };

  return {
    size: ix.n,
    list(raw = {}) {
      const params = parseParams(ListParamsSchema, raw, 'list parameters');
      const fp = fingerprint(params);
      const key = decodeCursor(params.cursor, fp, 'ss');
      // A query only selects: unlike search, no ranking and no snippets (a feed needs neither).
      const { docs, exhausted } = matching(params.q, params.filters, params.sort);
      const n = docs.length;
      const docAt = params.reverse ? (i: number) => docs[n - 1 - i]! : (i: number) => docs[i]!;
      // Keyed on the last article's date and id: a seek, so page 1,000 costs what page 1 does.
      const from = dates.seek(docs, params.sort, key, params.reverse);
      const end = Math.min(n, from + params.limit);
      const items: ArticleSummary[] = [];
      for (let i = from; i < end; i++) items.push(toSummary(article(docAt(i))));
      const nextCursor = end < n && end > from ? encodeCursor(dates.key(docAt(end - 1)), fp) : null;
      return { total: n, items, nextCursor, ...(exhausted ? { partial: true } : {}) };
    },
    articles(filters, sort = 'newest') {
      // Checked and matched now, so a bad filter throws here rather than at the first article.
      const params = parseParams(ListParamsSchema, { filters, sort }, 'articles parameters');
      const { docs } = matching(undefined, params.filters, params.sort);
      return (function* () {
        for (let i = 0; i < docs.length; i++) yield article(docs[i]!);
      })();
    },
    get,
    search(raw): SearchResult {
      const params = parseParams(SearchParamsSchema, raw, 'search parameters');
      const fp = fingerprint(params);
      const found = engine.match(params.q, params.filters);
      const { m, budget } = found;
      const offset = searchOffset(params.sort, params.cursor, fp, m.docs);
      const { total, hits, docs } = engine.page(found, params.sort, offset, params.limit);
      // Relevance gives no cursor it would refuse: the list ends at its depth limit.
      const next = offset + hits.length;
      const more =
        next < total && hits.length > 0 && (params.sort !== 'relevance' || next <= MAX_CURSOR_OFFSET);
      const last = params.sort === 'relevance' ? [next] : dates.key(docs.at(-1)!);
      const facets = params.facets?.length ? engine.facets(m, params.facets, 10, budget) : {};
      return {
        total,
        hits,
        facets,
        nextCursor: more ? encodeCursor(last, fp) : null,
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
        .sort(compareEntities(params.sort));
      // Every call sorts the whole (filtered) list, so a position in it costs the same at any depth; a
      // position rather than a sort key because names and ids are unbounded and a cursor is not.
      return pageByKey(
        list,
        params,
        (_, i) => [i],
        (a, b) => (a[0] as number) - (b[0] as number),
        'n',
      );
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
        return quotePage(d === undefined ? [] : quotesOf([d], keep), params);
      }
      if (!speaker && !words.length) return everyQuote(ix, dates, article, params);
      // By words: only the documents whose quotations may hold them are read.
      if (!params.speaker)
        return quotePage(quotesOf(quoteCandidates(ix, words) ?? range(ix.n), keep), params);
      // By speaker: only the documents quoting someone of that name, or the entity of that id, are read.
      const found = new Set(engine.fieldDocs('speaker', params.speaker));
      for (const d of engine.speakerDocs(params.speaker)) found.add(d);
      return quotePage(
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
