import type { Turns } from '../http/turns';

/** Turns on Node: one granted per `setImmediate`, which runs after the loop has polled for I/O. */
export function nodeTurns(): Turns {
  const waiting: Array<() => void> = [];
  let granting = false;
  const grant = () => {
    const next = waiting.shift();
    if (next === undefined) {
      granting = false;
      return;
    }
    next(); // its work runs in the microtasks right after this callback, before the next turn
    setImmediate(grant);
  };
  return {
    take: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!granting) {
          granting = true;
          setImmediate(grant);
        }
      }),
  };
}
