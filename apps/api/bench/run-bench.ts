// `npm run bench -w @gazette/api`: autocannon on loopback, 50 connections, in one run: a Hono hello-world
// (the ceiling), the same with a median article's body, GET /v1/articles/{id} (read cache on and off),
// GET /v1/search?q= (1-3 words; repeated queries, and queries never seen before) and the Atom and JSON
// feeds of those queries (cached), over the BBC corpus and a generated corpus. Prints req/s, p99, the
// ratios to hello-world, errors and the server's memory. Then the worst requests (issue 13): each
// adversarial search within the documented limits timed alone, its feed, and /healthz p99 while 8 of the
// worst run at once. The tables are written to the section `api-speed` of docs/benchmarks.md.
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  benchCommand,
  benchLog,
  HAS_SHARED,
  SHARED_MISSING,
  writeBenchSection,
} from '@gazette/bench-corpora';
import autocannon from 'autocannon';
import { BASE_HEADERS } from '../src/http/base-headers';
import { adversarialSearches } from './adversarial';
import { type BenchCorpus, benchCorpus } from './bench-corpus';
import type { ServerMessage } from './bench-server';
import { healthzUnderWorst, timeFeed, timeSearches } from './worst-requests';

// Per route and round; 3 rounds of 5 s after a 2 s warm-up by default.
const DURATION = Number(process.env.GAZETTE_BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.GAZETTE_BENCH_ROUNDS ?? 3);
const WARMUP = 2;
const CONNECTIONS = 50;
// The generated corpus is parsed once (about 6 minutes for 100k here, enrichment included) and cached under
// .bench/ by @gazette/bench-corpora; later runs read it back. GAZETTE_BENCH_GENERATED=N runs another size.
const GENERATED = Number(process.env.GAZETTE_BENCH_GENERATED ?? 100_000);
// GAZETTE_BENCH_ONLY=bbc|generated runs one corpus.
const ONLY = process.env.GAZETTE_BENCH_ONLY;
const log = benchLog();

/** One route's load: its paths are sent in turn, never restarting, across every round. */
interface Route {
  name: string;
  url: string;
  paths: readonly string[];
  next: number;
  headers?: Record<string, string>;
}

interface Round {
  rps: number;
  p99: number;
  errors: number;
  /** Requests answered. */
  sent: number;
}

const route = (
  name: string,
  url: string,
  paths: readonly string[],
  headers?: Record<string, string>,
): Route => ({ name, url, paths, next: 0, ...(headers ? { headers } : {}) });

async function load(r: Route, duration: number): Promise<Round> {
  const res = await autocannon({
    url: r.url,
    connections: CONNECTIONS,
    duration,
    ...(r.headers ? { headers: r.headers } : {}),
    requests: [{ setupRequest: (req) => ({ ...req, path: r.paths[r.next++ % r.paths.length]! }) }],
  });
  return {
    rps: res.requests.average,
    p99: res.latency.p99,
    errors: res.errors + res.non2xx,
    sent: res.requests.total,
  };
}

// Security and CORS headers, plus request id, ETag, Cache-Control, Vary and Content-Type.
const API_HEADER_COUNT = Object.keys(BASE_HEADERS).length + 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function startServer(
  corpus: BenchCorpus,
): Promise<{ child: ChildProcess; ready: Extract<ServerMessage, { kind: 'ready' }> }> {
  const args = [corpus.snapshot, corpus.medianId];
  const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), args, {
    execArgv: ['--import', 'tsx', '--conditions=@gazette/source', '--expose-gc', '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: ServerMessage) =>
      m.kind === 'ready' ? resolve({ child, ready: m }) : undefined,
    );
    child.once('exit', (code) =>
      reject(new Error(`bench server for ${corpus.snapshot} exited with ${code}`)),
    );
  });
}

function memory(child: ChildProcess): Promise<Extract<ServerMessage, { kind: 'memory' }>> {
  return new Promise((resolve) => {
    child.once('message', (m: ServerMessage) => m.kind === 'memory' && resolve(m));
    child.send('memory');
  });
}

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

