import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestSources } from './ingest-sources';
import { openSqliteStore } from './sqlite-store';
import { asyncOf } from '../../test-support/async-of';

const dir = mkdtempSync(join(tmpdir(), 'gazette-ingest-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two years from the real clock: ingest bounds dates by its own start time when no `now` is given.
const ahead = `${new Date().getUTCFullYear() + 2}-01-01T00:00:00Z`;

describe('ingestSources bounds every date by the ingest time', () => {
  it('stores a feed item, a JSON line and a page dated after the ingest (or a placeholder) undated, or with their next date', async () => {
    const feed = join(dir, 'feed.xml');
    writeFileSync(
      feed,
      `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<item><title>Ahead</title><link>https://x.example/ahead</link><pubDate>${new Date(ahead).toUTCString()}</pubDate><description>Dated after the ingest.</description></item>
<item><title>Placeholder</title><link>https://x.example/zero</link><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate><dc:date>2024-05-06T07:00:00Z</dc:date><description>A placeholder, then a real date.</description></item>
</channel></rss>`,
    );
    const ndjson = join(dir, 'lines.ndjson');
    writeFileSync(
      ndjson,
      `${JSON.stringify({ title: 'Line', url: 'https://x.example/line', body: 'A line from an export.', publishedAt: ahead, date: '2024-02-03' })}\n`,
    );
    const html = join(dir, 'page.html');
    writeFileSync(
      html,
      `<!doctype html><html lang="en"><head><title>Page</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: '0001-01-01T00:00:00Z', dateModified: ahead })}</script></head><body><article><p>The page body says the council met and voted on the bridge late at night.</p></article></body></html>`,
    );
    const store = openSqliteStore(join(dir, 'dates.db'));
    try {
      const summary = await ingestSources(asyncOf(store), [feed, ndjson, html]);
      expect(summary.failed).toEqual([]);
      const byTitle = new Map(store.list().map((a) => [a.title, a]));
      expect(byTitle.get('Ahead')?.publishedAt).toBeUndefined();
      expect(byTitle.get('Ahead')?.quality).toContain('no-date');
      expect(byTitle.get('Placeholder')?.publishedAt).toBe('2024-05-06T07:00:00Z');
      expect(byTitle.get('Line')?.publishedAt).toBe('2024-02-03');
      expect(byTitle.get('Page')?.publishedAt).toBeUndefined();
      expect(byTitle.get('Page')?.updatedAt).toBeUndefined();
      // A caller may give the ingest time: a date is refused only when over a day after it.
      const later = await ingestSources(asyncOf(store), [ndjson], {
        now: `${new Date().getUTCFullYear() + 3}-01-01T00:00:00Z`,
      });
      expect(later.updated).toBe(1);
      expect(store.get(byTitle.get('Line')!.id)?.publishedAt).toBe(ahead);
    } finally {
      store.close();
    }
  }, 30_000);
});
