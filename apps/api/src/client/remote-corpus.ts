import type { z } from 'zod';
import { checkedGet, DEFAULT_TIMEOUT_MS, type FetchOptions } from './checked-get';
import { encodeQuery } from './query-codec';
import { READ_ROUTES, type ReadFunctions, type ReadName, type ReadRoute, takesId } from './read-routes';
import { RemoteError } from './remote-error';

/** The corpus's read functions over HTTP: the same calls as a local corpus, each answering a promise. */
export type RemoteCorpus = {
  readonly [K in ReadName]: (...args: Parameters<ReadFunctions[K]>) => Promise<ReturnType<ReadFunctions[K]>>;
} & {
  /** The API's base URL, as normalised (no trailing slash). */
  readonly url: string;
};

export type RemoteOptions = FetchOptions;
export { DEFAULT_TIMEOUT_MS };

/** Checks and normalises an API base URL (a path prefix is kept). */
export function apiBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RemoteError(`A Gazette API URL looks like http://localhost:8787; got "${raw}".`, raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RemoteError(`A Gazette API URL must be http or https; got "${raw}".`, raw);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * A Gazette API at `base`, called as a corpus is: `await remote.search({ q: 'budget' })`. Routes and
 * parameters come from the API's own table and query codec; every reply is checked against the core's
 * result schema (the server at the URL may not be a Gazette API, or another version). Runtime-agnostic:
 * fetch only. Failures are RemoteErrors saying which: unreachable, timeout, an API error, not a Gazette API.
 */
export function remoteCorpus(base: string | URL, options: RemoteOptions = {}): RemoteCorpus {
  const root = typeof base === 'string' ? apiBaseUrl(base) : base;
  const get = checkedGet(root, options);

  /** The URL of a read: its path (the id encoded into it) under the base, its params as the query. */
  function urlOf(route: ReadRoute, id: string | undefined, params: object | undefined): URL {
    const path = route.path.slice(1).replace('{id}', encodeURIComponent(id ?? ''));
    const url = new URL(path, root);
    if (route.params) url.search = encodeQuery(route.params, params).toString();
    return url;
  }

  const remote: Record<string, unknown> = { url: root.href.replace(/\/$/, '') };
  for (const name of Object.keys(READ_ROUTES) as ReadName[]) {
    const route: ReadRoute = READ_ROUTES[name];
    remote[name] = async (...args: unknown[]) => {
      const id = takesId(route) ? String(args.shift() ?? '') : undefined;
      // An empty id names nothing (and would name the list route): as the corpus, nothing is found.
      if (id === '' && route.mayBeMissing) return undefined;
      return get(urlOf(route, id, args[0] as object | undefined), route.result as z.ZodType, {
        mayBeMissing: Boolean(route.mayBeMissing),
      });
    };
  }
  return remote as RemoteCorpus;
}
