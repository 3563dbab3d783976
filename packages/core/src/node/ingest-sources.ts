import { basename } from 'node:path';
import type { EnrichOptions } from '../enrich/enrich-article';
import { GazetteError, isGazetteError } from '../errors/gazette-error';
import { feedItemToArticle } from '../formats/feed/parse-feed';
import { type Feed, readFeed } from '../formats/feed/read-feed';
import { parseHtml } from '../formats/html/parse-html';
import { describeDecoding } from '../input/describe-decoding';
import { detectFormat } from '../input/detect-format';
import { parseInput } from '../input/parse-input';
import type { FieldMapping } from '../formats/json/json-record-to-article';
import { jsonRecordToArticle } from '../formats/json/json-record-to-article';
import { readJsonRecords, readNdjsonLine } from '../formats/json/json-records';
import type { Article } from '../model/article-schema';
import type { InputFormat } from '../model/provenance-schema';
import type { AsyncArticleStore } from '../store/async-store-types';
import { putInParts } from '../store/put-in-parts';
import type { PutResult } from '../store/store-types';
import { type Fetched, type FetchOptions, fetchUrl } from './fetch-url';
import { isUrl, listInputs } from './list-inputs';
import { type ReadStdin, readStdin, readTextInput } from './read-article-file';
import { openInput } from './read-input-bytes';
import { readNdjsonLines } from './read-ndjson-lines';
import { createLimiter, runPool } from './run-pool';

/** `recognizer`: the entity recogniser every source is read with (the rule-based one by default). */
export interface IngestOptions extends EnrichOptions {
  format?: InputFormat | 'auto';
  /** Feeds: fetch each item's page and extract it, instead of keeping the feed's own text. */
  full?: boolean;
  mapping?: FieldMapping;
  /** Sources read at once (default 4). */
  concurrency?: number;
  fetch?: FetchOptions;
  /** Called after each source is done (stored or failed). */
  onProgress?: (progress: IngestProgress) => void;
  /** Called for each article once it is committed. */
  onStored?: (result: PutResult, source: string) => void;
  stdin?: ReadStdin;
  /**
   * The ingest time (ISO 8601; default: when ingestSources is called): a date more than a day after it
   * is no article's date, and is passed over for the next source of the date.
   */
  now?: string;
  /**
   * Stops the ingest (SIGINT, SIGTERM): no transaction starts after it fires, sources still being read
   * are dropped, and the summary returned (marked `interrupted`) counts what was committed.
   */
  signal?: AbortSignal;
  /** --full: the overall deadline for item pages, in ms (default 120 s); a page not fetched by then keeps the feed's text. */
  fullDeadlineMs?: number;
  /** --full: how item pages are fetched (the poller adds robots.txt and a per-host limit); default: fetchUrl. */
  fetchPage?: (url: string) => Promise<Fetched>;
  /** A source with no articles is no failure (a followed feed with no items yet). */
  emptyIsFine?: boolean;
  /** Called with each feed read, before its items are stored (its title, its polling hint). */
  onFeed?: (feed: Feed, source: string) => void;
}

/** Articles per write transaction: the store's lock is held for one batch at a time (about 0.1 s), not a whole file. */
export const STORE_BATCH = 100;
export const DEFAULT_FULL_DEADLINE_MS = 120_000;

export interface IngestProgress {
  done: number;
  total: number;
  source: string;
  summary: IngestSummary;
}

export interface IngestFailure {
  source: string;
  reason: string;
}

export interface IngestSummary {
  sources: number;
  added: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  failed: IngestFailure[];
  /** Stored, but not as asked (e.g. an item page could not be fetched: the feed's text was kept). */
  warnings: IngestFailure[];
  /** Folder entries not read on purpose (a FIFO or device, a broken link, a folder already read). */
  skipped: IngestFailure[];
  /** Set when the ingest was stopped (options.signal): the counts are what was committed before. */
  interrupted?: boolean;
}

const reasonOf = (error: unknown) =>
  isGazetteError(error) ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;

const TIMED_OUT = Symbol('timed out');

