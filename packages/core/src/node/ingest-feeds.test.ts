import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_CORPORA, SHARED_MISSING } from '../../test-support/shared-corpora';
import { articleId } from '../ids/article-id';
import { ingestSources } from './ingest-sources';
import { openSqliteStore } from './sqlite-store';
import { asyncOf } from '../../test-support/async-of';

const dir = mkdtempSync(join(tmpdir(), 'gazette-feeds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function ingestFeed(xml: string, ext = 'rss') {
  const file = join(dir, `feed-${++n}.${ext}`);
  writeFileSync(file, xml);
  const store = openSqliteStore(join(dir, `feed-${n}.db`));
  try {
    const summary = await ingestSources(asyncOf(store), [file], { format: 'feed' });
    const again = await ingestSources(asyncOf(store), [file], { format: 'feed' });
    return { summary, again, ids: store.list().map((a) => a.id), count: store.count() };
  } finally {
    store.close();
  }
}

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Show</title><link>https://show.example/</link>${items}</channel></rss>`;

describe('feed items kept by the store', () => {
  it('keeps distinct items without a description as distinct articles, not near-duplicates', async () => {
    const items = ['Rates held', 'Storm warning', 'Cup final']
      .map(
        (t, i) => `<item><title>${t}</title><link>https://news.example/${i}</link><guid>g${i}</guid></item>`,
      )
      .join('');
    const { summary, count } = await ingestFeed(rss(items));
    expect(summary).toMatchObject({ added: 3, duplicates: 0 });
    expect(count).toBe(3);
  }, 60_000);

  it('gives items sharing a link their guid (RSS) or id (Atom) as identity, else their content; a unique link wins', async () => {
    const episodes = Array.from(
      { length: 6 },
      (_, i) =>
        `<item><title>Episode ${i}</title><link>https://show.example/</link><guid isPermaLink="false">ep-${i}</guid><description>Episode ${i} of the show.</description></item>`,
    ).join('');
    const podcast = await ingestFeed(rss(episodes));
    expect(podcast.summary).toMatchObject({ added: 6, duplicates: 0 });
    // Re-ingested, every episode finds itself again: the identity is stable.
    expect(podcast.again).toMatchObject({ added: 0, unchanged: 6 });

    const entries = Array.from(
      { length: 4 },
      (_, i) =>
        `<entry><title>Note ${i}</title><id>urn:uuid:note-${i}</id><link href="https://blog.example/"/><updated>2026-03-0${i + 1}T10:00:00Z</updated></entry>`,
    ).join('');
    const atom = await ingestFeed(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>${entries}</feed>`,
      'atom',
    );
    expect(atom.count).toBe(4);
    expect(atom.again).toMatchObject({ unchanged: 4 });

    const noGuid = ['One', 'Two', 'Three']
      .map((t) => `<item><title>${t}</title><link>https://show.example/</link></item>`)
      .join('');
    expect((await ingestFeed(rss(noGuid))).count).toBe(3);

    const own = await ingestFeed(
      rss('<item><title>Own page</title><link>https://news.example/own</link><guid>g1</guid></item>'),
    );
    expect(own.ids).toEqual([articleId({ url: 'https://news.example/own', contentHash: '' })]);
  }, 60_000);

  it('keeps JSON and NDJSON records sharing a URL as distinct articles: the first keeps the URL id', async () => {
    const records = [
      { id: 'r1', title: 'Rates held', link: 'https://news.example/live', body: 'The bank held its rates.' },
      { id: 'r2', title: 'Storm warning', link: 'https://news.example/live', body: 'A storm is coming.' },
      { title: 'Cup final', link: 'https://news.example/live', body: 'The final is on Sunday.' },
    ];
    for (const [ext, text] of [
      ['json', JSON.stringify(records)],
      ['ndjson', records.map((r) => JSON.stringify(r)).join('\n')],
    ] as const) {
      const file = join(dir, `shared-url.${ext}`);
      writeFileSync(file, text);
      const store = openSqliteStore(join(dir, `shared-url-${ext}.db`));
      const first = await ingestSources(asyncOf(store), [file]);
      const again = await ingestSources(asyncOf(store), [file]);
      expect(first, ext).toMatchObject({ added: 3, updated: 0 });
      expect(again, ext).toMatchObject({ added: 0, unchanged: 3 });
      expect(store.get(articleId({ url: 'https://news.example/live', contentHash: '' }))?.title).toBe(
        'Rates held',
      );
      store.close();
    }
  }, 60_000);

  const feeds = join(SHARED_CORPORA, 'feeds/rss-parser');
  const cases = HAS_SHARED
    ? readdirSync(join(feeds, 'input')).filter((f) =>
        existsSync(join(feeds, 'output', f.replace(/\.\w+$/, '.json'))),
      )
    : [];
  it.skipIf(!HAS_SHARED)(
    `stores every distinct item rss-parser reads from each real feed (${HAS_SHARED ? 'rss-parser corpus' : SHARED_MISSING})`,
    async () => {
      expect(cases.length).toBeGreaterThan(20);
      const missed: string[] = [];
      for (const name of cases) {
        const expected = JSON.parse(
          readFileSync(join(feeds, 'output', name.replace(/\.\w+$/, '.json')), 'utf8'),
        ) as { feed?: { items?: Array<Record<string, unknown>> } };
        const items = expected.feed?.items ?? [];
        const distinct = new Set(
          items.map((i) =>
            JSON.stringify([i.guid ?? i.id ?? '', i.link ?? '', i.title ?? '', i.content ?? '']),
          ),
        ).size;
        const store = openSqliteStore(join(dir, `${name}.db`));
        try {
          await ingestSources(asyncOf(store), [join(feeds, 'input', name)], { format: 'feed' });
          if (store.count() !== distinct) missed.push(`${name}: ${store.count()} stored of ${distinct}`);
        } finally {
          store.close();
        }
      }
      expect(missed).toEqual([]);
    },
    120_000,
  );
});
