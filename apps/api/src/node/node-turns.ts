import { TurnRefused, type Turns } from '../http/turns';
import { atLeastOne, NODE_SERVER_LIMITS } from './server-limits';
import { WaitingLine } from './waiting-line';

export interface NodeTurnsOptions {
  /** Most queries waiting for a turn; one more is refused at once (503 with Retry-After). */
  maxWaiting?: number;
  /** The Retry-After of that refusal, in seconds. */
  retryAfterSeconds?: number;
}

/**
 * Turns on Node: one granted per `setImmediate`, which runs after the loop has polled for I/O. The line is
 * bounded (a burst past it is refused, not queued behind every open connection), and a query whose client
 * disconnected while waiting leaves it without running.
 */
export function nodeTurns({
  maxWaiting = NODE_SERVER_LIMITS.maxQueuedQueries,
  retryAfterSeconds = NODE_SERVER_LIMITS.busyRetryAfterSeconds,
}: NodeTurnsOptions = {}): Turns {
  atLeastOne('maxWaiting', maxWaiting);
  const line = new WaitingLine();
  let granting = false;
  const grant = () => {
    const next = line.shift();
    if (next === undefined) {
      granting = false;
      return;
    }
    next.admit(); // its work runs in the microtasks right after this callback, before the next turn
    setImmediate(grant);
  };
  const take = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new TurnRefused('gone'));
      if (line.size >= maxWaiting) return reject(new TurnRefused('busy', retryAfterSeconds));
      const gone = () => {
        line.leave(waiter);
        reject(new TurnRefused('gone'));
      };
      const waiter = line.join(() => {
        signal?.removeEventListener('abort', gone);
        resolve();
      });
      signal?.addEventListener('abort', gone, { once: true });
      if (!granting) {
        granting = true;
        setImmediate(grant);
      }
    });
  return { take };
}