async function runCorpus(label: string, which: string): Promise<void> {
  const corpus = benchCorpus(which);
  globalThis.gc?.(); // the parsed articles are not needed any more
  const { child, ready } = await startServer(corpus);
  try {
    log.line(
      `\n### ${label}: ${ready.articles} articles (parsed articles read back from .bench/ in ${(corpus.readMs / 1000).toFixed(1)} s${corpus.buildMs ? `; corpus built and its snapshot written in ${(corpus.buildMs / 1000).toFixed(1)} s` : ''}; the server loaded the binary snapshot in ${ready.loadMs.toFixed(0)} ms)`,
    );
    const before = await memory(child);
    const loadBefore = loadavg()[0]!.toFixed(1);
    const hello = route('hello-world (ceiling)', ready.helloUrl, ['/']);
    const sized = route(`hello-world, ${ready.medianBytes} B body (median article)`, ready.helloUrl, [
      '/sized',
    ]);
    const sizedHeaders = route(
      `hello-world, ${ready.medianBytes} B body + the API's ${API_HEADER_COUNT} headers`,
      ready.helloUrl,
      ['/sized-headers'],
    );
    const articlePaths = corpus.ids.map((id) => `/v1/articles/${id}`);
    const article = route('GET /v1/articles/{id} (1000 ids, cached)', ready.apiUrl, articlePaths);
    // What most HTTP clients send: the cached read goes out as its gzip copy, made once.
    const articleGzip = route(
      'GET /v1/articles/{id} (cached, Accept-Encoding: gzip)',
      ready.apiUrl,
      articlePaths,
      { 'accept-encoding': 'gzip, deflate' },
    );
    const articleCold = route('GET /v1/articles/{id} (read cache off)', ready.uncachedApiUrl, articlePaths);
    const search = route(
      'GET /v1/search?q= (500 queries repeated, cached)',
      ready.apiUrl,
      corpus.queries.map((q) => `/v1/search?q=${encodeURIComponent(q)}`),
    );
    const searchFresh = route(
      'GET /v1/search?q= (every query new: uncached)',
      ready.freshApiUrl,
      corpus.freshSearches,
    );
    // Feeds of the repeated queries (and the plain newest feed), both formats: cached after the warm-up.
    const feedPaths = corpus.queries
      .slice(0, 100)
      .flatMap((q) => [
        `/v1/feed.atom?q=${encodeURIComponent(q)}`,
        `/v1/feed.json?q=${encodeURIComponent(q)}`,
      ]);
    const feeds = route('GET /v1/feed.atom|json?q= (100 queries, cached)', ready.apiUrl, [
      '/v1/feed.atom',
      '/v1/feed.json',
      ...feedPaths,
    ]);
    const routes = [
      hello,
      sized,
      sizedHeaders,
      article,
      articleGzip,
      articleCold,
      search,
      searchFresh,
      feeds,
    ];
    // Warm-up (JIT, caches), then ROUNDS rounds of every route in turn: the machine is shared and its load
    // drifts, so each route is compared with the hello-world of its own round, and the medians reported.
    const rounds = new Map<Route, Round[]>(routes.map((r) => [r, []]));
    for (const r of routes) await load(r, WARMUP);
    const freshBefore = await memory(child);
    for (let i = 0; i < ROUNDS; i++) for (const r of routes) rounds.get(r)!.push(await load(r, DURATION));
    const after = await memory(child);
    const loadAfter = loadavg()[0]!.toFixed(1);
    const helloRounds = rounds.get(hello)!;
    const rows = routes.map((r) => {
      const rs = rounds.get(r)!;
      return {
        route: r.name,
        'req/s': Math.round(median(rs.map((x) => x.rps))),
        'vs hello': median(rs.map((x, i) => x.rps / helloRounds[i]!.rps)),
        'p99 ms': median(rs.map((x) => x.p99)),
        'worst p99': Math.max(...rs.map((x) => x.p99)),
        'errors+non2xx': rs.reduce((n, x) => n + x.errors, 0),
      };
    });
    log.table(
      ['route', 'req/s', 'vs hello', 'p99 ms', 'worst p99', 'errors+non2xx'],
      rows.map((r) => [
        r.route,
        String(r['req/s']),
        `${(r['vs hello'] * 100).toFixed(1)}%`,
        String(r['p99 ms']),
        String(r['worst p99']),
        String(r['errors+non2xx']),
      ]),
    );
    const row = (r: Route) => rows[routes.indexOf(r)]!;
    const pct = (r: Route) => `${(row(r)['vs hello'] * 100).toFixed(1)}%`;
    log.line(
      `hello-world per round: ${helloRounds.map((x) => Math.round(x.rps)).join(', ')} req/s (medians of ${ROUNDS} rounds of ${DURATION} s; ratios are to the same round's hello-world); machine load average ${loadBefore} before, ${loadAfter} after, on ${availableParallelism()} cores`,
    );
    log.line(
      `targets: article >= 70% (${pct(article)} cached, ${pct(articleCold)} cache off), search >= 50% (${pct(search)} repeated, ${pct(searchFresh)} all new), p99 < 10 ms (article ${row(article)['p99 ms']}/${row(articleCold)['p99 ms']} ms, search ${row(search)['p99 ms']}/${row(searchFresh)['p99 ms']} ms)`,
    );
    log.line(
      `targets (issue 13): uncached search >= 20% (${pct(searchFresh)}), feeds once cached >= 50% (${pct(feeds)}, p99 ${row(feeds)['p99 ms']} ms)`,
    );
    log.line(
      `the bytes alone: a bare Hono sending a median article's JSON reaches ${pct(sized)} of hello-world; with the headers every API read carries, ${pct(sizedHeaders)}`,
    );
    // Every fresh search path is distinct and the list is longer than a run sends, so each must miss; the
    // server's counters (of the app serving only these) say whether they did.
    const fresh = after.freshCache;
    if (process.env.GAZETTE_BENCH_DEBUG) console.log(JSON.stringify({ freshBefore, after }));
    log.line(
      `uncached search really missed: ${fresh.misses - freshBefore.freshCache.misses} misses and ${fresh.hits - freshBefore.freshCache.hits} hits in its app's read cache for ${rounds.get(searchFresh)!.reduce((n, x) => n + x.sent, 0)} answers counted by autocannon (${searchFresh.next} of ${corpus.freshSearches.length} distinct paths sent, warm-up included)`,
    );
    log.line(
      `server memory: rss ${mb(before.rss)} / heap ${mb(before.heapUsed)} / array buffers ${mb(before.arrayBuffers)} after loading; rss ${mb(after.rss)} / heap ${mb(after.heapUsed)} / array buffers ${mb(after.arrayBuffers)} after the runs (read caches: ${mb(after.cache.bytes)} of ${mb(after.cache.maxBytes)} in ${after.cache.entries} entries for articles and repeated searches, ${mb(fresh.bytes)} for the fresh searches' app)`,
    );
    await worstRequests(ready.uncachedApiUrl);
  } finally {
    child.send('exit');
  }
}

