import { GazetteError } from '../errors/gazette-error';

/**
 * What a date found in an input must satisfy to be taken as the article's publication or update date.
 * Sites write placeholders where they have no date ("0001-01-01T00:00:00Z", the Unix epoch) and clocks
 * run wrong; such a date is refused and the next source of the date is read instead.
 */
export const DATE_LIMITS = {
  /** No news article is dated before this year: earlier dates are placeholders or typos. */
  earliestYear: 1800,
  /** How far past the fetch (or ingest) time a date may be: one day, for time zones and clock skew. */
  maxAheadMs: 86_400_000,
} as const;

/**
 * The fetch or ingest time given by a caller (the core has no clock), as milliseconds; undefined when
 * none is given, so that only the absolute rules apply.
 */
export function readNow(now: string | undefined): number | undefined {
  if (now === undefined) return undefined;
  const ms = Date.parse(now);
  if (Number.isNaN(ms))
    throw new GazetteError(
      'INVALID_PARAMS',
      `"now" must be an ISO 8601 date and time (the fetch or ingest time); got "${String(now).slice(0, 40)}".`,
      { where: 'now' },
    );
  return ms;
}

/** The Unix epoch written as a date (1970-01-01, 1970-01-01T00:00:00, …Z, +00:00): a zero timestamp, not a day. */
const EPOCH = /^1970-01-01(?:T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/;

/**
 * Whether an ISO 8601 date (as normalizeDate writes it) can be an article's date: from 1800 on, not the
 * Unix epoch, and (when `now` is known) at most a day after it.
 */
export function isPlausibleDate(iso: string, now?: string): boolean {
  const year = Number(iso.slice(0, 4));
  if (!/^\d{4}-/.test(iso) || year < DATE_LIMITS.earliestYear) return false;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms) || ms === 0 || EPOCH.test(iso)) return false;
  const nowMs = readNow(now);
  return nowMs === undefined || ms <= nowMs + DATE_LIMITS.maxAheadMs;
}
