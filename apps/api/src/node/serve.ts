import type { AddressInfo } from 'node:net';
import type { Corpus } from '@gazette/core';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { nodeCompression } from './node-compress';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the API over `corpus` on Node, with compression (Node has no proxy doing it for us). */
export function serveApi(opts: { corpus: Corpus; port: number; host: string }): Promise<RunningServer> {
  const app = createApp({ corpus: opts.corpus, compression: nodeCompression() });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
