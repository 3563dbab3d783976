import { GazetteError } from '../errors/gazette-error';
import { type Fetched, type FetchOptions, fetchUrl } from './fetch-url';
import { createRobotsCheck } from './robots-check';
import { createLimiter } from './run-pool';

/** How a poller asks the web: one request at a time per host, a limit overall, robots.txt for pages. */
export interface PoliteFetch {
  /** Runs `fn` (a request to `url`) in its host's turn and within the overall limit. */
  politely<T>(url: string, fn: () => Promise<T>): Promise<T>;
  /** A --full item page: refused when robots.txt disallows it, else fetched politely. */
  fetchPage(url: string): Promise<Fetched>;
}

export function politeFetch(options: {
  concurrency: number;
  clock: () => string;
  fetch?: FetchOptions | undefined;
  pageTimeoutMs: number;
}): PoliteFetch {
  const overall = createLimiter(options.concurrency);
  // A host's turn is kept only while someone uses or waits for it: the map holds the hosts in flight,
  // not every host a long watch has met.
  const hosts = new Map<string, { limit: ReturnType<typeof createLimiter>; users: number }>();
  const politely = async <T>(url: string, fn: () => Promise<T>): Promise<T> => {
    const host = new URL(url).host;
    let turn = hosts.get(host);
    if (!turn) {
      turn = { limit: createLimiter(1), users: 0 };
      hosts.set(host, turn);
    }
    turn.users++;
    try {
      return await turn.limit(() => overall(fn));
    } finally {
      if (--turn.users === 0) hosts.delete(host);
    }
  };
  const robotsAllow = createRobotsCheck(() => Date.parse(options.clock()), options.fetch);
  const fetchPage = async (url: string) => {
    if (!(await robotsAllow(url)))
      throw new GazetteError(
        'FETCH_FAILED',
        `Not fetched: robots.txt of ${new URL(url).host} disallows ${url}.`,
        {
          where: url,
        },
      );
    return politely(url, () => fetchUrl(url, { ...options.fetch, timeoutMs: options.pageTimeoutMs }));
  };
  return { politely, fetchPage };
}
