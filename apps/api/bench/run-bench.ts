// `npm run bench -w @gazette/api`: autocannon on loopback, 50 connections, in one run: a Hono hello-world
// (the ceiling), GET /v1/articles/{id} and GET /v1/search?q= (1-3 words), over the BBC corpus and a
// generated corpus. Prints req/s, p99, the ratios to hello-world and the server's memory.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HAS_SHARED, SHARED_MISSING } from '@gazette/bench-corpora';
import autocannon from 'autocannon';
import type { ServerMessage } from './bench-server';

const DURATION = Number(process.env.GAZETTE_BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
// 100k articles take about 6 minutes to parse here (enrichment included) and several GB of memory; the
// default is a labelled 20k. GAZETTE_BENCH_GENERATED=100000 runs the full size.
const GENERATED = Number(process.env.GAZETTE_BENCH_GENERATED ?? 20_000);

interface Measure {
  name: string;
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function measure(name: string, url: string, paths: readonly string[]): Promise<Measure> {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }),
        },
      ],
    });
  await run(2); // warm-up: JIT and caches
  const r = await run(DURATION);
  return { name, rps: r.requests.average, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

function startServer(
  which: string,
): Promise<{ child: ChildProcess; ready: Extract<ServerMessage, { kind: 'ready' }> }> {
  const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), [which], {
    execArgv: ['--import', 'tsx', '--conditions=@gazette/source', '--expose-gc', '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: ServerMessage) =>
      m.kind === 'ready' ? resolve({ child, ready: m }) : undefined,
    );
    child.once('exit', (code) => reject(new Error(`bench server for ${which} exited with ${code}`)));
  });
}

function memory(child: ChildProcess): Promise<Extract<ServerMessage, { kind: 'memory' }>> {
  return new Promise((resolve) => {
    child.once('message', (m: ServerMessage) => m.kind === 'memory' && resolve(m));
    child.send('memory');
  });
}

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

async function benchCorpus(label: string, which: string): Promise<void> {
  const { child, ready } = await startServer(which);
  try {
    console.log(
      `\n${label}: ${ready.articles} articles (parsed in ${(ready.parseMs / 1000).toFixed(1)} s, corpus built in ${(ready.indexMs / 1000).toFixed(1)} s)`,
    );
    const before = await memory(child);
    // The ceiling is measured before and after the routes: on a shared machine the load drifts.
    const helloBefore = await measure('hello-world (ceiling)', ready.helloUrl, ['/']);
    const sized = await measure(`hello-world, ${ready.medianBytes} B body (median article)`, ready.helloUrl, [
      '/sized',
    ]);
    const article = await measure(
      'GET /v1/articles/{id}',
      ready.apiUrl,
      ready.ids.map((id) => `/v1/articles/${id}`),
    );
    const search = await measure(
      'GET /v1/search?q= (1-3 words)',
      ready.apiUrl,
      ready.queries.map((q) => `/v1/search?q=${encodeURIComponent(q)}`),
    );
    const helloAfter = await measure('hello-world (ceiling)', ready.helloUrl, ['/']);
    const hello: Measure = {
      name: `hello-world (ceiling; ${Math.round(helloBefore.rps)} before, ${Math.round(helloAfter.rps)} after)`,
      rps: (helloBefore.rps + helloAfter.rps) / 2,
      p99: Math.max(helloBefore.p99, helloAfter.p99),
      errors: helloBefore.errors + helloAfter.errors,
      non2xx: helloBefore.non2xx + helloAfter.non2xx,
    };
    const after = await memory(child);
    const rows = [hello, sized, article, search].map((m) => ({
      route: m.name,
      'req/s': Math.round(m.rps),
      'p99 ms': m.p99,
      'vs hello': `${((m.rps / hello.rps) * 100).toFixed(1)}%`,
      errors: m.errors + m.non2xx,
    }));
    console.table(rows);
    console.log(
      `targets: article >= 70% (${((article.rps / hello.rps) * 100).toFixed(1)}%), search >= 50% (${((search.rps / hello.rps) * 100).toFixed(1)}%), p99 < 10 ms (article ${article.p99} ms, search ${search.p99} ms)`,
    );
    console.log(
      `the bytes alone: a bare Hono sending a median article's JSON reaches ${((sized.rps / hello.rps) * 100).toFixed(1)}% of hello-world; the article route reaches ${((article.rps / sized.rps) * 100).toFixed(1)}% of that`,
    );
    console.log(
      `server memory: rss ${mb(before.rss)} / heap ${mb(before.heapUsed)} after loading; rss ${mb(after.rss)} / heap ${mb(after.heapUsed)} after the runs`,
    );
  } finally {
    child.send('exit');
  }
}

if (!HAS_SHARED) {
  console.log(`api bench ${SHARED_MISSING}`);
} else {
  console.log(
    `api bench: autocannon, ${CONNECTIONS} connections, ${DURATION} s per route, loopback, Node ${process.version}`,
  );
  await benchCorpus('BBC News (../shared/corpora/bbc)', 'bbc');
  await benchCorpus(
    `GENERATED corpus (${GENERATED} articles from BBC text, seed 42)`,
    `generated:${GENERATED}`,
  );
}
