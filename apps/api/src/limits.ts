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
