// The server side of the API bench, in its own process so its memory can be stated and autocannon does not
// share its event loop: a Hono hello-world (the ceiling) and the API, both on loopback, over one corpus.
import type { AddressInfo } from 'node:net';
import { bbcAsText, generateCorpus, readBbc, seededRandom } from '@gazette/bench-corpora';
import { type Article, createCorpus, parseText } from '@gazette/core';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/app';
import { nodeCompress } from '../src/node/node-compress';

export type ServerMessage =
  | {
      kind: 'ready';
      helloUrl: string;
      apiUrl: string;
      articles: number;
      parseMs: number;
      indexMs: number;
      ids: string[];
      queries: string[];
      medianBytes: number;
    }
  | { kind: 'memory'; rss: number; heapUsed: number };

const which = process.argv[2] ?? 'bbc';

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
}

/** 1-3 consecutive words of article titles, lower-cased: queries a reader would type, seeded. */
function queriesFrom(articles: readonly Article[], count: number): string[] {
  const rand = seededRandom(7);
  const out: string[] = [];
  while (out.length < count) {
    const a = articles[Math.floor(rand() * articles.length)]!;
    const words = a.title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2);
    if (!words.length) continue;
    const n = 1 + Math.floor(rand() * 3);
    const at = Math.floor(rand() * Math.max(1, words.length - n + 1));
    out.push(words.slice(at, at + n).join(' '));
  }
  return out;
}

const t0 = performance.now();
const bbc = readBbc();
const articles =
  which === 'bbc'
    ? bbc.map((r) => parseText(bbcAsText(r)))
    : generateCorpus(bbc, Number(which.replace('generated:', '')), 42).map((r) => parseText(r.text, r.meta));
const t1 = performance.now();
const corpus = createCorpus(articles);
const t2 = performance.now();

// A second ceiling: the same bare Hono answering a fixed body the size of a median article, to tell the
// cost of the bytes from the cost of the API.
const sizes = articles.map((a) => JSON.stringify(a)).sort((x, y) => x.length - y.length);
const medianBody = sizes[Math.floor(sizes.length / 2)]!;
const hello = new Hono()
  .get('/', (c) => c.text('Hello Hono!'))
  .get('/sized', (c) => c.body(medianBody, 200, { 'content-type': 'application/json' }));
const api = createApp({ corpus, middleware: [nodeCompress()] });
const [helloUrl, apiUrl] = await Promise.all([listen(hello.fetch), listen(api.fetch)]);

const rand = seededRandom(11);
const ids = Array.from({ length: 1000 }, () => articles[Math.floor(rand() * articles.length)]!.id);
const send = (m: ServerMessage) => process.send?.(m);
send({
  kind: 'ready',
  helloUrl,
  apiUrl,
  articles: corpus.size,
  parseMs: t1 - t0,
  indexMs: t2 - t1,
  ids,
  queries: queriesFrom(articles, 500),
  medianBytes: medianBody.length,
});
process.on('message', (m: unknown) => {
  if (m === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    send({ kind: 'memory', rss, heapUsed });
  }
  if (m === 'exit') process.exit(0);
});
