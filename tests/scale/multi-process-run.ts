import { NODE_CLI, type RunningApi, startPrintingApi } from '../api/support/start-api';
import type { FeedServer } from '../support/feed-server';
import { gazette } from '../support/run-process';
import { seededRandom } from '../../packages/core/test-support/seeded-random';
import { growingFeeds } from './growing-feeds';
import { watchCommits } from './watch-commits';
import { watchWorkers } from './watch-workers';

/** How big a run is: the test is 200 feeds, 3 workers, 2 replicas and 10 kills (the bench 100). */
export interface MultiProcessPlan {
  seed: number;
  feeds: number;
  perFeed: number;
  /** How many times the feeds grow, spread over `windowMs`. */
  stages: number;
  workers: number;
  replicas: number;
  kills: number;
  /** How long the workers run while feeds grow and workers are killed (ms). */
  windowMs: number;
}

/** What the replicas said of the store once it was final. */
interface Health {
  articles: number;
  version?: { revision: string; seq: number; articles: number };
}
interface Hits {
  total: number;
  hits: Array<{ id: string }>;
}

/** What a run saw: the store's articles, the replicas' answers, and the times. */
export interface MultiProcessOutcome {
  wanted: string[];
  storedUrls: string[];
  storedIds: string[];
  /** Each replica's /healthz once both showed every article (or at the deadline). */
  health: Health[];
  /** ms from the last change's commit (seen by watchCommits) until every replica showed the final version. */
  agreedAfterMs: number;
  /** The same searches on each replica: [replica][query]. */
  searches: Hits[][];
  kills: string[];
  catchUpRounds: number;
  /** Feed requests while the workers ran: about one per feed when each source is polled by one worker. */
  windowFetches: number;
  timings: Record<string, number>;
}

/** What a run has running (workers, replicas, the replica monitor): stopped by `stopRunning` from afterAll. */
const running = new Set<() => Promise<void>>();
/** Kills whatever a run left running (a run cut short by a failure or a timeout); for afterAll. */
export async function stopRunning(): Promise<void> {
  await Promise.all([...running].map((stop) => stop().catch(() => {})));
  running.clear();
}
/** Runs `fn` with `stop` registered in `running` meanwhile, then stops. */
async function holding<T>(stop: () => Promise<void>, fn: () => Promise<T>): Promise<T> {
  running.add(stop);
  try {
    return await fn();
  } finally {
    running.delete(stop);
    await stop();
  }
}

const cli = async (args: string[], timeoutMs = 120_000) => {
  const r = await gazette(args, { timeoutMs });
  if (r.code !== 0) throw new Error(`gazette ${args.join(' ')} exited ${r.code}: ${r.stderr.slice(-2000)}`);
  return r.stdout;
};
const getJson = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;
/** How long the workers may take to store the feeds' last stage after the window (ms). */
const CATCH_UP_MS = 90_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The store's articles as `gazette export` writes them: what a user counts, whatever the backend. */
async function exported(db: string): Promise<Array<{ id: string; url: string }>> {
  return (await cli(['export', '--format', 'ndjson', '--db', db]))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; url: string });
}

/** Seeded moments in the window: when each stage of growth shows, and when each kill falls (on whom). */
function timeline(plan: MultiProcessPlan, random: () => number) {
  const events: Array<{ at: number; stage?: number; kill?: number }> = [];
  for (let s = 1; s < plan.stages; s++) events.push({ at: (s * plan.windowMs) / plan.stages, stage: s });
  for (let k = 0; k < plan.kills; k++)
    events.push({
      at: Math.floor(300 + random() * (plan.windowMs - 300)),
      kill: Math.floor(random() * plan.workers),
    });
  return events.sort((a, b) => a.at - b.at);
}

/**
 * Runs the workers over `db` through the window: the feeds grow and workers are killed at the seeded
 * moments (each started again at once); then every worker is stopped as Ctrl-C stops it.
 */
async function killingWindow(plan: MultiProcessPlan, db: string, grow: (stage: number) => void) {
  const workers = watchWorkers(db, plan.workers);
  const kills: string[] = [];
  return holding(workers.kill, async () => {
    const started = Date.now();
    for (const event of timeline(plan, seededRandom(plan.seed + 1))) {
      await sleep(Math.max(0, started + event.at - Date.now()));
      if (event.stage !== undefined) grow(event.stage);
      if (event.kill !== undefined) {
        const running = await workers.killAndRestart(event.kill);
        kills.push(`w${event.kill}@${event.at}ms${running ? '' : ' (had exited)'}`);
      }
    }
    await sleep(Math.max(0, started + plan.windowMs - Date.now()));
    // Stopped with kill -9 too: a watch stopped with SIGTERM in the middle of a round saves the ETag of
    // feeds it fetched without storing their items, so they are never stored (watch-stop.test.ts).
    await workers.kill();
    return kills;
  });
}

