const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};
const AGO = /^(\d{1,3}|an?|one)\s+(second|minute|hour|day|week)s?\s+ago$/iu;
const MIN = /^(\d{1,3})\s*(mins?|hrs?|h|m|d)\s+ago$/iu;
const SHORT: Record<string, string> = {
  min: 'minute',
  mins: 'minute',
  m: 'minute',
  hr: 'hour',
  hrs: 'hour',
  h: 'hour',
  d: 'day',
};

/**
 * A relative date as pages print it ("3 hours ago", "a day ago", "5 mins ago"), resolved against `now`
 * (the fetch or ingest time, ISO 8601): the core has no clock. Returns undefined when the text is not a
 * relative date, and "" when it is one but cannot be resolved (no `now`): a date is never invented.
 * Days and weeks give a calendar day (the day of `now` as written, minus them); shorter spans a time.
 */
export function relativeDate(text: string, now?: string): string | undefined {
  const long = AGO.exec(text.trim());
  const short = long ? undefined : MIN.exec(text.trim());
  const m = long ?? short;
  if (!m) return undefined;
  const count = /^\d/.test(m[1]!) ? Number(m[1]) : 1;
  const unit = long ? m[2]!.toLowerCase() : SHORT[m[2]!.toLowerCase()]!;
  const at = now ? Date.parse(now) : Number.NaN;
  if (Number.isNaN(at)) return '';
  if (unit === 'day' || unit === 'week') {
    const day = Date.parse(`${now!.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(day)) return '';
    return new Date(day - count * UNIT_MS[unit]!).toISOString().slice(0, 10);
  }
  return new Date(at - count * UNIT_MS[unit]!).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
