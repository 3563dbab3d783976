import { IsoDateSchema } from '../model/article-schema';
import { isPlausibleDate } from './plausible-date';

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';

/**
 * Reads a date as pages and feeds write it (ISO 8601, RFC 822, "May 17, 2023") into ISO 8601.
 * Returns undefined for anything it cannot read for certain (a date is never invented), and for a date
 * that cannot be the article's (a placeholder such as 0001-01-01, or after `now`: see isPlausibleDate),
 * so that the caller reads its next source.
 */
export function normalizeDate(raw: string | undefined | null, now?: string): string | undefined {
  const date = readDate(raw);
  return date && isPlausibleDate(date, now) ? date : undefined;
}

/** The date as written, in ISO 8601, whether or not it can be an article's (normalizeDate checks that). */
export function readDate(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const value = String(raw).trim();
  if (!value || value.length > 64) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return IsoDateSchema.safeParse(value).success ? value : undefined;
  // ISO with a time: keep the writer's offset when valid, else let Date read it.
  const iso = value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) {
    const withSeconds = iso.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=$|[Z+-])/, '$1:00');
    if (IsoDateSchema.safeParse(withSeconds).success && !Number.isNaN(Date.parse(withSeconds)))
      return withSeconds;
  }
  // RFC 822 / 1123 and "Month D, YYYY": only with a year and a month name, so "3/4/05" is not guessed.
  if (new RegExp(`\\b(${MONTHS})[a-z]*\\b`, 'i').test(value) && /\b\d{4}\b/.test(value)) {
    const ms = Date.parse(value.replace(/\b(at|on)\b/gi, ' '));
    if (!Number.isNaN(ms)) {
      const hasTime = /\d{1,2}:\d{2}/.test(value);
      const d = new Date(ms);
      // Date reads the year 0001 of a placeholder ("Mon, 01 Jan 0001") as 2001: keep the year written.
      const ancient = /(?:^|[\s,])(00\d\d)(?=$|[\s,])/.exec(value);
      if (ancient) d.setFullYear(Number(ancient[1]));
      if (!hasTime) {
        // A calendar date without a time: read it as written, not shifted to UTC.
        const y = String(d.getFullYear()).padStart(4, '0');
        const m = String(d.getMonth() + 1).padStart(2, '0');
        const day = String(d.getDate()).padStart(2, '0');
        return `${y}-${m}-${day}`;
      }
      return d.toISOString();
    }
  }
  return undefined;
}

/** A date in a URL path (/2023/05/17/, /2023-05-17-, /20230517/), checked to be a real day, not after `now`. */
export function dateFromUrl(url: string | undefined, now?: string): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m =
    /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)/.exec(path);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${date}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === date && isPlausibleDate(date, now) ? date : undefined;
}
