// Issue 17's large store: the GENERATED news corpus (parsedNewsShards: BBC text with a Heaps'-law
// vocabulary, every article parsed) stored in PostgreSQL, grown to each size asked, and at each size:
// - store: articles stored per second (one writer, batches of 100, fsync on), the database's size and its
//   largest relations;
// - replica, cold: a process opening the store's live corpus with no kept segments (it indexes the whole
//   store, in segments of at most 100,000 articles, and keeps them): start time, memory (peak RSS, and
//   RSS / JS heap settled after a full collection), search p50 / p95 over the fixed query set
//   (bench/live/query-latency.ts QUERIES, 5 passes, in the replica's process);
// - replica, warm: the same from the segments kept by the cold one;
// - the API (apps/api's Node entry over the store, warm): from spawn to listening, and the same queries
//   over HTTP on 127.0.0.1 (3 passes, each its own limit so the API's read cache never answers).
// PostgreSQL is a throwaway local cluster (fsync on, the cluster helper's 32 MB shared_buffers) on
// 127.0.0.1. The replicas of 100k articles or more run holding GAZETTE_BENCH_LOCK (a file for flock), if set.
// Writes the `store-large` section.
//   cd packages/core && GAZETTE_BENCH_SIZES=100000,1000000 GAZETTE_BENCH_LOCK=/work/wt/bench.lock \
//     npx tsx --conditions=@gazette/source bench/store/large-store.ts
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsedNewsShards, quantile, writeBenchSection } from '@gazette/bench-corpora';
import postgres from 'postgres';
import type { Article } from '../../src/model/article-schema';
import { migratePostgres } from '../../src/node/postgres/migrate-postgres';
import { openPostgresStore } from '../../src/node/postgres/postgres-store';
import type { AsyncArticleStore } from '../../src/store/async-store-types';
import { startPostgres } from '../../test-support/postgres-cluster';
import { startApiProcess } from '../live/live-api';
import { QUERIES } from '../live/query-latency';

const SHARD = 5000;
const BATCH = 100;
const SIZES = (process.env.GAZETTE_BENCH_SIZES ?? '1000000').split(',').map(Number);
const LOCK = process.env.GAZETTE_BENCH_LOCK;
const CHILD = fileURLToPath(new URL('./replica-process.ts', import.meta.url));

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const thousands = (n: number) => n.toLocaleString('en');

/** Stores shards [from, to) of the corpus: articles per second. */
async function storeShards(store: AsyncArticleStore, shards: readonly string[], from: number, to: number) {
  const t = performance.now();
  let n = 0;
  for (let s = from; s < to; s++) {
    const articles = readFileSync(shards[s]!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Article);
    for (let i = 0; i < articles.length; i += BATCH) await store.putMany(articles.slice(i, i + BATCH));
    n += articles.length;
    if (s % 10 === 9) console.log(`  stored ${thousands((s + 1) * SHARD)}…`);
  }
  return n / ((performance.now() - t) / 1000);
}

/** The database's size and its largest relations (tables with their indexes and TOAST). */
async function databaseSize(url: string) {
  const sql = postgres(url, { onnotice: () => {} });
  try {
    const [db] = await sql`SELECT pg_database_size(current_database())::float8 AS bytes`;
    const top = await sql`SELECT relname, pg_total_relation_size(oid)::float8 AS bytes FROM pg_class
      WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC LIMIT 4`;
    const [count] = await sql`SELECT count(*)::int AS n FROM articles`;
    return {
      bytes: Number(db!.bytes),
      articles: Number(count!.n),
      top: top.map((r) => `${r.relname} ${gb(Number(r.bytes))}`).join(', '),
    };
  } finally {
    await sql.end();
  }
}

/** Holds the shared bench lock (flock on `LOCK`) until the returned function is called (from 100k on). */
async function takeLock(size: number): Promise<() => void> {
  if (!LOCK || size < 100_000) return () => {};
  const holder: ChildProcess = spawn('flock', [LOCK, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`flock ${LOCK} exited (${code})`)));
  });
  return () => holder.stdin!.end();
}

interface ReplicaRun {
  startMs: number;
  version: { segments: number; articles: number };
  peakMb: number;
  atStart: { rssMb: number; heapMb: number };
  ms: number[];
  totals: number[];
}

