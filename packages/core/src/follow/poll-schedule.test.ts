import { describe, expect, it } from 'vitest';
import type { FollowedSource } from './followed-source-schema';
import {
  afterPoll,
  DEFAULT_BOUNDS,
  dueSources,
  initialState,
  itemsPerDay,
  settledInterval,
} from './poll-schedule';

const T0 = '2026-03-01T00:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const source = (over: Partial<FollowedSource> = {}): FollowedSource => ({
  id: 's1',
  url: 'http://127.0.0.1/feed.xml',
  full: false,
  addedAt: T0,
  state: initialState(T0),
  ...over,
});
const secondsUntil = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

describe('the poll schedule', () => {
  it('polls a new source at once, then about one initial interval later (±10% jitter)', () => {
    expect(dueSources([source()], T0)).toHaveLength(1);
    for (const r of [0, 0.5, 0.999]) {
      const s = afterPoll(source(), { kind: 'fetched', stored: 3 }, T0, () => r);
      const wait = secondsUntil(T0, s.nextPollAt);
      expect(wait).toBeGreaterThanOrEqual(DEFAULT_BOUNDS.initial * 0.9);
      expect(wait).toBeLessThanOrEqual(DEFAULT_BOUNDS.initial * 1.1);
      expect(s).toMatchObject({ failures: 0, itemsStored: 3, polls: 1, lastSuccessAt: T0 });
      expect(dueSources([source({ state: s })], T0)).toHaveLength(0);
    }
  });

  it('keeps the validators of a changed feed and counts a 304 without touching them', () => {
    const fetched = afterPoll(
      source(),
      { kind: 'fetched', stored: 1, etag: '"v1"', lastModified: 'Sun, 01 Mar 2026 00:00:00 GMT' },
      T0,
      () => 0.5,
    );
    const same = afterPoll(source({ state: fetched }), { kind: 'not-modified' }, at(3600), () => 0.5);
    expect(same).toMatchObject({
      etag: '"v1"',
      lastModified: 'Sun, 01 Mar 2026 00:00:00 GMT',
      notModified: 1,
      polls: 2,
    });
    // A changed feed without validators forgets the old ones (they would no longer match anything).
    const bare = afterPoll(source({ state: same }), { kind: 'fetched', stored: 0 }, at(7200), () => 0.5);
    expect(bare.etag).toBeUndefined();
    expect(bare.lastModified).toBeUndefined();
  });

  it('backs off exponentially with jitter on failures, capped, and resets on success', () => {
    let s = source();
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const now = at(i * 100_000);
      s = source({ state: afterPoll(s, { kind: 'failed', reason: 'HTTP 500' }, now, () => 0.999) });
      waits.push(secondsUntil(now, s.state.nextPollAt));
    }
    expect(s.state.failures).toBe(10);
    expect(s.state.lastError).toBe('HTTP 500');
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits[1]! / waits[0]!).toBeCloseTo(2, 1);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_BOUNDS.maxBackoff);
    // Jitter: the lowest draw waits half as long as the highest.
    const low = afterPoll(source(), { kind: 'failed', reason: 'x' }, T0, () => 0);
    const high = afterPoll(source(), { kind: 'failed', reason: 'x' }, T0, () => 0.999);
    expect(secondsUntil(T0, low.nextPollAt)).toBeLessThan(secondsUntil(T0, high.nextPollAt) * 0.6);
    const back = afterPoll(s, { kind: 'not-modified' }, at(2_000_000), () => 0.5);
    expect(back.failures).toBe(0);
  });

  it('never polls before a Retry-After', () => {
    const s = afterPoll(source(), { kind: 'failed', reason: '429', retryAfterSeconds: 50_000 }, T0, () => 0);
    expect(secondsUntil(T0, s.nextPollAt)).toBeGreaterThanOrEqual(50_000);
  });

  it("never polls sooner than the feed's own hint, even when the user asks", () => {
    const hinted = afterPoll(
      source({ everySeconds: 600 }),
      { kind: 'fetched', stored: 0, hintSeconds: 7_200 },
      T0,
      () => 0.5,
    );
    expect(hinted.hintSeconds).toBe(7_200);
    expect(hinted.intervalSeconds).toBe(7_200);
    const asked = afterPoll(source({ everySeconds: 600 }), { kind: 'fetched', stored: 0 }, T0, () => 0.5);
    expect(asked.intervalSeconds).toBe(600);
  });

  it('learns the rate: a busy feed is polled more often than a quiet one, within the bounds', () => {
    const week = 7 * 86_400;
    const busy = source({
      addedAt: at(-week),
      state: { ...initialState(T0), newItemTimes: Array.from({ length: 48 }, (_, i) => at(-i * 3600)) },
    });
    const quiet = source({ addedAt: at(-week), state: { ...initialState(T0), newItemTimes: [at(-86_400)] } });
    const silent = source({ addedAt: at(-week) });
    expect(itemsPerDay(busy, T0)).toBeGreaterThan(itemsPerDay(quiet, T0)!);
    expect(itemsPerDay(source(), T0)).toBeUndefined();
    const busyInterval = settledInterval(busy, T0, DEFAULT_BOUNDS);
    const quietInterval = settledInterval(quiet, T0, DEFAULT_BOUNDS);
    expect(busyInterval).toBeLessThan(quietInterval);
    expect(busyInterval).toBeGreaterThanOrEqual(DEFAULT_BOUNDS.min);
    expect(settledInterval(silent, T0, DEFAULT_BOUNDS)).toBe(DEFAULT_BOUNDS.max);
  });

  it('keeps a bounded history of item times, whatever a feed stores at once', () => {
    const s = afterPoll(source(), { kind: 'fetched', stored: 10_000 }, T0, () => 0.5);
    expect(s.newItemTimes.length).toBeLessThanOrEqual(50);
    expect(s.itemsStored).toBe(10_000);
  });

  it('orders due sources by how long they are overdue', () => {
    const a = source({ id: 'a', state: { ...initialState(at(-10)) } });
    const b = source({ id: 'b', state: { ...initialState(at(-100)) } });
    const c = source({ id: 'c', state: { ...initialState(at(100)) } });
    expect(dueSources([a, b, c], T0).map((s) => s.id)).toEqual(['b', 'a']);
  });
});
