// Publication dates on ../shared/corpora/readability: precision, recall and F1 of publishedAt by calendar
// day, against the pages whose expected-metadata.json gives a publishedTime (the day as the page writes it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../src/formats/html/parse-html';

export interface DateReport {
  /** Pages whose expected metadata gives a publication date. */
  truth: number;
  /** Of those, pages where Gazette gave a date. */
  found: number;
  /** Of those, pages where Gazette's date is the expected day. */
  sameDay: number;
  precision: number;
  recall: number;
  f1: number;
  /** Pages without an expected date where Gazette gave one (no truth to score them by). */
  datedWithoutTruth: number;
  /** "page: got X, expected Y" for every miss. */
  misses: string[];
}

/** The day a date is written for, as written (never converted to UTC). */
const dayOf = (iso: string) => iso.trim().slice(0, 10);
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Whether Gazette's date agrees with the expected one: the same day as written, or the same instant
 * when both give a time with a zone (Readability copies a UTC meta time, "2018-06-12T23:00:00Z", that
 * Gazette writes in the offset of the day the page shows, "2018-06-13T00:00:00+01:00").
 */
export function sameDate(got: string, expected: string): boolean {
  if (dayOf(got) === dayOf(expected)) return true;
  const [a, b] = [got.trim(), expected.trim()];
  return ZONED.test(a) && ZONED.test(b) && Date.parse(a) === Date.parse(b);
}

export function evaluateDates(root: string): DateReport {
  const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'source.html')));
  let truth = 0;
  let found = 0;
  let sameDay = 0;
  let datedWithoutTruth = 0;
  const misses: string[] = [];
  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected-metadata.json'), 'utf8')) as {
      publishedTime?: string | null;
    };
    const html = readFileSync(join(root, name, 'source.html'), 'utf8');
    // Readability's tests read every page as if served from this URL.
    const got = parseHtml(html, { name, url: 'http://fakehost/test/page.html' }).publishedAt;
    if (!expected.publishedTime) {
      if (got) datedWithoutTruth++;
      continue;
    }
    truth++;
    if (got) found++;
    if (got && sameDate(got, expected.publishedTime)) sameDay++;
    else misses.push(`${name}: got ${got ?? 'none'}, expected ${expected.publishedTime}`);
  }
  const precision = sameDay / Math.max(1, found);
  const recall = sameDay / Math.max(1, truth);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { truth, found, sameDay, precision, recall, f1, datedWithoutTruth, misses };
}