/**
 * Then every feed is at its last stage: all workers poll everything once more (`watch --once`, together),
 * again until the store holds every item (leases the killed workers held run out in their own time) or
 * `CATCH_UP_MS` went by; how many rounds that took.
 */
async function catchUp(plan: MultiProcessPlan, db: string, wanted: number) {
  let rounds = 0;
  for (const deadline = Date.now() + CATCH_UP_MS; ; await sleep(2_000)) {
    rounds++;
    await Promise.all(Array.from({ length: plan.workers }, () => cli(['watch', '--once', '--db', db])));
    if ((await exported(db)).length >= wanted || Date.now() > deadline) return rounds;
  }
}

const versionKey = (h: Health) => JSON.stringify([h.articles, h.version?.revision, h.version?.seq]);

/**
 * Polls every replica's /healthz every 25 ms from now on, keeping when each first showed each version;
 * `agreed(articles)` waits until all show one version holding `articles`, and says when each first showed it.
 */
function watchReplicas(replicas: RunningApi[]) {
  const firstSeen = replicas.map(() => new Map<string, number>());
  let last: Health[] = [];
  let stopped = false;
  const polling = (async () => {
    while (!stopped) {
      // A replica that does not answer (stopping, or down) is asked again next time.
      last = await Promise.all(replicas.map((r) => getJson<Health>(`${r.url}/healthz`))).catch(() => last);
      const at = Date.now();
      for (const [i, h] of last.entries())
        if (!firstSeen[i]!.has(versionKey(h))) firstSeen[i]!.set(versionKey(h), at);
      await sleep(25);
    }
  })();
  return {
    async agreed(articles: number, timeoutMs = 60_000) {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(25)) {
        const keys = new Set(last.map(versionKey));
        if (last.length && keys.size === 1 && last[0]!.articles === articles) break;
      }
      stopped = true;
      await polling;
      const key = versionKey(last[0]!);
      return { health: last, at: Math.max(...firstSeen.map((m) => m.get(key) ?? Number.POSITIVE_INFINITY)) };
    },
    async stop() {
      stopped = true;
      await polling.catch(() => {});
    },
  };
}

/**
 * The multi-process run over the store `db`: one loopback feed server, `plan.feeds` followed feeds
 * that grow, `plan.workers` `gazette watch` processes (killed with SIGKILL `plan.kills` times at seeded
 * moments, each started again) and `plan.replicas` API processes over GAZETTE_DB, as `npm start` runs it.
 */
export async function runMultiProcess(
  plan: MultiProcessPlan,
  db: string,
  server: FeedServer,
): Promise<MultiProcessOutcome> {
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  const feeds = growingFeeds(seededRandom(plan.seed), plan);
  feeds.reveal(server, 0);
  await cli(['follow', ...feeds.paths.map((p) => `${server.base}${p}`), '--db', db]);
  const followed = Date.now();
  timings.followMs = followed - t0;
  const replicas: RunningApi[] = [];
  let monitor: ReturnType<typeof watchReplicas> | undefined;
  const commits = await watchCommits(db);
  const stopReplicas = async () => {
    await monitor?.stop();
    await commits.stop();
    await Promise.all(replicas.map((r) => r.stop()));
  };
  return holding(stopReplicas, async () => {
    for (let i = 0; i < plan.replicas; i++)
      replicas.push(await startPrintingApi([NODE_CLI], { GAZETTE_DB: db }));
    timings.replicasMs = Date.now() - followed;
    monitor = watchReplicas(replicas);
    const t1 = Date.now();
    const fetchedBefore = server.requests();
    const kills = await killingWindow(plan, db, (stage) => feeds.reveal(server, stage));
    const windowFetches = server.requests() - fetchedBefore;
    feeds.reveal(server, plan.stages - 1);
    timings.windowMs = Date.now() - t1;
    const wanted = feeds.links(server.base);
    const t2 = Date.now();
    const rounds = await catchUp(plan, db, wanted.length);
    timings.catchUpMs = Date.now() - t2;
    const stored = await exported(db);
    const { health, at } = await monitor.agreed(stored.length);
    const seq = health[0]?.version?.seq ?? 0;
    const after = at - (commits.committedAt(seq) ?? Number.NaN);
    const queries = ['tidewater', 'quarry orchard', 'f7-item-1'];
    const searches = await Promise.all(
      replicas.map((r) =>
        Promise.all(
          queries.map((q) => getJson<Hits>(`${r.url}/v1/search?q=${encodeURIComponent(q)}&limit=50`)),
        ),
      ),
    );
    timings.totalMs = Date.now() - t0;
    return {
      wanted,
      storedUrls: stored.map((a) => a.url),
      storedIds: stored.map((a) => a.id),
      health,
      agreedAfterMs: after,
      searches,
      kills,
      catchUpRounds: rounds,
      windowFetches,
      timings,
    };
  });
}
