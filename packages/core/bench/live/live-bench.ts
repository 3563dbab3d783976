// Live corpus figures at 10k (GAZETTE_BENCH_SIZES picks another size): commit to visible while another
// process commits 10 articles/s (p50/p95: when the new segment is published in this process and when a
// search here finds the article; then, this process following nothing, when the API in a process of its
// own finds it by `/v1/search` over HTTP, each article searched every 100 ms, 4 at once), query latency of a
// fixed query set when idle and while a full merge runs in a worker, a 1,000-article segment's build, and
// that background merge of the whole corpus into one segment.
// Written to the section `live-index` of docs/benchmarks.md (`live-index-100k` at 100k).
//   npm run bench:live -w @gazette/core   (with bench-follow.ts), or on its own:
//   npx tsx --conditions=@gazette/source bench/live/live-bench.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsedNewsShards, quantile, writeBenchSection } from '@gazette/bench-corpora';
import { createCorpus, loadCorpus } from '../../src/corpus/create-corpus';
import type { Article } from '../../src/model/article-schema';
import { buildSegmentInWorker } from '../../src/node/build-segment';
import type { LiveCorpus } from '../../src/node/live-corpus-types';
import { openLiveCorpus } from '../../src/node/open-live-corpus';
import { openSqliteStore } from '../../src/node/sqlite-store';
import { apiFinds, startApiProcess } from './live-api';
import { type Latencies, QUERIES, queryLatencies } from './query-latency';

const SIZE = Number(process.env['GAZETTE_BENCH_SIZES']?.split(',')[0] ?? 10_000);
/** Articles in the shards: those committed later and the 1,000-article batch come after the stored ones. */
const IN_SHARDS = 100_000;
/** 10 s of commits at the rate, 10 articles/s. */
const COMMITS = 100;
const COMMIT_EVERY_MS = 100;
/** Stored at first: SIZE, less what must be left in the shards for the commits and the batch (at 100k). */
const STORED = Math.min(SIZE, IN_SHARDS - 2 * COMMITS - 1000);

/** `count` generated news articles, from the 100k corpus's shards (`skip` first; parsed once, then cached). */
function articles(count: number, skip = 0): Article[] {
  const out: Article[] = [];
  let seen = 0;
  for (const file of parsedNewsShards(IN_SHARDS)) {
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line && seen++ >= skip && out.length < count) out.push(JSON.parse(line) as Article);
    if (out.length >= count) break;
  }
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function writer(db: string, skip: number): Promise<void> {
  const store = openSqliteStore(db);
  for (const a of articles(COMMITS, skip)) {
    store.put(a);
    process.stdout.write(`${a.id} ${Date.now()}\n`);
    await new Promise((resolve) => setTimeout(resolve, COMMIT_EVERY_MS));
  }
  store.close();
}

type Row = (what: string, figure: string) => void;

/** Articles per transaction when the bench fills its store, as an ingest commits them. */
const STORE_BATCH = 1000;

/** Stores `all` in transactions of STORE_BATCH (a store's first fill), saying how long every tenth took. */
function storeInBatches(db: string, all: readonly Article[]): void {
  const store = openSqliteStore(db);
  try {
    for (let i = 0; i < all.length; i += STORE_BATCH) {
      const t = performance.now();
      store.putMany(all.slice(i, i + STORE_BATCH));
      if ((i / STORE_BATCH) % 10 === 0)
        console.log(`stored ${i + STORE_BATCH} (that batch: ${(performance.now() - t).toFixed(0)} ms)`);
    }
  } finally {
    store.close();
  }
}

/** Runs the writer process; resolves when it has committed everything. `committed` gets id -> when. */
function runWriter(db: string, skip: number, committed: Map<string, number>): Promise<unknown> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@gazette/source',
      fileURLToPath(import.meta.url),
      'write',
      db,
      String(skip),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buffer = '';
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const [id, at] = line.split(' ');
      committed.set(id!, Number(at));
    }
  });
  return new Promise((resolve) => child.once('exit', resolve));
}

/**
 * From each article's commit on, searches for it every 100 ms (at most 4 searches in flight, the oldest
 * article first) until found or `done()`; returns the delays from commit to found.
 */
