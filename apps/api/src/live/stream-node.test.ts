import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { nodeCompression } from '../node/node-compress';
import { NODE_SERVER_OPTIONS } from '../node/server-limits';
import { liveMemoryStore, newsArticle } from '../test-support/live-store';
import { sseReader } from '../test-support/read-events';

const store = liveMemoryStore([newsArticle(1, 'glacier')]);
const app = createApp({
  ...store.deps,
  compression: nodeCompression(),
  streams: { heartbeatMs: 200, maxDurationMs: 60_000, retryMs: 500 },
});
/** The server's bound on receiving a request (headers and body), which a stream must outlive. */
const REQUEST_TIMEOUT_MS = 2000;
let server: Server;
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    // The server's own limits, with the request timeout short: it bounds receiving a request, never a stream.
    const serverOptions = {
      ...NODE_SERVER_OPTIONS,
      // Short, yet long enough for a request's headers to arrive on a loaded 2-core machine.
      headersTimeout: REQUEST_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 100,
    };
    server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions },
      (info: AddressInfo) => {
        url = `http://127.0.0.1:${info.port}`;
        resolve();
      },
    ) as Server;
  });
});

afterAll(async () => {
  app.endStreams();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('GET /v1/stream on a real Node server', () => {
  it('delivers events as articles are committed, uncompressed and unbuffered, and resumes with Last-Event-ID', async () => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 30_000);
    try {
      // fetch asks for gzip: an event stream must still arrive event by event, not held in a compressor.
      const res = await fetch(`${url}/v1/stream?q=glacier`, { signal: abort.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('content-encoding')).toBeNull();
      const events = sseReader(res.body!);
      expect((await events.next(15_000))?.id).toBe('1');
      // Heartbeats for longer than the request timeout: the stream outlives it.
      const outlived = Date.now() + REQUEST_TIMEOUT_MS + 500;
      for (let beats = 0; beats < 3 || Date.now() < outlived; ) {
        const event = await events.next(15_000);
        expect(event, 'the stream ended with the request timeout').toBeDefined();
        if (event!.comments.includes('heartbeat')) beats++;
      }
      store.add([newsArticle(2, 'harbour'), newsArticle(3, 'glacier')]);
      const e = await events.nextData(15_000);
      expect(e).toMatchObject({ event: 'article', id: '3' });
      expect(JSON.parse(e!.data!).article.title).toBe('glacier update number 3');
      await events.cancel();

      store.add([newsArticle(4, 'glacier')]); // while no client is connected
      const again = await fetch(`${url}/v1/stream?q=glacier`, {
        signal: abort.signal,
        headers: { 'last-event-id': '3' },
      });
      const resumed = sseReader(again.body!);
      expect((await resumed.nextData(15_000))?.id).toBe('4');
      await resumed.cancel();
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }, 60_000);
});