/** The promise's value, or TIMED_OUT once the clock passes `deadlineAt` (ms since the epoch). */
async function beforeDeadline<T>(promise: Promise<T>, deadlineAt: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadlineAt - Date.now()));
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads one source into articles; record-level failures (a bad NDJSON line, an item page) are reported, not fatal. */
async function readSource(
  source: string,
  options: IngestOptions,
  summary: IngestSummary,
  fetchLimited: (url: string) => ReturnType<typeof fetchUrl>,
  fullDeadlineAt: number,
  prefetched?: Fetched,
): Promise<Article[]> {
  let content: string;
  let name: string;
  let pageUrl: string | undefined;
  let format = options.format ?? 'auto';
  // How the bytes were decoded goes in the summary when something was guessed, overruled or lost.
  const noteDecoding = (at: string, decoding: Parameters<typeof describeDecoding>[0]) => {
    const note = describeDecoding(decoding);
    if (note) summary.warnings.push({ source: at, reason: note });
  };
  if (isUrl(source)) {
    const fetched = prefetched ?? (await fetchLimited(source));
    content = fetched.content;
    noteDecoding(source, fetched.decoding);
    pageUrl = fetched.url;
    name = source;
    if (format === 'auto' && /(?:rss|atom|rdf)\+xml|feed\+json/.test(fetched.contentType)) format = 'feed';
    if (format === 'auto' && fetched.contentType === 'text/html') format = 'html';
  } else {
    const { text, ...decoding } = await readTextInput(source, options.stdin ?? readStdin);
    content = text;
    noteDecoding(source === '-' ? 'standard input' : source, decoding);
    name = source === '-' ? 'standard input' : basename(source);
  }
  if (format === 'auto') format = detectFormat(content, pageUrl ? new URL(pageUrl).pathname : name);
  const where = source === '-' ? 'standard input' : source;

  if (format === 'json' || format === 'ndjson') {
    const articles: Article[] = [];
    const urlsSeen = new Set<string>();
    for (const record of readJsonRecords(content, format, where)) {
      try {
        articles.push(
          jsonRecordToArticle(record.value, {
            where: record.where,
            format,
            now: options.now,
            urlsSeen,
            recognizer: options.recognizer,
            ...(options.mapping ? { mapping: options.mapping } : {}),
          }),
        );
      } catch (error) {
        summary.failed.push({ source: record.where, reason: reasonOf(error) });
      }
    }
    return articles;
  }
  if (format === 'feed') {
    const feed = readFeed(content, where, options.now);
    options.onFeed?.(feed, source);
    const fetchPage = options.fetchPage ?? fetchLimited;
    const articles: Article[] = [];
    await runPool(feed.items, options.full ? (options.concurrency ?? 4) : 1, async (item, i) => {
      const at = `${where} item ${i + 1}`;
      try {
        if (options.full && item.link) {
          try {
            const page = await beforeDeadline(fetchPage(item.link), fullDeadlineAt);
            if (page === TIMED_OUT) {
              const seconds = (options.fullDeadlineMs ?? DEFAULT_FULL_DEADLINE_MS) / 1000;
              throw new GazetteError(
                'FETCH_FAILED',
                `Not fetched: --full has an overall deadline of ${seconds} s, reached before this page came.`,
                { where: item.link },
              );
            }
            noteDecoding(item.link, page.decoding);
            articles[i] = parseHtml(page.content, {
              url: page.url,
              name: item.link,
              fallback: item,
              recognizer: options.recognizer,
              ...(options.now ? { now: options.now } : {}),
            });
            return;
          } catch (error) {
            summary.warnings.push({
              source: item.link,
              reason: `${reasonOf(error)} The feed's own text was stored.`,
            });
          }
        }
        articles[i] = feedItemToArticle(item, undefined, options);
      } catch (error) {
        summary.failed.push({ source: at, reason: reasonOf(error) });
      }
    });
    return articles.filter(Boolean);
  }
  return parseInput(content, {
    format,
    name,
    ...(pageUrl ? { url: pageUrl } : {}),
    ...(options.now ? { now: options.now } : {}),
    recognizer: options.recognizer,
  });
}

/** Stores articles one bounded transaction at a time, counting each batch once it has committed. */
async function storeInBatches(
  store: AsyncArticleStore,
  articles: readonly Article[],
  tally: (results: PutResult[]) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (let i = 0; i < articles.length; i += STORE_BATCH) {
    if (signal?.aborted) return;
    await putInParts(store, articles.slice(i, i + STORE_BATCH), tally);
    // Between transactions: a signal can be handled, and another process can take the lock.
    if (i + STORE_BATCH < articles.length) await new Promise((resolve) => setImmediate(resolve));
  }
}

const whenAborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

/**
 * Streams an NDJSON file (an export can be far larger than any one article) into the store, one
 * transaction per batch of STORE_BATCH records; a bad line is reported with its number and the rest are stored.
 */
async function ingestNdjsonFile(
  store: AsyncArticleStore,
  path: string,
  options: IngestOptions,
  summary: IngestSummary,
  tally: (results: PutResult[]) => void,
): Promise<void> {
  const lines = readNdjsonLines(await openInput(path));
  let batch: Article[] = [];
  let replacements = 0;
  const urlsSeen = new Set<string>();
  const flush = async () => {
    if (batch.length && !options.signal?.aborted) await putInParts(store, batch, tally);
    batch = [];
  };
  for await (const line of lines) {
    if (options.signal?.aborted) break;
    const where = `${path} line ${line.lineNo}`;
    try {
      if ('error' in line) throw line.error;
      replacements += line.replacements;
      const record = readNdjsonLine(line.text, line.lineNo, path);
      if (!record) continue;
      batch.push(
        jsonRecordToArticle(record.value, {
          where,
          format: 'ndjson',
          now: options.now,
          urlsSeen,
          recognizer: options.recognizer,
          ...(options.mapping ? { mapping: options.mapping } : {}),
        }),
      );
    } catch (error) {
      if (isGazetteError(error) && error.code === 'STORE_ERROR') throw error;
      summary.failed.push({ source: where, reason: reasonOf(error) });
    }
    if (batch.length >= STORE_BATCH) await flush();
  }
  await flush();
  const note = describeDecoding({ encoding: 'utf-8', source: 'default', replacements });
  if (note) summary.warnings.push({ source: path, reason: note });
}

