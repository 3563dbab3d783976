import { describe, expect, it } from 'vitest';
import { TurnRefused } from '../http/turns';
import { nodeTurns } from './node-turns';
import { WaitingLine } from './waiting-line';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a promise came to so far: 'pending', 'granted', or the reason of its TurnRefused. */
function watch(p: Promise<void>): () => string {
  let state = 'pending';
  p.then(
    () => {
      state = 'granted';
    },
    (e: unknown) => {
      state = e instanceof TurnRefused ? e.reason : `other: ${String(e)}`;
    },
  );
  return () => state;
}

describe('the line of queries waiting for a turn', () => {
  it('keeps its order and lets a waiter leave from anywhere', () => {
    const line = new WaitingLine();
    const admitted: number[] = [];
    const waiters = [1, 2, 3, 4].map((n) => line.join(() => admitted.push(n)));
    line.leave(waiters[2]!);
    line.leave(waiters[2]!); // leaving twice changes nothing
    line.leave(waiters[0]!);
    expect(line.size).toBe(2);
    line.join(() => admitted.push(5));
    for (let w = line.shift(); w; w = line.shift()) w.admit();
    expect(admitted).toEqual([2, 4, 5]);
    expect(line.size).toBe(0);
  });

  it('refuses a query past the bound at once (busy, before any turn), and takes one again once the line moves', async () => {
    const turns = nodeTurns({ maxWaiting: 3, retryAfterSeconds: 2 });
    const states = Array.from({ length: 5 }, () => watch(turns.take()));
    await Promise.resolve(); // microtasks only: no turn of the loop has passed
    expect(states.map((s) => s())).toEqual(['pending', 'pending', 'pending', 'busy', 'busy']);
    const refused = await turns.take().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TurnRefused);
    expect((refused as TurnRefused).retryAfterSeconds).toBe(2);
    await nextTurn();
    expect(states[0]!()).toBe('granted');
    expect(watch(turns.take())()).toBe('pending'); // room again for one
  });

  it('drops a query whose client went away while it waited: it never runs and frees its place', async () => {
    const turns = nodeTurns({ maxWaiting: 2 });
    const gone = new AbortController();
    const first = watch(turns.take());
    const leaving = watch(turns.take(gone.signal));
    expect(watch(turns.take())()).toBe('pending');
    gone.abort();
    await Promise.resolve();
    expect(leaving()).toBe('gone');
    const last = watch(turns.take()); // the place it left
    for (let i = 0; i < 4; i++) await nextTurn();
    expect([first(), leaving(), last()]).toEqual(['granted', 'gone', 'granted']);
    const already = new AbortController();
    already.abort();
    expect(await turns.take(already.signal).catch((e: TurnRefused) => e.reason)).toBe('gone');
  });
});
