import type { z } from 'zod';
import { encodeQuery } from './query-codec';
import { MAX_REPLY_BYTES, ReplyTooLarge, readReplyText } from './read-reply';
import { READ_ROUTES, type ReadFunctions, type ReadName, type ReadRoute, takesId } from './read-routes';
import { RemoteError } from './remote-error';

/** The corpus's read functions over HTTP: the same calls as a local corpus, each answering a promise. */
export type RemoteCorpus = {
  readonly [K in ReadName]: (...args: Parameters<ReadFunctions[K]>) => Promise<ReturnType<ReadFunctions[K]>>;
} & {
  /** The API's base URL, as normalised (no trailing slash). */
  readonly url: string;
};

export interface RemoteOptions {
  /** The transport; the global fetch by default (a test may pass `app.request`). */
  fetch?: typeof fetch;
  /** One deadline per call, the body included: a server that trickles its answer times out too. */
  timeoutMs?: number;
  /** The largest reply read, in bytes as decoded (after gzip). */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

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

/** What a problem reply says (`detail`, else `title`), or nothing. */
function problemText(body: unknown): string {
  const { detail, title } = (body ?? {}) as { detail?: unknown; title?: unknown };
  return typeof detail === 'string' ? detail : typeof title === 'string' ? title : '';
}

/**
 * A Gazette API at `base`, called as a corpus is: `await remote.search({ q: 'budget' })`. Routes and
 * parameters come from the API's own table and query codec; every reply is checked against the core's
 * result schema (the server at the URL may not be a Gazette API, or another version). Runtime-agnostic:
 * fetch only. Failures are RemoteErrors saying which: unreachable, timeout, an API error, not a Gazette API.
 */
export function remoteCorpus(base: string | URL, options: RemoteOptions = {}): RemoteCorpus {
  const root = typeof base === 'string' ? apiBaseUrl(base) : base;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_REPLY_BYTES;

  /** The reply as JSON (undefined when it is not JSON); a reply too long or too slow is an error of its own. */
  async function readBody(response: Response, signal: AbortSignal, url: URL): Promise<unknown> {
    let text: string;
    try {
      text = await readReplyText(response, maxBytes);
    } catch (error) {
      if (error instanceof ReplyTooLarge)
        throw new RemoteError(
          `The reply from ${url.pathname} is ${error.message}; is ${root.href} a Gazette API?`,
          url.href,
          response.status,
        );
      const why = signal.aborted ? `sent no complete answer in ${timeoutMs} ms` : 'broke off its answer';
      throw new RemoteError(
        `The Gazette API at ${root.origin} ${why} (${url.pathname}).`,
        url.href,
        response.status,
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  async function call(route: ReadRoute, url: URL): Promise<unknown> {
    // One deadline for the whole exchange, the body included.
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await doFetch(url, { headers: { accept: 'application/json' }, signal });
    } catch (error) {
      const why = (error as Error)?.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'unreachable';
      throw new RemoteError(`The Gazette API at ${root.origin} is ${why} (${url.pathname}).`, url.href);
    }
    if (route.mayBeMissing && response.status === 404) {
      await response.body?.cancel().catch(() => {});
      return undefined;
    }
    const body = await readBody(response, signal, url);
    if (!response.ok) {
      const text = problemText(body);
      throw new RemoteError(
        `The Gazette API answered ${response.status} for ${url.pathname}${text ? `: ${text}` : ''}.`,
        url.href,
        response.status,
      );
    }
    const parsed = (route.result as z.ZodType).safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RemoteError(
        `The reply from ${url.pathname} is not a Gazette result (${issue?.path.join('.') || 'shape'}: ${issue?.message}). Is ${root.href} a Gazette API?`,
        url.href,
        response.status,
      );
    }
    return parsed.data;
  }

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
      return call(route, urlOf(route, id, args[0] as object | undefined));
    };
  }
  return remote as RemoteCorpus;
}