/** The worst searches within the documented limits, alone and 8 at once against /healthz (cache off). */
async function worstRequests(apiUrl: string): Promise<void> {
  const { searches, source } = await adversarialSearches();
  const timed = await timeSearches(apiUrl, searches);
  timed.sort((a, b) => b.ms - a.ms);
  log.line(
    `\nworst requests: ${searches.length} adversarial searches from ${source}, POST /v1/search, cache off, median of 3:`,
  );
  log.table(
    ['search', 'status', 'ms'],
    timed.map((t) => [t.name, String(t.status), t.ms.toFixed(1)]),
  );
  const worst = searches.find((s) => s.name === timed[0]!.name)!;
  const feedPath = `/v1/feed.atom?limit=100&q=${encodeURIComponent(worst.params.q)}`;
  const feed = await timeFeed(apiUrl, feedPath);
  const held = await healthzUnderWorst(apiUrl, worst.params, { concurrency: 8, ms: DURATION * 1000 });
  log.line(
    `targets (issue 13): worst query <= 50 ms (${timed[0]!.ms.toFixed(1)} ms: ${timed[0]!.name}; status ${timed[0]!.status}); its Atom feed (limit 100, uncached) ${feed.ms.toFixed(1)} ms (status ${feed.status}); 8 at once delay /healthz p99 by <= 100 ms (${(held.loadedP99 - held.idleP99).toFixed(1)} ms: p99 ${held.idleP99.toFixed(1)} ms alone, ${held.loadedP99.toFixed(1)} ms under load, ${held.probes} probes; ${held.statuses} worst searches answered meanwhile); load average ${loadavg()[0]!.toFixed(1)}`,
  );
}

if (!HAS_SHARED) {
  console.log(`api bench ${SHARED_MISSING}`);
} else {
  log.line(
    `api bench: autocannon, ${CONNECTIONS} connections, ${DURATION} s per route, loopback, Node ${process.version}`,
  );
  if (ONLY !== 'generated') await runCorpus('BBC News (../shared/corpora/bbc)', 'bbc');
  if (ONLY !== 'bbc')
    await runCorpus(
      `GENERATED corpus (${GENERATED} articles from BBC text, seed 42)`,
      `generated:${GENERATED}`,
    );
  writeBenchSection('api-speed', 'API speed', log.markdown(), {
    now: new Date(),
    command: benchCommand('npm run bench -w @gazette/api', [
      'GAZETTE_BENCH_ONLY',
      'GAZETTE_BENCH_GENERATED',
      'GAZETTE_BENCH_SECONDS',
      'GAZETTE_BENCH_ROUNDS',
    ]),
  });
}
