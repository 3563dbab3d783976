import { createClient } from '@gazette/api/client';
import {
  type Article,
  type ArticleFilters,
  ArticleSchema,
  EntityListResultSchema,
  ListResultSchema,
  QuoteListResultSchema,
  RelatedResultSchema,
  SearchResultSchema,
} from '@gazette/core/query';
import type { z } from 'zod';
import type { GazetteSource } from './gazette-source';
import { MAX_REPLY_BYTES, ReplyTooLarge, readReplyText } from './read-reply';
import { RemoteError } from './remote-error';

/** Query strings as the API's routes take them: flat, every value a string. */
type Query = Record<string, string>;

// Filters travel as plain query parameters (`?source=BBC&entity=…`), lists comma-separated (`facets=a,b`).
function toQuery(params: object): Query {
  const { filters, ...rest } = params as { filters?: ArticleFilters } & Record<string, unknown>;
  const query: Query = {};
  for (const [key, value] of Object.entries({ ...rest, ...(filters ?? {}) })) {
    if (value === undefined) continue;
    query[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return query;
}

/** Checks and normalises an API base URL given on the command line. */
export function apiBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RemoteError(`--api needs a URL such as http://localhost:8787; got "${raw}".`, raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RemoteError(`--api needs an http or https URL; got "${raw}".`, raw);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Per-request options of the typed client: here, the transport (which records the URL it was asked for). */
type RequestOptions = { fetch: typeof fetch };

/**
 * A Gazette API over HTTP, through the API's typed client (`@gazette/api/client`, Hono's `hc`): routes and
 * parameters are checked against the API's own types at build time, and every reply is checked against the
 * core's result schemas at run time (the server at the URL may not be a Gazette API, or another version).
 */
export function remoteSource(
  base: string | URL,
  options: { fetch?: typeof fetch; timeoutMs?: number; maxBytes?: number } = {},
): GazetteSource {
  const root = typeof base === 'string' ? apiBaseUrl(base) : base;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? MAX_REPLY_BYTES;
  const client = createClient(root.href.replace(/\/$/, ''), { headers: { accept: 'application/json' } });

  async function call<T>(
    send: (options: RequestOptions) => Promise<Response>,
    schema: z.ZodType<T>,
    allow404 = false,
  ): Promise<T | undefined> {
    let url = root.href;
    // One deadline for the whole exchange, the body included: a server that trickles is a timeout too.
    const signal = AbortSignal.timeout(timeoutMs);
    const transport: typeof fetch = (input, init) => {
      url = input instanceof Request ? input.url : String(input);
      return doFetch(input, { ...init, signal });
    };
    let response: Response;
    try {
      response = await send({ fetch: transport });
    } catch (error) {
      const why = (error as Error)?.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'unreachable';
      throw new RemoteError(`The Gazette API at ${root.origin} is ${why} (${new URL(url).pathname}).`, url);
    }
    const path = new URL(url).pathname;
    if (allow404 && response.status === 404) {
      await response.body?.cancel().catch(() => {});
      return undefined;
    }
    const body = await readBody(response, signal, url);
    if (!response.ok) {
      const detail = (body as { detail?: unknown; title?: unknown } | undefined) ?? {};
      const text =
        typeof detail.detail === 'string'
          ? detail.detail
          : typeof detail.title === 'string'
            ? detail.title
            : '';
      throw new RemoteError(
        `The Gazette API answered ${response.status} for ${path}${text ? `: ${text}` : ''}.`,
        url,
        response.status,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new RemoteError(
        `The reply from ${path} is not a Gazette result (${parsed.error.issues[0]?.path.join('.') || 'shape'}: ${parsed.error.issues[0]?.message}). Is ${root.href} a Gazette API?`,
        url,
        response.status,
      );
    return parsed.data;
  }

  /** The reply as JSON (undefined when it is not JSON); a reply too long or too slow is an error of its own. */
  async function readBody(response: Response, signal: AbortSignal, url: string): Promise<unknown> {
    const path = new URL(url).pathname;
    let text: string;
    try {
      text = await readReplyText(response, maxBytes);
    } catch (error) {
      if (error instanceof ReplyTooLarge)
        throw new RemoteError(
          `The reply from ${path} is ${error.message}; is ${root.href} a Gazette API?`,
          url,
          response.status,
        );
      const why = signal.aborted ? `sent no complete answer in ${timeoutMs} ms` : 'broke off its answer';
      throw new RemoteError(`The Gazette API at ${root.origin} ${why} (${path}).`, url, response.status);
    }
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  const must = <T>(value: T | undefined): T => value as T;
  const v1 = client.v1;

  return {
    label: root.href.replace(/\/$/, ''),
    list: async (params = {}) =>
      must(await call((o) => v1.articles.$get({ query: toQuery(params) }, o), ListResultSchema)),
    search: async (params) =>
      must(
        await call(
          (o) => v1.search.$get({ query: toQuery(params) as Query & { q: string } }, o),
          SearchResultSchema,
        ),
      ),
    // The client puts path parameters in the URL as given: encoded here ("" would name the list route).
    get: async (idOrSlug) =>
      idOrSlug
        ? ((await call(
            (o) => v1.articles[':id'].$get({ param: { id: encodeURIComponent(idOrSlug) } }, o),
            ArticleSchema,
            true,
          )) as Article | undefined)
        : undefined,
    related: async (idOrSlug) =>
      must(
        await call(
          (o) =>
            v1.articles[':id'].related.$get(
              { param: { id: encodeURIComponent(idOrSlug) || '-' }, query: {} },
              o,
            ),
          RelatedResultSchema,
        ),
      ),
    entities: async (params = {}) =>
      must(await call((o) => v1.entities.$get({ query: toQuery(params) }, o), EntityListResultSchema)),
    quotes: async (params = {}) =>
      must(await call((o) => v1.quotes.$get({ query: toQuery(params) }, o), QuoteListResultSchema)),
  };
}
