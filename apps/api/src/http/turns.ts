import type { MiddlewareHandler } from 'hono';

/**
 * Requests that run the core's queries take turns: one per turn of the event loop, so the loop reads and
 * answers other requests between them. A query is synchronous: without turns, the requests read in one
 * poll of the loop run back to back, and /healthz or a cached read that arrives meanwhile waits for all of
 * them (8 of the worst searches at once held /healthz for seconds). With turns it waits for at most the
 * one running. Cached answers (the fast path) and /healthz take no turn.
 */
export interface Turns {
  /** Resolves when it is this caller's turn; its synchronous work must follow at once (no other await). */
  take(): Promise<void>;
  /** `take()` before the route, for reads whose parameters are all in the URL (nothing else to await). */
  middleware: MiddlewareHandler;
}

// setImmediate runs after the loop's I/O poll (Node); elsewhere a zero timeout does the same.
const nextTurn: (f: () => void) => void =
  typeof setImmediate === 'function' ? (f) => void setImmediate(f) : (f) => void setTimeout(f, 0);

export function createTurns(): Turns {
  const waiting: Array<() => void> = [];
  let granting = false;
  const grant = () => {
    const next = waiting.shift();
    if (next === undefined) {
      granting = false;
      return;
    }
    next(); // its work runs in the microtasks right after this callback, before the next turn
    nextTurn(grant);
  };
  const take = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!granting) {
        granting = true;
        nextTurn(grant);
      }
    });
  return {
    take,
    middleware: async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') await take();
      await next();
    },
  };
}