/** One replica process over the store, segments kept in `segments`: what it reports. */
function runReplica(url: string, segments: string): ReplicaRun {
  const args = [
    '--expose-gc',
    '--max-old-space-size=12000',
    '--import',
    'tsx',
    '--conditions=@gazette/source',
  ];
  const out = execFileSync(process.execPath, [...args, CHILD, url, segments, '5'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ReplicaRun;
}

/** The API over the store (segments kept in `segments`): start time and the query set over HTTP. */
async function runApi(url: string, segments: string) {
  process.env.GAZETTE_SEGMENTS = segments;
  const api = await startApiProcess(url);
  const ms: number[] = [];
  try {
    for (const limit of [18, 19, 20])
      for (const q of QUERIES) {
        const t = performance.now();
        const res = await fetch(`${api.url}/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`);
        if (!res.ok) throw new Error(`the API answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
        ms.push(performance.now() - t);
      }
  } finally {
    await api.stop();
  }
  return { startMs: api.startMs, ms };
}

const p = (xs: readonly number[]) => `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)} ms`;
const replicaCell = (r: ReplicaRun) =>
  `${(r.startMs / 1000).toFixed(1)} s; ${r.version.segments} segments; RSS peak ${r.peakMb.toFixed(0)} MB, settled ${r.atStart.rssMb.toFixed(0)} MB (JS heap ${r.atStart.heapMb.toFixed(0)} MB); search ${p(r.ms)}`;

/** Every measure at one size of the store (grown from `stored` articles). */
async function measureAt(url: string, dir: string, size: number, rate: number) {
  const db = await databaseSize(url);
  console.log(`${thousands(db.articles)} articles: database ${gb(db.bytes)} (${db.top})`);
  const segments = join(dir, `segments-${size}`);
  const release = await takeLock(size);
  try {
    const cold = runReplica(url, segments);
    console.log(`  cold replica: ${replicaCell(cold)} totals ${cold.totals}`);
    const warm = runReplica(url, segments);
    console.log(`  warm replica: ${replicaCell(warm)} totals ${warm.totals}`);
    const api = await runApi(url, segments);
    console.log(`  API (warm): listening after ${(api.startMs / 1000).toFixed(1)} s; search ${p(api.ms)}`);
    return [
      `| ${thousands(db.articles)} | ${rate.toFixed(0)}/s | ${gb(db.bytes)} (${db.top}) | ${replicaCell(cold)} | ${replicaCell(warm)} | ${(api.startMs / 1000).toFixed(1)} s; ${p(api.ms)} |`,
    ];
  } finally {
    release();
    rmSync(segments, { recursive: true, force: true });
  }
}

/** Writes the rows measured so far (after each size: a run stopped at a larger one keeps the smaller). */
function writeSection(rows: readonly string[], sizes: readonly number[]): void {
  const note = `${cpus().length} cores, ${gb(totalmem())} of memory shared with other work. Search: the fixed query set (bench/live/query-latency.ts, limit 20) in the replica's process, p50 / p95; memory of the replica process; a segment holds at most 100,000 articles. The database is the generated news corpus (BBC text with a growing synthetic vocabulary, parsed), the first N of the seeded million.`;
  writeBenchSection(
    'store-large',
    'Store: a large PostgreSQL store and its replicas',
    [...rows, '', note].join('\n'),
    {
      now: new Date(),
      command: `cd packages/core && GAZETTE_BENCH_SIZES=${sizes.join(',')} npx tsx --conditions=@gazette/source bench/store/large-store.ts`,
    },
  );
}

async function main() {
  const sizes = [...SIZES].sort((a, b) => a - b);
  const shards = parsedNewsShards(1_000_000, (s) => s < sizes.at(-1)! / SHARD);
  const cluster = await startPostgres({ durable: true });
  const rows = [
    '| articles | stored (1 writer, batches of 100) | database (largest tables) | replica, cold (no kept segments) | replica, warm (kept segments) | API over HTTP, warm: start; search p50 / p95 |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  try {
    await migratePostgres(cluster.url);
    const store = await openPostgresStore(cluster.url);
    let at = 0;
    for (const size of sizes) {
      const rate = await storeShards(store, shards, at / SHARD, size / SHARD);
      at = size;
      console.log(`stored up to ${thousands(size)} at ${rate.toFixed(0)} articles/s`);
      rows.push(...(await measureAt(cluster.url, cluster.dir, size, rate)));
      writeSection(
        rows,
        sizes.filter((n) => n <= size),
      );
    }
    await store.close();
  } finally {
    cluster.stop();
  }
}

await main();
