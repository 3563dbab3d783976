import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import { answerClientError } from './client-error';
import { closeGracefully } from './graceful-close';
import { nodeCompression } from './node-compress';
import { nodeTurns } from './node-turns';
import { watchRequestLines } from './request-line-watch';
import { atLeastOne, NODE_SERVER_LIMITS, NODE_SERVER_OPTIONS } from './server-limits';

export interface RunningServer {
  url: string;
  /** Stops accepting, lets requests in flight finish (up to the shutdown grace), closes every connection. */
  close(): Promise<void>;
}

/**
 * Serves the API on Node over a fixed corpus or a store's live corpus (with its change log and alerts),
 * with compression (Node has no proxy doing it for us).
 */
export function serveApi(
  opts: Pick<AppDeps, 'corpus' | 'live' | 'changes' | 'alerts'> & {
    port: number;
    host: string;
    publicUrl?: string | undefined;
    /** Open connections at once (default NODE_SERVER_LIMITS.maxConnections); more are closed when accepted. */
    maxConnections?: number;
    /** Queries waiting for their turn (default NODE_SERVER_LIMITS.maxQueuedQueries); more get 503 at once. */
    maxQueuedQueries?: number;
  },
): Promise<RunningServer> {
  const maxConnections = atLeastOne(
    'maxConnections',
    opts.maxConnections ?? NODE_SERVER_LIMITS.maxConnections,
  );
  const source = opts.live
    ? {
        live: opts.live,
        ...(opts.changes ? { changes: opts.changes } : {}),
        ...(opts.alerts ? { alerts: opts.alerts } : {}),
      }
    : { corpus: opts.corpus! };
  const app = createApp({
    ...source,
    compression: nodeCompression(),
    turns: nodeTurns({ maxWaiting: opts.maxQueuedQueries ?? NODE_SERVER_LIMITS.maxQueuedQueries }),
    ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
  });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: opts.port, hostname: opts.host, serverOptions: NODE_SERVER_OPTIONS },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => closeGracefully(server as Server, NODE_SERVER_LIMITS.shutdownGraceMs),
        });
      },
    ) as Server;
    server.maxConnections = maxConnections;
    watchRequestLines(server);
    server.on('clientError', answerClientError);
    server.once('error', reject);
  });
}
