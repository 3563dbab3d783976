// The HTML parser's quality on ../shared/corpora/readability (Mozilla Readability's test pages): title,
// byline and language agreement with expected-metadata.json, text token-F1 against expected.html, and the
// share of pages where a publication date was found (by Gazette, and in Readability's own metadata).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../../src/formats/html/create-document';
import { parseHtml } from '../../src/formats/html/parse-html';
import { sameDate } from './date-metrics';

interface Expected {
  title?: string | null;
  byline?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*by\s+/i, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function tokens(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(t, (bag.get(t) ?? 0) + 1);
  return bag;
}

export function tokenF1(got: string, want: string): number {
  const a = tokens(got);
  const b = tokens(want);
  let overlap = 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  for (const [t, n] of a) overlap += Math.min(n, b.get(t) ?? 0);
  if (na === 0 && nb === 0) return 1;
  if (overlap === 0) return 0;
  const p = overlap / na;
  const r = overlap / nb;
  return (2 * p * r) / (p + r);
}

export interface ReadabilityReport {
  pages: number;
  title: { agree: number; of: number };
  byline: { agree: number; of: number };
  language: { agree: number; of: number };
  meanTokenF1: number;
  dated: { found: number; readability: number; of: number };
  /** Where both have a date: how often Gazette's is the same calendar day as Readability's. */
  dateAgrees: { agree: number; of: number };
  failed: number;
  msPerPage: number;
  lowF1: string[];
}

export function evaluateReadability(root: string): ReadabilityReport {
  const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'source.html')));
  let title = 0;
  let titleN = 0;
  let byline = 0;
  let bylineN = 0;
  let lang = 0;
  let langN = 0;
  let f1Sum = 0;
  let dated = 0;
  let readabilityDated = 0;
  let failed = 0;
  let dateBoth = 0;
  let dateSame = 0;
  const lowF1: string[] = [];
  const started = performance.now();
  for (const name of cases) {
    const html = readFileSync(join(root, name, 'source.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(root, name, 'expected-metadata.json'), 'utf8')) as Expected;
    const expectedDoc = createDocument(
      `<html><body>${readFileSync(join(root, name, 'expected.html'), 'utf8')}</body></html>`,
    );
    const want = expectedDoc.body?.textContent ?? '';
    if (expected.publishedTime) readabilityDated++;
    let article: ReturnType<typeof parseHtml>;
    try {
      // Readability's tests read every page as if served from this URL.
      article = parseHtml(html, { name, url: 'http://fakehost/test/page.html' });
    } catch (error) {
      failed++;
      lowF1.push(`${name} failed: ${(error as Error).message}`);
      continue;
    }
    if (expected.title) {
      titleN++;
      if (fold(article.title) === fold(expected.title)) title++;
    }
    if (expected.byline) {
      bylineN++;
      const ours = fold(article.byline.join(' '));
      const theirs = fold(expected.byline);
      // Agreement: the same people, whether written as one string or a list.
      if (ours && (ours === theirs || article.byline.every((b) => theirs.includes(fold(b))))) byline++;
    }
    if (expected.lang) {
      langN++;
      if ((article.language ?? '').toLowerCase() === expected.lang.toLowerCase()) lang++;
    }
    const f1 = tokenF1(article.body.map((b) => b.text).join('\n'), want);
    f1Sum += f1;
    if (f1 < 0.8) lowF1.push(`${name} ${f1.toFixed(2)}`);
    if (article.publishedAt) dated++;
    if (article.publishedAt && expected.publishedTime) {
      dateBoth++;
      if (sameDate(article.publishedAt, expected.publishedTime)) dateSame++;
    }
  }
  const ms = performance.now() - started;
  const n = cases.length;
  return {
    pages: n,
    title: { agree: title, of: titleN },
    byline: { agree: byline, of: bylineN },
    language: { agree: lang, of: langN },
    meanTokenF1: f1Sum / Math.max(1, n - failed),
    dated: { found: dated, readability: readabilityDated, of: n },
    dateAgrees: { agree: dateSame, of: dateBoth },
    failed,
    msPerPage: ms / n,
    lowF1,
  };
}
