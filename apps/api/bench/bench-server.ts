// The server side of the API bench, in its own process so its memory can be stated and autocannon does not
// share its event loop. It loads the corpus from its binary snapshot, as a server would, and serves on
// loopback: a Hono hello-world (the ceiling), the API as `npm start` serves it (read cache on, compression
// on), the same API with its read cache off, and another for the never-seen searches alone.
import type { AddressInfo } from 'node:net';
import { readSnapshotFile } from '@gazette/core/node';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/app';
import { BASE_HEADERS, requestIdFor } from '../src/http/base-headers';
import { cachedRead, type ReadCacheStats } from '../src/http/read-cache';
import { READ_CACHE_CONTROL } from '../src/limits';
import { nodeCompression } from '../src/node/node-compress';
import { nodeTurns } from '../src/node/node-turns';
import { NODE_SERVER_OPTIONS } from '../src/node/server-limits';

export type ServerMessage =
  | {
      kind: 'ready';
      helloUrl: string;
      apiUrl: string;
      /** The same API with its read cache off: every request serialises (and searches) again. */
      uncachedApiUrl: string;
      /** The same API (cache on) for the never-seen searches alone, so they do not evict the others' entries. */
      freshApiUrl: string;
      articles: number;
      loadMs: number;
      medianBytes: number;
    }
  | {
      kind: 'memory';
      rss: number;
      heapUsed: number;
      /** ArrayBuffers outside the heap: the snapshot's typed-array sections. */
      arrayBuffers: number;
      cache: ReadCacheStats;
      freshCache: ReadCacheStats;
    };

const [snapshot, medianId] = process.argv.slice(2);

// Every server with the options `npm start` uses (header size, timeouts), so the API is measured as served.
function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    serve(
      { fetch, port: 0, hostname: '127.0.0.1', serverOptions: NODE_SERVER_OPTIONS },
      (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`),
    );
  });
}

const t0 = performance.now();
const corpus = readSnapshotFile(snapshot!);
const loadMs = performance.now() - t0;

// A second ceiling: the same bare Hono answering a fixed body the size of a median article, to tell the
// cost of the bytes from the cost of the API. UTF-8 bytes encoded once, as the API sends its cached reads.
const medianBody = new TextEncoder().encode(JSON.stringify(corpus.get(medianId!)));
const medianEtag = cachedRead(JSON.stringify(corpus.get(medianId!))).etag;
const hello = new Hono()
  .get('/', (c) => c.text('Hello Hono!'))
  .get('/sized', (c) => c.body(medianBody, 200, { 'content-type': 'application/json' }))
  // The same bytes with every header an API read carries (security, CORS, request id, ETag, caching):
  // the ceiling for an answer that keeps the API's contract.
  .get('/sized-headers', (c) =>
    c.body(medianBody, 200, {
      ...BASE_HEADERS,
      'x-request-id': requestIdFor(c.req.header('x-request-id')),
      etag: medianEtag,
      'cache-control': READ_CACHE_CONTROL,
      vary: 'Accept-Encoding',
      'content-type': 'application/json',
    }),
  );
// One process, one event loop: the apps take their turns from one queue, as one server's routes do.
const turns = nodeTurns();
const api = createApp({ corpus, compression: nodeCompression(), turns });
const uncachedApi = createApp({ corpus, compression: nodeCompression(), readCacheBytes: 0, turns });
const freshApi = createApp({ corpus, compression: nodeCompression(), turns });
const [helloUrl, apiUrl, uncachedApiUrl, freshApiUrl] = await Promise.all([
  listen(hello.fetch),
  listen(api.fetch),
  listen(uncachedApi.fetch),
  listen(freshApi.fetch),
]);

const send = (m: ServerMessage) => process.send?.(m);
send({
  kind: 'ready',
  helloUrl,
  apiUrl,
  uncachedApiUrl,
  freshApiUrl,
  articles: corpus.size,
  loadMs,
  medianBytes: medianBody.byteLength,
});
process.on('message', (m: unknown) => {
  if (m === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
    send({
      kind: 'memory',
      rss,
      heapUsed,
      arrayBuffers,
      cache: api.readCacheStats(),
      freshCache: freshApi.readCacheStats(),
    });
  }
  if (m === 'exit') process.exit(0);
});
// A bench that crashed sends no 'exit': its channel closes, and this server must not outlive it.
process.once('disconnect', () => process.exit(0));
