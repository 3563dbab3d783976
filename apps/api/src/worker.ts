// Cloudflare Workers entry: the built-in corpus, from the snapshot bundled into the worker at build time.
import { builtinCorpus } from '@gazette/corpus';
import type { ExecutionContext } from 'hono';
import { createApp, type GazetteApp } from './app';
import { parseWorkerEnv } from './env';

const corpus = builtinCorpus();
let app: GazetteApp | undefined;

/**
 * The app, made at the first request: a worker's variables (GAZETTE_PUBLIC_URL) come with each request's
 * `env`, not through `process.env` as on Node. They are fixed for a deployment, so the first one serves all.
 * An invalid value fails every request with its message in the worker's log, as the Node server refuses
 * to start.
 */
function appFor(env: Record<string, unknown>): GazetteApp {
  if (app) return app;
  const { GAZETTE_PUBLIC_URL } = parseWorkerEnv(env);
  app = createApp({ corpus, ...(GAZETTE_PUBLIC_URL ? { publicUrl: GAZETTE_PUBLIC_URL } : {}) });
  return app;
}

export default {
  fetch: (request: Request, env: Record<string, unknown> = {}, ctx?: ExecutionContext) =>
    appFor(env).fetch(request, env, ctx),
};
