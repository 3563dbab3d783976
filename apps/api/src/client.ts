import { hc } from 'hono/client';
import type { GazetteApp } from './app';

export type GazetteClient = ReturnType<typeof hc<GazetteApp>>;

/**
 * A typed client for a Gazette API at `baseUrl`: `client.v1.articles[':id'].$get({ param: { id } })`.
 * Pass `fetch` to use another transport (e.g. `app.request` in tests).
 */
export function createClient(baseUrl: string, options?: Parameters<typeof hc>[1]): GazetteClient {
  return hc<GazetteApp>(baseUrl, options);
}