const isNdjsonFile = (source: string, format: IngestOptions['format']) =>
  !isUrl(source) &&
  source !== '-' &&
  (format === 'ndjson' || ((!format || format === 'auto') && /\.(?:ndjson|jsonl)$/i.test(source)));

/** How a batch fetches: one limit for every request, one deadline for --full pages; a body already fetched. */
interface Fetching {
  fetchLimited: (url: string) => Promise<Fetched>;
  fullDeadlineAt: number;
  prefetched?: Fetched;
}

/** Reads and stores one source, counting what was committed into the summary; a failure is noted, not thrown. */
async function ingestOne(
  store: AsyncArticleStore,
  source: string,
  options: IngestOptions,
  summary: IngestSummary,
  fetching: Fetching,
): Promise<void> {
  const tally = (results: PutResult[]) => {
    for (const r of results) {
      if (r.status === 'added') summary.added++;
      else if (r.status === 'updated') summary.updated++;
      else if (r.status === 'unchanged') summary.unchanged++;
      else summary.duplicates++;
      options.onStored?.(r, source);
    }
  };
  try {
    if (isNdjsonFile(source, options.format)) {
      await ingestNdjsonFile(store, source, options, summary, tally);
      return;
    }
    const { fetchLimited, fullDeadlineAt, prefetched } = fetching;
    const articles = await readSource(source, options, summary, fetchLimited, fullDeadlineAt, prefetched);
    const empty = articles.length === 0 && !options.emptyIsFine;
    if (empty && !summary.failed.some((f) => f.source.startsWith(source)))
      throw new GazetteError('EMPTY_INPUT', `${source} holds no articles.`, { where: source });
    await storeInBatches(store, articles, tally, options.signal);
  } catch (error) {
    // A store that cannot be written stops the batch: every later source would fail the same way.
    if (isGazetteError(error) && error.code === 'STORE_ERROR') throw error;
    summary.failed.push({ source, reason: reasonOf(error) });
  }
}

/** A summary with nothing counted yet. */
export const emptySummary = (sources: number): IngestSummary => ({
  sources,
  added: 0,
  updated: 0,
  unchanged: 0,
  duplicates: 0,
  failed: [],
  warnings: [],
  skipped: [],
});

/**
 * Ingests what was fetched from a URL (a feed, a page) into a store, as `ingestSources` would have after
 * fetching it: the poller fetches conditionally itself, and hands over only what changed.
 */
export async function ingestFetched(
  store: AsyncArticleStore,
  url: string,
  fetched: Fetched,
  given: IngestOptions = {},
): Promise<IngestSummary> {
  const options: IngestOptions = { ...given, now: given.now ?? new Date().toISOString() };
  const summary = emptySummary(1);
  const limit = createLimiter(options.concurrency ?? 4);
  const fetchLimited = (u: string) => limit(() => fetchUrl(u, options.fetch));
  const fullDeadlineAt = Date.now() + (options.fullDeadlineMs ?? DEFAULT_FULL_DEADLINE_MS);
  await ingestOne(store, url, options, summary, { fetchLimited, fullDeadlineAt, prefetched: fetched });
  if (options.signal?.aborted) summary.interrupted = true;
  return summary;
}

/**
 * Ingests files, folders and URLs into a store. Each source is stored once read, in transactions of
 * STORE_BATCH articles (an article counts once its transaction has committed); a source that fails is
 * reported with its reason and never stops the others.
 */
export async function ingestSources(
  store: AsyncArticleStore,
  args: readonly string[],
  given: IngestOptions = {},
): Promise<IngestSummary> {
  // Node has the clock the core lacks: every date read in this batch is bounded by the time it started.
  const options: IngestOptions = { ...given, now: given.now ?? new Date().toISOString() };
  const { inputs, missing, skipped } = await listInputs(args);
  const summary: IngestSummary = {
    ...emptySummary(inputs.length + missing.length + skipped.length),
    failed: [...missing],
    skipped,
  };
  let done = 0;
  // One limit for every request of the batch: URLs given and feed item pages alike.
  const limit = createLimiter(options.concurrency ?? 4);
  const fetchLimited = (url: string) => limit(() => fetchUrl(url, options.fetch));
  const fullDeadlineAt = Date.now() + (options.fullDeadlineMs ?? DEFAULT_FULL_DEADLINE_MS);
  const { signal } = options;
  const work = runPool(inputs, options.concurrency ?? 4, async (source) => {
    if (signal?.aborted) return;
    await ingestOne(store, source, options, summary, { fetchLimited, fullDeadlineAt });
    if (signal?.aborted) return;
    done++;
    options.onProgress?.({ done, total: inputs.length, source, summary });
  });
  // Stopped: return at once with what has committed; reads still pending never reach the store.
  await (signal ? Promise.race([work, whenAborted(signal)]) : work);
  if (signal?.aborted) summary.interrupted = true;
  return summary;
}
