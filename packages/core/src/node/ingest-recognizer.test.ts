// ingestSources reads every kind of source with the recogniser its options name (IngestOptions.recognizer),
// the rule-based one by default: each path (whole files, streamed NDJSON, feed items, fetched item pages).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nerRecognizer } from '../enrich/ner/index';
import type { EntityRecognizer } from '../enrich/recognizer';
import { ruleRecognizer } from '../enrich/rule-recognizer';
import type { Article } from '../model/article-schema';
import { createMemoryStore } from '../store/memory-store';
import { ingestSources } from './ingest-sources';
import { asyncOf } from '../../test-support/async-of';

const FIRST = 'Angela Merkel met Boris Johnson in Berlin on Monday.';
const SECOND = 'Merkel said the talks with Downing Street went well.';
const dir = mkdtempSync(join(tmpdir(), 'gazette-ingest-recognizer-'));
let server: Server;
let base = '';

const page = `<!doctype html><html lang="en"><head><title>Talks</title></head><body><article><h1>Talks</h1><p>${FIRST}</p><p>${SECOND}</p></article></body></html>`;
const feed = (link: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Talks</title><link>${link}</link><description>${FIRST} ${SECOND}</description></item></channel></rss>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed.xml')
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(`${base}/talks`));
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const json = JSON.stringify({
    title: 'Talks',
    url: 'https://a.example/talks',
    body: `${FIRST}\n${SECOND}`,
  });
  const files = {
    'talks.txt': `${FIRST}\n${SECOND}\n`,
    'talks.md': `# Talks\n\n${FIRST}\n\n${SECOND}\n`,
    'talks.html': page,
    'talks.json': json,
    'talks.ndjson': `${json.replace('a.example', 'b.example')}\n`,
    'talks.rss': feed('https://c.example/talks'),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The names of each article ingested from `source`, read with `recognizer` (or the default). */
async function namesFrom(source: string, options: { recognizer?: EntityRecognizer; full?: boolean } = {}) {
  const store = createMemoryStore();
  const summary = await ingestSources(asyncOf(store), [source], options);
  expect(summary.failed).toEqual([]);
  const names = store.list().map((a: Article) => a.entities.map((e) => e.id));
  store.close();
  return names;
}

describe('ingestSources reads names with IngestOptions.recognizer', () => {
  it.each(['talks.txt', 'talks.md', 'talks.html', 'talks.json', 'talks.ndjson', 'talks.rss'])(
    '%s',
    async (name) => {
      const source = join(dir, name);
      const byDefault = await namesFrom(source);
      expect(byDefault).toHaveLength(1);
      expect(byDefault).toEqual(await namesFrom(source, { recognizer: ruleRecognizer }));
      expect(await namesFrom(source, { recognizer: nerRecognizer })).not.toEqual(byDefault);
    },
  );

  it('a feed item page fetched with full', async () => {
    const source = `${base}/feed.xml`;
    const byDefault = await namesFrom(source, { full: true });
    expect(byDefault).toEqual(await namesFrom(source, { full: true, recognizer: ruleRecognizer }));
    expect(await namesFrom(source, { full: true, recognizer: nerRecognizer })).not.toEqual(byDefault);
  });
});
