// npm run bench -w @gazette/tests: the load, soak and fault figures of the robustness suite.
//   GAZETTE_LOAD_SECONDS (30)    each load run: 100 connections on the search and the article route
//   GAZETTE_SOAK_SECONDS (600)   the soak: mixed requests, server memory sampled every window
//   GAZETTE_KILL_ITERATIONS (100) kill -9 rounds during an ingest (packages/core kill-recovery test)
// The figures are written to the section `hardening` of docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { benchCommand, benchLog, writeBenchSection } from '@gazette/bench-corpora';
import autocannon from 'autocannon';
import { startPrintingApi } from '../api/support/start-api';
import { REPO_ROOT } from '../support/paths';
import { runProcess } from '../support/run-process';

const LOAD_SECONDS = Number(process.env.GAZETTE_LOAD_SECONDS ?? 30);
const SOAK_SECONDS = Number(process.env.GAZETTE_SOAK_SECONDS ?? 600);
const KILL_ITERATIONS = Number(process.env.GAZETTE_KILL_ITERATIONS ?? 100);
const SOAK_WINDOW = 30;
const log = benchLog();

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const api = await startPrintingApi([`${REPO_ROOT}apps/api/dist/node/cli.js`]);
const pid = api.child.pid!;
try {
  const list = (await (await fetch(`${api.url}/v1/articles?limit=1`)).json()) as {
    items: Array<{ id: string }>;
  };
  const article = `/v1/articles/${list.items[0]!.id}`;

  log.line(`### Load: 100 connections, ${LOAD_SECONDS} s each, on loopback`);
  const rows: string[][] = [];
  for (const path of ['/v1/search?q=Macron+ambassador', article]) {
    const r = await autocannon({ url: `${api.url}${path}`, connections: 100, duration: LOAD_SECONDS });
    rows.push(
      [
        path,
        Math.round(r.requests.average),
        r.latency.p50,
        r.latency.p99,
        r.errors,
        r.timeouts,
        r.non2xx,
      ].map(String),
    );
  }
  log.table(['route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'non-2xx'], rows);

  log.line(
    `### Soak: ${SOAK_SECONDS} s of mixed requests, 20 connections; server RSS after each ${SOAK_WINDOW} s window`,
  );
  const requests = [
    { path: '/v1/search?q=Niger' },
    { path: '/v1/search?q=macron+OR+junta&facets=person' },
    { path: article },
    { path: '/v1/entities' },
    { path: '/v1/quotes' },
    { path: '/v1/timeline?q=France&interval=month' },
    { path: '/v1/feed.json?q=coup' },
    { path: '/v1/articles?limit=100' },
  ];
  const samples: number[] = [rssMb(pid)];
  let total = 0;
  let errors = 0;
  for (let elapsed = 0; elapsed < SOAK_SECONDS; elapsed += SOAK_WINDOW) {
    const r = await autocannon({
      url: api.url,
      connections: 20,
      duration: Math.min(SOAK_WINDOW, SOAK_SECONDS - elapsed),
      requests,
    });
    total += r.requests.total;
    errors += r.errors + r.non2xx + r.timeouts;
    samples.push(rssMb(pid));
  }
  const settled = samples.slice(Math.min(2, samples.length - 1));
  const growth = settled.at(-1)! - settled[0]!;
  log.line(`requests ${total}, errors ${errors}`);
  log.line(`RSS MB: ${samples.map((s) => s.toFixed(0)).join(' ')}`);
  log.line(`growth after warm-up: ${growth.toFixed(1)} MB (${((growth / settled[0]!) * 100).toFixed(1)}%)`);
} finally {
  await api.stop();
}

log.line(`### Faults: kill -9 at random points during an ingest, ${KILL_ITERATIONS} rounds`);
const started = performance.now();
const faults = await runProcess(
  process.execPath,
  [`${REPO_ROOT}node_modules/vitest/vitest.mjs`, 'run', 'src/node/kill-recovery.test.ts'],
  {
    cwd: `${REPO_ROOT}packages/core`,
    env: { ...process.env, GAZETTE_KILL_ITERATIONS: String(KILL_ITERATIONS) },
    timeoutMs: 3_600_000,
  },
);
const summary = /Tests\s+(.*)/.exec(faults.stdout.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? 'no summary';
log.line(
  `${faults.code === 0 ? 'passed' : 'FAILED'}: no acknowledged article lost, no duplicate after re-run, integrity_check ok in every round (${summary.trim()}, ${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
if (faults.code !== 0) {
  console.log(faults.stdout.slice(-3000));
  process.exitCode = 1;
}
writeBenchSection('hardening', 'Hardening', log.markdown(), {
  now: new Date(),
  command: benchCommand('npm run bench -w @gazette/tests', [
    'GAZETTE_LOAD_SECONDS',
    'GAZETTE_SOAK_SECONDS',
    'GAZETTE_KILL_ITERATIONS',
  ]),
});
