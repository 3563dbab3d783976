import type { MiddlewareHandler } from 'hono';

/**
 * Requests that run the core's queries take turns: one per turn of the event loop, so the loop reads and
 * answers other requests between them. A query is synchronous: without turns, the requests read in one
 * poll of the loop run back to back, and /healthz or a cached read that arrives meanwhile waits for all of
 * them (8 of the worst searches at once held /healthz for seconds). With turns it waits for at most the
 * one running. Cached answers (the fast path) and /healthz take no turn. Node passes `nodeTurns()`;
 * workerd none (it runs each request in its own context, and may not resolve one request's promise
 * from another's).
 */
export interface Turns {
  /** Resolves when it is this caller's turn; its synchronous work must follow at once (no other await). */
  take(): Promise<void>;
}

/** No turns: every query runs when its request is read. */
export const NO_TURNS: Turns = { take: () => Promise.resolve() };

/** `take()` before the route, for reads whose parameters are all in the URL (nothing else to await). */
export function turnsMiddleware(turns: Turns): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') await turns.take();
    await next();
  };
}
