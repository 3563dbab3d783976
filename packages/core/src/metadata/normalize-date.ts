import { IsoDateSchema } from '../model/article-schema';
import { datesInText } from './date-in-text';
import type { NumericReading } from './date-order';
import { isPlausibleDate } from './plausible-date';

/**
 * Reads a date as pages and feeds write it (ISO 8601, RFC 822, "May 17, 2023") into ISO 8601.
 * Returns undefined for anything it cannot read for certain (a date is never invented), and for a date
 * that cannot be the article's (a placeholder such as 0001-01-01, or after `now`: see isPlausibleDate),
 * so that the caller reads its next source. An all-number date ("03/04/2024") is read only as `reading`
 * (the page's date order) settles it.
 */
export function normalizeDate(
  raw: string | undefined | null,
  now?: string,
  reading?: NumericReading,
): string | undefined {
  const date = readDate(raw, reading);
  return date && isPlausibleDate(date, now) ? date : undefined;
}

/** The date as written, in ISO 8601, whether or not it can be an article's (normalizeDate checks that). */
export function readDate(raw: string | undefined | null, reading?: NumericReading): string | undefined {
  if (!raw) return undefined;
  const value = String(raw).trim();
  if (!value || value.length > 64) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return IsoDateSchema.safeParse(value).success ? value : undefined;
  // "20240306", as some meta tags write the day: basic ISO 8601, read only when it is a real day.
  const basic = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(value);
  if (basic) return readDate(`${basic[1]}-${basic[2]}-${basic[3]}`);
  // ISO with a time: keep the writer's offset when valid ("+0100" and "+01" are "+01:00").
  const iso = value
    .replace(' ', 'T')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
    .replace(/(?<=T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-]\d{2})$/, ':00');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) {
    const withSeconds = iso.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=$|[Z+-])/, '$1:00');
    if (IsoDateSchema.safeParse(withSeconds).success && !Number.isNaN(Date.parse(withSeconds)))
      return withSeconds;
  }
  return readWrittenDate(value, reading);
}

// Zones Date.parse knows by name, in minutes east of UTC.
const ZONES: Record<string, number> = {
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** The UTC offset written after a time ("+0200", "GMT+01:00", "EST"), as "+02:00" ("Z" for GMT, UTC); else undefined. */
function writtenOffset(rest: string): string | undefined {
  const numeric = /(?:GMT|UTC)?(?<!\s)\s*([+-])(\d{2}):?(\d{2})(?!\d)/.exec(rest);
  if (numeric) return `${numeric[1]}${numeric[2]}:${numeric[3]}`;
  if (/\b(?:GMT|UTC|UT)\b|^\s*Z\b/.test(rest)) return 'Z';
  const named = /\b([ECMP][SD]T)\b/.exec(rest);
  const minutes = named ? ZONES[named[1] as string] : undefined;
  if (minutes === undefined) return undefined;
  const h = String(Math.abs(minutes) / 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${h}:00`;
}

/**
 * A date written in words or numbers ("Wed, 06 Mar 2024 01:00:00 +0200", "6 mars 2024", "May 17, 2023"),
 * in ISO 8601 as written: the day and time the writer gave, with the writer's offset when one is given,
 * never converted to UTC (which could move the article to the day before or after the one it shows).
 */
function readWrittenDate(value: string, reading: NumericReading = {}): string | undefined {
  const [found] = datesInText(value, reading);
  if (!found) return undefined;
  if (!found.time) return found.date;
  const offset = writtenOffset(value.slice(found.end));
  return `${found.date}T${found.time}${offset ?? ''}`;
}

// "/2024/mar/06/" (the Guardian's paths): English month names, three letters or whole.
const URL_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const URL_MONTH_WORD =
  /\/((?:19|20)\d{2})\/(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\/(0?[1-9]|[12]\d|3[01])\//i;

/** Year, month and day as a URL path writes them, month and day two digits (or undefined). */
function urlDateParts(path: string): [string, string, string] | undefined {
  const m =
    /[/_-]((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)/.exec(path) ??
    // "/2024/3/6/": unpadded, only between slashes (a folder per day).
    /\/((?:19|20)\d{2})\/([1-9]|1[0-2])\/([1-9]|[12]\d|3[01])\//.exec(path);
  if (m) return [m[1]!, m[2]!.padStart(2, '0'), m[3]!.padStart(2, '0')];
  const w = URL_MONTH_WORD.exec(path);
  if (!w) return undefined;
  const month = URL_MONTHS.indexOf(w[2]!.slice(0, 3).toLowerCase()) + 1;
  return [w[1]!, String(month).padStart(2, '0'), w[3]!.padStart(2, '0')];
}

/**
 * A date in a URL path (/2023/05/17/, /2023-05-17-, story-2023-05-17.html, /20230517/, /2023/5/17/,
 * /2023/may/17/), checked to be a real day, not after `now`. A path with a year and month but no day
 * gives none: a day is never invented.
 */
export function dateFromUrl(url: string | undefined, now?: string): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const parts = urlDateParts(path);
  if (!parts) return undefined;
  const date = parts.join('-');
  const d = new Date(`${date}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === date && isPlausibleDate(date, now) ? date : undefined;
}

/**
 * The year and month a URL path files its page under ("/2024/03/", or any date dateFromUrl reads) as
 * "2024-03", or undefined: it settles the order of an all-number date of that month (see settleNumeric).
 */
export function monthFromUrl(url: string | undefined, now?: string): string | undefined {
  const day = dateFromUrl(url, now);
  if (day) return day.slice(0, 7);
  let path: string;
  try {
    path = new URL(url ?? '').pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//.exec(path);
  return m ? `${m[1]}-${m[2]}` : undefined;
}
