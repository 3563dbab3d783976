import type { ServerOptions } from 'node:http';

/** Transport limits of the Node server: how much a request may send, and how slowly. */
export const NODE_SERVER_LIMITS = {
  /**
   * Request line and headers together: room for URLs well beyond the API's own limit (so those reach the
   * app, which answers 414) with ordinary headers; beyond it the request is answered 414 or 431 by
   * `answerClientError` and its connection closed.
   */
  maxHeaderBytes: 32 * 1024,
  /** Time to send the request line and headers: a client trickling them is cut off (408). */
  headersTimeoutMs: 10_000,
  /** Time to send the whole request, body included (bodies are at most `maxBodyBytes`). */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** On SIGTERM/SIGINT, requests in flight get this long to finish before every connection is closed. */
  shutdownGraceMs: 10_000,
  /**
   * Open connections at once; a connection beyond it is closed as soon as it is accepted. Well under the
   * descriptors a process may hold, and well above the queries that may wait (below), so that past that
   * line /healthz and cached reads still get through.
   */
  maxConnections: 1024,
  /**
   * Queries waiting for their turn (see Turns); one more is answered 503 with Retry-After at once. At the
   * worst query's ~30 ms, a full line is ~8 s of work; ordinary uncached searches take well under 1 ms.
   */
  maxQueuedQueries: 256,
  /** The Retry-After of that 503, in seconds. */
  busyRetryAfterSeconds: 1,
} as const;

/** `n` when it is a whole number of at least 1 (a limit given as an option), else a RangeError naming it. */
export function atLeastOne(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`${name} must be a whole number of at least 1 (got ${n}).`);
  return n;
}

/** node:http options enforcing NODE_SERVER_LIMITS. */
export const NODE_SERVER_OPTIONS: ServerOptions = {
  maxHeaderSize: NODE_SERVER_LIMITS.maxHeaderBytes,
  headersTimeout: NODE_SERVER_LIMITS.headersTimeoutMs,
  requestTimeout: NODE_SERVER_LIMITS.requestTimeoutMs,
  keepAliveTimeout: NODE_SERVER_LIMITS.keepAliveTimeoutMs,
  // How often the timeouts above are checked (Node's default, 30 s, would let a slow client overstay).
  connectionsCheckingInterval: 1_000,
};