async function watchFound(
  committed: Map<string, number>,
  finds: (id: string) => Promise<boolean> | boolean,
  done: () => boolean,
): Promise<number[]> {
  const delays = new Map<string, number>();
  const lastTry = new Map<string, number>();
  const inFlight = new Set<string>();
  const tryOne = async (id: string) => {
    inFlight.add(id);
    lastTry.set(id, Date.now());
    if (await finds(id)) delays.set(id, Date.now() - committed.get(id)!);
    inFlight.delete(id);
  };
  const tries: Promise<void>[] = [];
  while (!done()) {
    for (const id of committed.keys()) {
      if (inFlight.size >= 4) break;
      if (delays.has(id) || inFlight.has(id) || Date.now() - (lastTry.get(id) ?? 0) < 100) continue;
      tries.push(tryOne(id));
    }
    await sleep(10);
  }
  await Promise.all(tries);
  return [...delays.values()];
}

const ms = (xs: number[]) => `${quantile(xs, 0.5)} / ${quantile(xs, 0.95)} ms`;
const RATE = `${1000 / COMMIT_EVERY_MS} articles/s`;

/** Commits `COMMITS` articles (from `skip`) in another process; resolves 5 s after the last with the delays `finds` saw. */
async function commitsFound(
  db: string,
  skip: number,
  finds: (id: string, title: string) => Promise<boolean> | boolean,
  committed = new Map<string, number>(),
): Promise<number[]> {
  const titles = new Map(articles(COMMITS, skip).map((a) => [a.id, a.title]));
  let writing = true;
  const written = runWriter(db, skip, committed)
    .then(() => sleep(5000))
    .then(() => (writing = false));
  const [found] = await Promise.all([
    watchFound(
      committed,
      (id) => finds(id, titles.get(id)!),
      () => !writing,
    ),
    written,
  ]);
  return found;
}

/** Commit to visible in this process: when the follower publishes a segment, when a search finds the article. */
async function visibleHere(db: string, live: LiveCorpus, row: Row): Promise<void> {
  const committed = new Map<string, number>();
  const published: number[] = [];
  live.subscribe((_, ids) => {
    for (const id of ids) if (committed.has(id)) published.push(Date.now() - committed.get(id)!);
  });
  const here = await commitsFound(
    db,
    STORED,
    (id, title) =>
      live
        .corpus()
        .search({ q: title, limit: 50 })
        .hits.some((h) => h.id === id),
    committed,
  );
  row(
    `commit (another process, ${RATE}) to a new segment published here, p50 / p95 over ${published.length} commits`,
    ms(published),
  );
  row(
    `commit to found by a search for its title here, p50 / p95 (${here.length} of ${COMMITS} found)`,
    ms(here),
  );
  row('segments here after the commits (merges in the background)', String(live.version().segments));
}

/** Commit to visible through the API's search, in a process of its own (this one follows nothing meanwhile). */
async function visibleInApi(db: string, row: Row): Promise<void> {
  const api = await startApiProcess(db);
  row(
    'the API started over the store (its own process; segments kept by the first open)',
    seconds(api.startMs),
  );
  try {
    const requests: number[] = [];
    const found = await commitsFound(db, STORED + COMMITS, async (id, title) => {
      const t = performance.now();
      const yes = await apiFinds(api.url, title, id);
      requests.push(performance.now() - t);
      return yes;
    });
    row(
      `commit (another process, ${RATE}) to found by \`/v1/search?q=<title>\` of the API on 127.0.0.1, p50 / p95 (${found.length} of ${COMMITS} found)`,
      ms(found),
    );
    row(
      '… each of those searches (each article every 100 ms from its commit, at most 4 at once), p50 / p95',
      `${quantile(requests, 0.5).toFixed(0)} / ${quantile(requests, 0.95).toFixed(0)} ms (${requests.length} requests)`,
    );
  } finally {
    await api.stop();
  }
}

