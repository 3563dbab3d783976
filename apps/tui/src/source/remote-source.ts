import {
  type Article,
  ArticleSchema,
  type ArticleFilters,
  EntityListResultSchema,
  ListResultSchema,
  QuoteListResultSchema,
  RelatedResultSchema,
  SearchResultSchema,
} from '@gazette/core';
import type { z } from 'zod';
import type { GazetteSource } from './gazette-source';
import { RemoteError } from './remote-error';

type Query = Record<string, string | number | readonly string[] | undefined>;

// Filters travel as plain query parameters (`?source=BBC&entity=…`), as the API's routes take them.
function flatten(params: object): Query {
  const { filters, ...rest } = params as { filters?: ArticleFilters } & Query;
  return { ...rest, ...(filters ?? {}) };
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

/**
 * A Gazette API over HTTP (the `/v1` routes), every reply checked against the core's result schemas.
 * Written against the documented routes with fetch; the API's typed client can replace `call` unchanged.
 */
export function remoteSource(
  base: string | URL,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): GazetteSource {
  const root = typeof base === 'string' ? apiBaseUrl(base) : base;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call<T>(
    path: string,
    query: Query,
    schema: z.ZodType<T>,
    allow404 = false,
  ): Promise<T | undefined> {
    const url = new URL(`v1/${path}`, root);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const why = (error as Error)?.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'unreachable';
      throw new RemoteError(`The Gazette API at ${root.origin} is ${why} (${url.pathname}).`, url.href);
    }
    if (allow404 && response.status === 404) return undefined;
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const detail = (body as { detail?: unknown; title?: unknown } | undefined) ?? {};
      const text =
        typeof detail.detail === 'string'
          ? detail.detail
          : typeof detail.title === 'string'
            ? detail.title
            : '';
      throw new RemoteError(
        `The Gazette API answered ${response.status} for ${url.pathname}${text ? `: ${text}` : ''}.`,
        url.href,
        response.status,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new RemoteError(
        `The reply from ${url.pathname} is not a Gazette result (${parsed.error.issues[0]?.path.join('.') || 'shape'}: ${parsed.error.issues[0]?.message}). Is ${root.href} a Gazette API?`,
        url.href,
        response.status,
      );
    return parsed.data;
  }

  const must = <T>(value: T | undefined): T => value as T;
  const id = encodeURIComponent;

  return {
    label: root.href.replace(/\/$/, ''),
    list: async (params = {}) => must(await call('articles', flatten(params), ListResultSchema)),
    search: async (params) => must(await call('search', flatten(params), SearchResultSchema)),
    get: async (idOrSlug) =>
      (await call(`articles/${id(idOrSlug)}`, {}, ArticleSchema, true)) as Article | undefined,
    related: async (idOrSlug) =>
      must(await call(`articles/${id(idOrSlug)}/related`, {}, RelatedResultSchema)),
    entities: async (params = {}) => must(await call('entities', params as Query, EntityListResultSchema)),
    quotes: async (params = {}) => must(await call('quotes', params as Query, QuoteListResultSchema)),
  };
}
