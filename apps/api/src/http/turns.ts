import type { Context, MiddlewareHandler } from 'hono';
import { problem, problemResponse } from './problem';

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
  /**
   * Resolves when it is this caller's turn; its synchronous work must follow at once (no other await).
   * Rejects with TurnRefused when too many wait already ('busy', at once) or when `signal` aborts first (the
   * client went away: 'gone', and its query never runs).
   */
  take(signal?: AbortSignal): Promise<void>;
}

/** Why a query got no turn: the line was full (answer 503, retry later), or its client went away. */
export class TurnRefused extends Error {
  constructor(
    readonly reason: 'busy' | 'gone',
    /** For 'busy': the seconds to tell the client to wait before retrying (Retry-After). */
    readonly retryAfterSeconds = 1,
  ) {
    super(reason === 'busy' ? 'Too many queries are waiting.' : 'The client went away while waiting.');
    this.name = 'TurnRefused';
  }
}

/** No turns: every query runs when its request is read. */
export const NO_TURNS: Turns = { take: () => Promise.resolve() };

/** `take()` before the route, for reads whose parameters are all in the URL (nothing else to await). */
export function turnsMiddleware(turns: Turns): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') await turns.take(c.req.raw.signal);
    await next();
  };
}

/** The answer to a query refused its turn: 503 with Retry-After, or nothing much to a client that left. */
export function refusedTurnResponse(c: Context, refused: TurnRefused): Response {
  // No one reads it (the connection is closed); 499 is the usual log code for "client closed request".
  if (refused.reason === 'gone') return new Response(null, { status: 499 });
  const seconds = refused.retryAfterSeconds;
  return problemResponse(
    c,
    problem(
      'server-busy',
      `Too many queries are waiting for their turn; retry in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    ),
    { 'retry-after': String(seconds) },
  );
}
