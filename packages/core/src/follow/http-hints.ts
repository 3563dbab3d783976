/**
 * Scheduling hints a response carries (read from Web-standard headers, so the core can read them).
 * Cache-Control max-age says how long the answer stays fresh; Retry-After (seconds or an HTTP date) how
 * long to wait before asking again after a 429 or 503.
 */
export function maxAgeSeconds(cacheControl: string | null | undefined): number | undefined {
  if (!cacheControl) return undefined;
  if (/(?:^|,)\s*(?:no-store|no-cache)\s*(?:,|$)/i.test(cacheControl)) return undefined;
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d{1,9})"?/i.exec(cacheControl);
  return m ? Number(m[1]) : undefined;
}

/** Seconds to wait, from a Retry-After header at `now`; undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, now: string): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.round((at - Date.parse(now)) / 1000));
}