const latency = (l: Latencies) =>
  `${quantile(l.ms, 0.5).toFixed(2)} / ${quantile(l.ms, 0.99).toFixed(2)} ms (${l.ms.length} queries; longest wait for the thread ${l.longestWait.toFixed(0)} ms, ${(l.longestWaitAt / 1000).toFixed(1)} s in)`;

/**
 * The ids the store holds, from its change log (as a follower knows them): not its articles, which read
 * here would leave the serving thread a heap of garbage to collect while the merge runs.
 */
function storedIds(db: string): string[] {
  const store = openSqliteStore(db, { readOnly: true });
  const ids = new Set<string>();
  let last = 0;
  for (let page = store.changes(0, 10_000); page.changes.length; page = store.changes(last, 10_000)) {
    for (const c of page.changes) ids.add(c.id);
    last = page.last;
  }
  store.close();
  return [...ids];
}

/** A full merge in a worker while the serving thread answers the query set; then loading its result. */
async function mergeUnderQueries(db: string, live: LiveCorpus, row: Row): Promise<void> {
  const idle = await queryLatencies(() => live.corpus(), 50);
  row(
    `query latency on the serving thread, idle: p50 / p99 (${QUERIES.length} fixed queries, 50 passes)`,
    latency(idle),
  );
  const ids = storedIds(db);
  const t = performance.now();
  const merge = buildSegmentInWorker({ db, ids }).done;
  const during = await queryLatencies(() => live.corpus(), 1, merge);
  const reply = await merge;
  const built = performance.now() - t;
  row('… while a full merge runs in a worker: p50 / p99 (target: p99 within 2× idle)', latency(during));
  row(
    `a merge of all ${ids.length.toLocaleString('en')} articles into one segment (${(reply.bytes.length / 2 ** 20).toFixed(0)} MB), in a worker`,
    seconds(built),
  );
  // The thread's own collections come at their own pace (V8's memory reducer compacts the heap a minute or
  // two after the corpus is opened, merge or not): the same queries, idle, over as long as the merge ran.
  const after = await queryLatencies(() => live.corpus(), 1, sleep(built));
  row('… idle again, for as long as the merge ran: p50 / p99', latency(after));
  const l = performance.now();
  loadCorpus(reply.bytes);
  row('… then loading it on the serving thread', `${(performance.now() - l).toFixed(0)} ms`);
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const row: Row = (what, figure) => {
    rows.push(`| ${what} | ${figure} |`);
    console.log(`${what}: ${figure}`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'gazette-live-bench-'));
  try {
    const db = join(dir, 'news.db');
    let t = performance.now();
    storeInBatches(db, articles(STORED));
    row(
      `store ${STORED.toLocaleString('en')} articles (SQLite, batches of ${STORE_BATCH.toLocaleString('en')})`,
      seconds(performance.now() - t),
    );
    t = performance.now();
    const first = await openLiveCorpus(db, { pollMs: 250 });
    row('first open, nothing kept (the whole store indexed as one segment)', seconds(performance.now() - t));
    try {
      await visibleHere(db, first, row);
    } finally {
      await first.close();
    }
    await visibleInApi(db, row);
    t = performance.now();
    // No merges of its own: the full merge below is the one the queries run beside.
    const live = await openLiveCorpus(db, { pollMs: 250, merge: false });
    row('opening again (segments kept; its own merges off)', seconds(performance.now() - t));
    try {
      await mergeUnderQueries(db, live, row);
    } finally {
      await live.close();
    }
    const batch = articles(1000, STORED + 2 * COMMITS);
    t = performance.now();
    createCorpus(batch);
    row('a 1,000-article segment, built on one thread', seconds(performance.now() - t));
    // 10k (the default) in `live-index`; another size in a section of its own, beside it.
    writeBenchSection(
      SIZE === 10_000 ? 'live-index' : `live-index-${SIZE / 1000}k`,
      `Live index: commit to visible, queries during merges, segments (GENERATED news, ${SIZE.toLocaleString('en')} articles)`,
      ['| measure | figure |', '| --- | --- |', ...rows].join('\n'),
      { now: new Date(), command: 'npm run bench:live -w @gazette/core' },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'write') await writer(process.argv[3]!, Number(process.argv[4]));
else await main();
