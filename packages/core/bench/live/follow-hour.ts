// An hour of simulated time for the poller over 1,000 feeds on loopback (feed-sites.ts in `hour` mode):
// feeds gain items at seeded rates (feed-sites-shape.ts), some send `<ttl>` or Cache-Control, and the
// poller (its defaults: bounds, one request at a time per host, 4 in all) polls what is due every
// simulated 30 s. Simulated time skips only idle time: while a round runs, the clock moves with the wall
// clock, so a slow round makes the polls after it late, as it would in a real hour.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followSources } from '../../src/node/follow-sources';
import { createPoller } from '../../src/node/poll-sources';
import { openSqliteStore } from '../../src/node/sqlite-store';
import { type countInFlight, startSites } from './feed-sites-process';
import { FEEDS_PER_SITE, feedHabit, HOUR_MS } from './feed-sites-shape';
import { asyncOf } from '../../test-support/async-of';

const STEP_MS = 30_000;
const SAMPLE_MS = 5 * 60_000;
const LATE_MS = 60_000;
const START = Date.parse('2026-01-05T08:00:00Z');

/** A clock that is `sim` plus the wall time since the last `skipTo`. */
function simulatedClock() {
  let sim = START;
  let wall = performance.now();
  const nowMs = () => sim + (performance.now() - wall);
  return {
    nowMs,
    clock: () => new Date(nowMs()).toISOString(),
    /** Skips idle time up to `ms` (never back: a round that ran past it keeps its time). */
    skipTo(ms: number) {
      sim = Math.max(ms, nowMs());
      wall = performance.now();
    },
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Follows the feeds in groups by the interval a user gave (`follow --every`), at the simulated start. */
async function followAll(store: ReturnType<typeof openSqliteStore>, bases: string[]) {
  const groups = new Map<number | undefined, string[]>();
  bases.forEach((base, site) => {
    for (let f = 0; f < FEEDS_PER_SITE; f++) {
      const every = feedHabit(site * FEEDS_PER_SITE + f).followEverySeconds;
      groups.set(every, [...(groups.get(every) ?? []), `${base}/feed${f}.xml`]);
    }
  });
  for (const [every, urls] of groups) {
    const results = await followSources(asyncOf(store), urls, {
      now: new Date(START).toISOString(),
      ...(every ? { everySeconds: every } : {}),
    });
    const failed = results.filter((r) => r.error).length;
    if (failed) throw new Error(`${failed} feeds could not be followed`);
  }
}

/** Runs the hour; returns the markdown of its table. `inFlight` counts the poller's requests (reset here). */
export async function simulateHour(inFlight: ReturnType<typeof countInFlight>): Promise<string> {
  const sites = await startSites('hour');
  const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-hour-'));
  const store = openSqliteStore(join(dir, 'store.db'));
  try {
    await followAll(store, sites.bases);
    // `follow` checks each feed but stores no item (nor its validators): the first poll fetches it whole.
    await sites.forget();
    const before = await sites.seen();
    inFlight.max = 0;
    inFlight.maxPerHost = 0;
    const sim = simulatedClock();
    const lateness: number[] = [];
    // When each source was due before the round: a poll's lateness is measured against it.
    let due = new Map<string, number>();
    const poller = createPoller({
      clock: sim.clock,
      onPolled: (r) => lateness.push(Date.parse(r.source.state.lastPolledAt!) - due.get(r.source.id)!),
    });
    const memory: { heap: number; rss: number }[] = [];
    let stored = 0;
    let failed = 0;
    const wallStart = performance.now();
    for (let step = 0; step * STEP_MS <= HOUR_MS; step++) {
      sim.skipTo(START + step * STEP_MS);
      await sites.at(sim.nowMs() - START);
      due = new Map(store.sources.list().map((s) => [s.id, Date.parse(s.state.nextPollAt)]));
      const summary = await poller.poll(asyncOf(store));
      stored += summary.added;
      failed += summary.failedSources;
      if (step % (SAMPLE_MS / STEP_MS) === 0) {
        const m = process.memoryUsage();
        memory.push({ heap: m.heapUsed, rss: m.rss });
      }
    }
    const wall = (performance.now() - wallStart) / 1000;
    const after = await sites.seen();
    const late = lateness.filter((ms) => ms > LATE_MS).length;
    const unchanged = after.unchanged - before.unchanged;
    const unchanged304 = after.unchangedNotModified - before.unchangedNotModified;
    const heaps = memory.map((m) => m.heap);
    const rsss = memory.map((m) => m.rss);
    const simulated = (sim.nowMs() - START) / 60_000;
    const rows = [
      [
        'polls made',
        `${lateness.length.toLocaleString('en')} (${(after.requests - before.requests).toLocaleString('en')} requests seen by the sites; ${failed} failed)`,
      ],
      [
        'polls more than a minute late (target ≤ 5%)',
        `${late} (${((100 * late) / lateness.length).toFixed(1)}%); latest ${(Math.max(...lateness) / 1000).toFixed(0)} s after due`,
      ],
      [
        'most requests at once: to one site (must be 1) / in all (limit 4)',
        `${inFlight.maxPerHost} / ${inFlight.max}`,
      ],
      [
        'polls of a feed unchanged since the poller last fetched it, answered 304 (target ≥ 90%)',
        `${unchanged304.toLocaleString('en')} of ${unchanged.toLocaleString('en')} (${((100 * unchanged304) / unchanged).toFixed(1)}%)`,
      ],
      ['new articles stored', stored.toLocaleString('en')],
      [
        `heap used, every simulated 5 min: first / last / max (${memory.length} samples)`,
        `${mb(heaps[0]!)} / ${mb(heaps.at(-1)!)} / ${mb(Math.max(...heaps))}`,
      ],
      [
        'RSS, the same samples: first / last / max',
        `${mb(rsss[0]!)} / ${mb(rsss.at(-1)!)} / ${mb(Math.max(...rsss))}`,
      ],
      ['simulated / wall time', `${simulated.toFixed(1)} min / ${wall.toFixed(0)} s`],
    ];
    return [
      "An hour of simulated time (feed-sites-shape.ts says each feed's habit): per site, 2 busy feeds (an item every 4 or 6 min, followed `--every 5m`, one sending Cache-Control max-age=600), 2 regular (every 20 min, `--every 15m`, one sending `<ttl>30</ttl>`), 3 rare (one item at a seeded time within two hours, the poller's own interval) and 3 quiet (never). The poller (its defaults) polls what is due every simulated 30 s; only idle time is skipped (the clock runs with the wall clock while a round runs). Lateness: when a poll was made, after the time its source was due.",
      '',
      '| measure | figure |',
      '| --- | --- |',
      ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    ].join('\n');
  } finally {
    store.close();
    sites.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
