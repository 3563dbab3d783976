import { QUERY_LIMITS } from '@gazette/core/query';

/** Transport limits of the HTTP API; the query limits themselves (q length, page size, cursor) are the core's. */
export const API_LIMITS = {
  /** Longest request target (path + query) accepted: beyond it, 414. */
  maxUrlLength: 4096,
  /** Largest JSON body accepted by POST /v1/search: beyond it, 413. */
  maxBodyBytes: 16 * 1024,
  /** Most terms in one search query once parsed: the core's limit (its params schema checks it). */
  maxQueryTerms: QUERY_LIMITS.maxQueryTerms,
  maxQueryLength: QUERY_LIMITS.maxQueryLength,
  maxLimit: QUERY_LIMITS.maxLimit,
  defaultLimit: QUERY_LIMITS.defaultLimit,
  maxCursorLength: QUERY_LIMITS.maxCursorLength,
} as const;

/** How long shared caches and browsers may reuse a read; corpora change rarely, so a minute is safe. */
export const READ_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/**
 * A live corpus's reads: any cache may keep them but must ask again each time (a 304 when the ETag still
 * holds), since a new article may change any of them within a second.
 */
export const LIVE_READ_CACHE_CONTROL = 'public, no-cache';

/** The bounds of `GET /v1/stream` (Server-Sent Events); `createApp({ streams })` may lower them (tests do). */
export const STREAM_LIMITS = {
  /** Streams open at once per server: one more is answered 429. */
  maxStreams: 100,
  /** A comment line this often, so proxies and clients know the stream is alive. */
  heartbeatMs: 15_000,
  /** A stream is closed after this long (with `retry:`), so no connection is held for ever; the client reconnects. */
  maxDurationMs: 30 * 60_000,
  /** The reconnection delay a stream tells its client (`retry:`). */
  retryMs: 2_000,
  /** A client that takes longer than this to take one event is dropped: the server keeps no queue for it. */
  writeTimeoutMs: 30_000,
  /** At most this many changes are replayed to a client resuming (Last-Event-ID, `since`); older are skipped. */
  maxResumeChanges: 1_000,
};
export type StreamLimits = typeof STREAM_LIMITS;
