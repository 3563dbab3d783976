// npm run bench:multi-process -w @gazette/tests: issue 17's multi-process run at length, once per kind of
// store (tests/support/test-stores.ts): 200 growing feeds, 3 `gazette watch` workers killed with kill -9
//   GAZETTE_MULTI_KILLS (100) times over GAZETTE_MULTI_WINDOW_SECONDS (150), 2 API replicas.
// The figures (items stored once or not, replica agreement, times) go to the section `multi-process` of
// docs/benchmarks.md; exit 1 when an item was lost or stored twice, or the replicas disagree.
import { rmSync } from 'node:fs';
import { benchCommand, benchLog, writeBenchSection } from '@gazette/bench-corpora';
import { runMultiProcess, stopRunning } from '../scale/multi-process-run';
import { startFeedServer } from '../support/feed-server';
import { testTempDir } from '../support/test-resources';
import { TEST_STORE_KINDS } from '../support/test-stores';

const KILLS = Number(process.env.GAZETTE_MULTI_KILLS ?? 100);
const WINDOW_SECONDS = Number(process.env.GAZETTE_MULTI_WINDOW_SECONDS ?? 150);
const log = benchLog();
const dir = testTempDir('multi-process-bench');
const server = await startFeedServer({ delayMs: 20 });
const rows: string[][] = [];
try {
  for (const kind of TEST_STORE_KINDS) {
    const skip = await kind.skip?.();
    if (skip) {
      log.line(`${kind.name}: skipped (${skip})`);
      continue;
    }
    const store = await kind.open(dir, `bench-${kind.name}`);
    try {
      const plan = {
        seed: 1717,
        feeds: 200,
        perFeed: 4,
        stages: 10,
        workers: 3,
        replicas: 2,
        kills: KILLS,
        windowMs: WINDOW_SECONDS * 1000,
      };
      const run = await runMultiProcess(plan, store.db, server);
      const urls = new Set(run.storedUrls);
      const missing = run.wanted.filter((u) => !urls.has(u)).length;
      const twice = run.storedUrls.length - urls.size;
      const [one, two] = run.health.map((h) =>
        JSON.stringify([h.articles, h.version?.revision, h.version?.seq]),
      );
      const sameHits =
        JSON.stringify(run.searches[0]?.map((r) => r.hits.map((h) => h.id))) ===
        JSON.stringify(run.searches[1]?.map((r) => r.hits.map((h) => h.id)));
      const ok = missing === 0 && twice === 0 && one === two && sameHits;
      if (!ok) process.exitCode = 1;
      rows.push([
        kind.name,
        `${run.kills.length}`,
        `${run.wanted.length}`,
        `${missing}`,
        `${twice}`,
        `${run.catchUpRounds}`,
        `${(run.windowFetches / plan.feeds).toFixed(1)}`,
        one === two ? `${run.agreedAfterMs} ms` : 'disagree',
        sameHits ? 'same' : 'DIFFERENT',
        `${(run.timings.totalMs! / 1000).toFixed(0)} s`,
      ]);
    } finally {
      await store.stop();
    }
  }
} finally {
  await stopRunning();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
log.line(
  `200 feeds on one loopback server (4 items each, revealed over 10 stages of the window), 3 \`gazette watch\` workers, one killed with kill -9 at each of ${KILLS} seeded moments over ${WINDOW_SECONDS} s and started again, 2 API replicas over GAZETTE_DB; then the workers are killed and 3 \`watch --once\` poll the last stage together until everything is stored (catch-up rounds). Fetches per feed: feed requests while the workers ran, over the feeds (1 when each source is polled by one worker; restarts add some). Replicas agree: from the last change's commit (first seen by a reader of the change log polling every 25 ms) until both /healthz show the final version.`,
);
log.table(
  [
    'store',
    'kills',
    'items',
    'lost',
    'stored twice',
    'catch-up rounds',
    'fetches per feed (window)',
    'replicas agree',
    'search hits',
    'run',
  ],
  rows,
);
writeBenchSection('multi-process', 'Multi-process', log.markdown(), {
  now: new Date(),
  command: benchCommand('npm run bench:multi-process -w @gazette/tests', [
    'GAZETTE_MULTI_KILLS',
    'GAZETTE_MULTI_WINDOW_SECONDS',
  ]),
});
