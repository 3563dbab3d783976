import { describe, expect, it } from 'vitest';
import { type ReachClock, retryDelay, STORE_RETRY, storeReach } from './store-reach';

/** A clock that moves only when told: timers run in order of their due time. */
function fakeClock(random = () => 0.5) {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: ReachClock = {
    setTimeout(run, ms) {
      const id = ++next;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
    random,
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { clock, advance, pending: () => timers.size, now: () => now };
}

describe('retry delays', () => {
  it('start at 1 s and double up to 10 s, without jitter at the middle of the random range', () => {
    const delays = [1, 2, 3, 4, 5, 6, 20, 1000].map((n) => retryDelay(n, () => 0.5));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000]);
  });

  it('stay within ±20% of the base at both ends of the random range', () => {
    for (const failures of [1, 3, 9]) {
      const base = Math.min(STORE_RETRY.maxMs, STORE_RETRY.firstMs * 2 ** (failures - 1));
      expect(retryDelay(failures, () => 0)).toBe(base * 0.8);
      expect(retryDelay(failures, () => 0.999_999)).toBeLessThanOrEqual(base * 1.2);
      expect(retryDelay(failures, () => 0.999_999)).toBeGreaterThan(base * 1.19);
    }
  });
});

describe('store reachability', () => {
  it('tells once when the store goes away and once when it is back, not at every failed retry', () => {
    const { clock, advance } = fakeClock();
    const reach = storeReach(clock);
    const told: Array<[boolean, string | undefined]> = [];
    reach.onReach((ok, why) => told.push([ok, why]));
    let tries = 0;
    const read = () => {
      tries += 1;
      if (tries < 4) reach.failed(`refused (try ${tries})`, read);
      else reach.succeeded();
    };
    read();
    expect(reach.reachable()).toBe(false);
    expect(reach.problem()).toBe('refused (try 1)');
    advance(1000); // try 2
    advance(2000); // try 3
    expect(reach.problem()).toBe('refused (try 3)');
    advance(4000); // try 4 succeeds
    expect(tries).toBe(4);
    expect(reach.reachable()).toBe(true);
    expect(reach.problem()).toBeUndefined();
    expect(told).toEqual([
      [false, 'refused (try 1)'],
      [true, undefined],
    ]);
  });

  it('waits longer after each failure up to the cap, and starts over after a success', () => {
    const { clock } = fakeClock();
    const reach = storeReach(clock);
    const waits = Array.from({ length: 6 }, () => reach.failed('down', () => {}));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    reach.succeeded();
    expect(reach.failed('down again', () => {})).toBe(1000);
  });

  it('runs the retry only after its wait, once, and replaces a retry already waiting', () => {
    const { clock, advance, pending } = fakeClock();
    const reach = storeReach(clock);
    const runs: string[] = [];
    reach.failed('down', () => runs.push('first'));
    reach.failed('down', () => runs.push('second')); // waits 2 s and replaces the first
    expect(pending()).toBe(1);
    advance(1999);
    expect(runs).toEqual([]);
    advance(1);
    expect(runs).toEqual(['second']);
    advance(60_000);
    expect(runs).toEqual(['second']);
  });

  it('runs the waiting retry at once when told the store is back, and says so when nothing waits', () => {
    const { clock, advance } = fakeClock();
    const reach = storeReach(clock);
    let runs = 0;
    reach.failed('down', () => runs++);
    expect(reach.retryNow()).toBe(true);
    expect(runs).toBe(1);
    advance(10_000);
    expect(runs).toBe(1);
    expect(reach.retryNow()).toBe(false);
  });

  it('a success cancels the waiting retry', () => {
    const { clock, advance, pending } = fakeClock();
    const reach = storeReach(clock);
    let runs = 0;
    reach.failed('down', () => runs++);
    reach.succeeded();
    advance(20_000);
    expect(runs).toBe(0);
    expect(pending()).toBe(0);
  });

  it('after stop, nothing runs and nobody is told', () => {
    const { clock, advance, pending } = fakeClock();
    const reach = storeReach(clock);
    const told: boolean[] = [];
    reach.onReach((ok) => told.push(ok));
    let runs = 0;
    reach.failed('down', () => runs++);
    reach.stop();
    reach.succeeded();
    reach.failed('down', () => runs++);
    advance(60_000);
    expect({ runs, told, pending: pending() }).toEqual({ runs: 0, told: [false], pending: 0 });
  });

  it('once lost, is unreachable for good: told once with no retry, and a later success or failure changes nothing', () => {
    const { clock, advance, pending } = fakeClock();
    const reach = storeReach(clock);
    const told: Array<[boolean, string | undefined, boolean]> = [];
    reach.onReach((...args) => told.push(args));
    let runs = 0;
    reach.failed('down', () => runs++);
    reach.lost('the file was replaced');
    reach.succeeded();
    reach.failed('down', () => runs++);
    advance(60_000);
    expect({ runs, pending: pending(), retrying: reach.retrying(), problem: reach.problem() }).toEqual({
      runs: 0,
      pending: 0,
      retrying: false,
      problem: 'the file was replaced',
    });
    expect(told).toEqual([
      [false, 'down', true],
      [false, 'the file was replaced', false],
    ]);
  });

  it('a listener that throws does not keep the others from being told', () => {
    const { clock } = fakeClock();
    const errors: unknown[] = [];
    const reach = storeReach(clock, { onListenerError: (e) => errors.push(e) });
    const told: boolean[] = [];
    reach.onReach(() => {
      throw new Error('boom');
    });
    const off = reach.onReach((ok) => told.push(ok));
    reach.failed('down', () => {});
    reach.succeeded();
    off();
    reach.failed('down', () => {});
    expect(told).toEqual([false, true]);
    expect(errors).toHaveLength(3);
  });

  it('spreads the retries of many readers by the random source', () => {
    const waits = [0, 0.25, 0.75, 0.99].map((r) =>
      storeReach(fakeClock(() => r).clock).failed('down', () => {}),
    );
    expect(new Set(waits).size).toBe(4);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(800);
    for (const w of waits) expect(w).toBeLessThanOrEqual(1200);
  });
});
