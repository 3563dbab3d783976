// The shape of the feed sites of bench-follow.ts, shared by the bench and its sites' process.
export const SITES = 100;
export const FEEDS_PER_SITE = 10;
export const ITEMS_PER_FEED = 10;

/** The simulated hour of follow-hour.ts, in ms. */
export const HOUR_MS = 3_600_000;

/**
 * How a feed behaves over the simulated hour, by its number (`site * FEEDS_PER_SITE + feed`), the same
 * mix on every site: a new item every `everyMinutes` from a seeded offset (or once, at a seeded time
 * within two hours, for the rare ones; never for the quiet ones), the interval a user gave `follow --every`
 * (undefined: the poller's own), and the feed's hints (RSS `<ttl>` in minutes, Cache-Control max-age).
 */
export interface FeedHabit {
  kind: 'busy' | 'busy, Cache-Control' | 'regular' | 'regular, ttl' | 'rare' | 'quiet';
  everyMinutes?: number;
  onceWithinMinutes?: number;
  followEverySeconds?: number;
  ttlMinutes?: number;
  maxAgeSeconds?: number;
}

export function feedHabit(n: number): FeedHabit {
  const k = n % 10;
  if (k === 0) return { kind: 'busy', everyMinutes: 4, followEverySeconds: 300 };
  if (k === 1)
    return { kind: 'busy, Cache-Control', everyMinutes: 6, followEverySeconds: 300, maxAgeSeconds: 600 };
  if (k === 2) return { kind: 'regular', everyMinutes: 20, followEverySeconds: 900 };
  if (k === 3) return { kind: 'regular, ttl', everyMinutes: 20, followEverySeconds: 900, ttlMinutes: 30 };
  if (k <= 6) return { kind: 'rare', onceWithinMinutes: 120 };
  return { kind: 'quiet' };
}

/** A seeded offset in [0, span) for feed `n` (a multiplicative hash: the same on every run). */
const offset = (n: number, span: number) => ((Math.imul(n + 1, 2_654_435_761) >>> 0) % 1000) * (span / 1000);

/** Items feed `n` has gained `ms` after the simulated hour started. */
export function gainedBy(n: number, ms: number): number {
  const h = feedHabit(n);
  if (h.everyMinutes) {
    const period = h.everyMinutes * 60_000;
    const first = offset(n, period);
    return ms < first ? 0 : Math.floor((ms - first) / period) + 1;
  }
  if (h.onceWithinMinutes) return ms >= offset(n, h.onceWithinMinutes * 60_000) ? 1 : 0;
  return 0;
}
