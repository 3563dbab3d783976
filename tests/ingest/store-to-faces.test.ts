import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListResultSchema } from '@gazette/core/query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrintingApi } from '../api/support/start-api';
import { SITE_APP } from '../site/build-site';
import { REPO_ROOT } from '../support/paths';
import { gazette, runProcess } from '../support/run-process';

const work = mkdtempSync(join(tmpdir(), 'gazette-store-faces-'));
const db = join(work, 'news.db');

function page(i: number, title: string, author: string, date: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title} | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="${author}">
<link rel="canonical" href="https://news.example/2024/05/story-${i}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(title)},"datePublished":"${date}","author":{"@type":"Person","name":${JSON.stringify(author)}}}</script>
</head><body><header><nav><a href="/">Home</a></nav></header><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article><footer>© Example News</footer></body></html>`;
}

beforeAll(() => {
  const pages = join(work, 'pages');
  mkdirSync(pages);
  writeFileSync(
    join(pages, 'harbour.html'),
    page(1, 'Harbour bridge reopens after two-year repair', 'Ada Obi', '2024-05-02T08:00:00Z', [
      'The harbour bridge in Port Elin reopened to traffic on Thursday after a repair that took two years and cost £40m.',
      '“It is a relief for everyone who commutes,” said the mayor, Joan Hart, at the opening ceremony.',
      'Engineers replaced the deck and strengthened the piers, the city council said in a statement.',
    ]),
  );
  writeFileSync(
    join(pages, 'library.html'),
    page(2, 'Library opens its rare map collection to the public', 'Sam Reyes', '2024-05-03T10:30:00Z', [
      'The national library will open its collection of rare maps to the public for the first time next month.',
      'Curators spent three years cataloguing more than 4,000 maps, some drawn in the sixteenth century.',
      '“These maps belong to everyone,” the library’s director, Maria Lind, told reporters.',
    ]),
  );
  writeFileSync(
    join(work, 'feed.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link>
<item><title>Ferry strike called off after pay deal</title><link>https://wire.example/ferry-strike</link><pubDate>Sat, 04 May 2024 09:00:00 GMT</pubDate>
<description>Ferry workers called off a planned strike on Saturday after union leaders accepted a new pay offer from the operator.</description></item>
<item><title>City marathon draws record field of runners</title><link>https://wire.example/marathon</link><pubDate>Sun, 05 May 2024 07:00:00 GMT</pubDate>
<description>A record 12,000 runners took part in the city marathon on Sunday, organisers said, despite heavy rain in the morning.</description></item>
</channel></rss>`,
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Issue 8's promise: a folder of pages and a feed go into a store, and every face serves that store.
describe('a store made by gazette ingest is served by the CLI, the API and the site', () => {
  let titles: string[];

  it('ingests a folder of HTML pages and a feed file', { timeout: 120_000 }, async () => {
    const r = await gazette(['ingest', join(work, 'pages'), join(work, 'feed.xml'), '--db', db], {
      timeoutMs: 120_000,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/added\D*4/i);
    const list = ListResultSchema.parse(JSON.parse((await gazette(['list', '--db', db, '--json'])).stdout));
    expect(list.total).toBe(4);
    titles = list.items.map((i) => i.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Harbour bridge reopens after two-year repair',
        'City marathon draws record field of runners',
      ]),
    );
  });

  it('re-ingesting the same sources adds nothing', { timeout: 120_000 }, async () => {
    const r = await gazette(['ingest', join(work, 'pages'), join(work, 'feed.xml'), '--db', db, '--json'], {
      timeoutMs: 120_000,
    });
    expect(r.code, r.stderr).toBe(0);
    const list = ListResultSchema.parse(JSON.parse((await gazette(['list', '--db', db, '--json'])).stdout));
    expect(list.total).toBe(4);
  });

  it('serves the store through the API (GAZETTE_DB)', { timeout: 60_000 }, async () => {
    const api = await startPrintingApi([`${REPO_ROOT}apps/api/dist/node/cli.js`], { GAZETTE_DB: db });
    try {
      const list = ListResultSchema.parse(await (await fetch(`${api.url}/v1/articles?limit=10`)).json());
      expect(list.items.map((i) => i.title).sort()).toEqual([...titles].sort());
      const search = (await (await fetch(`${api.url}/v1/search?q=marathon`)).json()) as {
        total: number;
        hits: Array<{ title: string }>;
      };
      expect(search.hits[0]?.title).toBe('City marathon draws record field of runners');
    } finally {
      await api.stop();
    }
  });

  it('builds the site from the store (GAZETTE_DB)', { timeout: 240_000 }, async () => {
    const out = join(work, 'site');
    const r = await runProcess(process.execPath, [`${REPO_ROOT}node_modules/astro/bin/astro.mjs`, 'build'], {
      cwd: SITE_APP,
      env: { ...process.env, GAZETTE_DB: db, GAZETTE_SITE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
      timeoutMs: 240_000,
    });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    for (const title of titles) expect(home).toContain(title.replace(/&/g, '&amp;'));
    const list = ListResultSchema.parse(JSON.parse((await gazette(['list', '--db', db, '--json'])).stdout));
    for (const item of list.items)
      expect(existsSync(join(out, 'articles', item.slug, 'index.html')), item.slug).toBe(true);
  });
});
