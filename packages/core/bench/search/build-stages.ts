// Times Gazette's build (createCorpus) on a cached bench corpus, stage by stage, and the parallel build
// the search bench measures (createCorpusInParallel): wall and CPU time (all threads), min of RUNS runs.
// Run with a CPU profile of the single-thread build:
//   npx node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx --conditions=@gazette/source \
//     bench/search/build-stages.ts news 10000
// BUILD_STAGES_RUNS (default 3) sets the runs; BUILD_STAGES_ONLY=parallel|stages|fingerprint runs one part;
// BUILD_STAGES_THREADS sets the parallel build's threads; the parallel build prints each thread's stages
// (a timeline from the build's start), with GC pauses when BUILD_STAGES_TRACE_GC=1. The fingerprint (sha256 of the snapshot, and of
// the answers to the speed bench's seeded queries: ids, scores, snippets, totals, facets) is the same
// before and after a change to the build that must not change the index.
import { parsedGenerated, parsedNews } from '@gazette/bench-corpora';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { type Article, type Corpus, createCorpus } from '@gazette/core';
import { createCorpusInParallel } from '@gazette/core/node/query';
import type { StageSpan } from '../../src/node/build-timeline';
import { analyseAll, buildLists, createBuilders, finishIndex } from '../../src/search/index/build-index';
import { ArticleRecords } from '../../src/corpus/records/article-records';
import { compareNewest } from '../../src/corpus/components/compare-articles';
import { gazetteRequest, toDoc } from './engines';
import { speedQueries } from './speed-queries';

const [kind = 'news', count = '10000'] = process.argv.slice(2);
const RUNS = Number(process.env.BUILD_STAGES_RUNS ?? 3);
const ONLY = process.env.BUILD_STAGES_ONLY;
/** Threads of the parallel build (default: as the bench builds it, this one and the idle cores). */
const THREADS = process.env.BUILD_STAGES_THREADS ? Number(process.env.BUILD_STAGES_THREADS) : undefined;

interface Time {
  wall: number;
  cpu: number;
}
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function timed<T>(fn: () => T): [T, Time] {
  const w = performance.now();
  const c = cpuNow();
  const out = fn();
  return [out, { wall: performance.now() - w, cpu: cpuNow() - c }];
}
const fmt = (t: Time) => `${(t.wall / 1000).toFixed(2)} s wall, ${(t.cpu / 1000).toFixed(2)} s cpu`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function stages(articles: readonly Article[]): Record<string, Time> {
  const out: Record<string, Time> = {};
  const [newest, tSort] = timed(() =>
    [...new Map(articles.map((a) => [a.id, a])).values()].sort(compareNewest),
  );
  out['order (dedupe ids, sort newest)'] = tSort;
  const [b, tAnalyse] = timed(() => {
    const b = createBuilders(newest.length);
    analyseAll(b, newest);
    return b;
  });
  out['analyse documents (words, texts, entries, keywords, facets, entities)'] = tAnalyse;
  let listsTime: Time = { wall: 0, cpu: 0 };
  const [, tFinish] = timed(() =>
    finishIndex(newest, b, (input) => {
      const [lists, t] = timed(() => buildLists(input));
      listsTime = t;
      return () => lists;
    }),
  );
  out['finish: lists (inversion + impacts, positions)'] = listsTime;
  out['finish: the rest (sort terms, surface words, string columns)'] = {
    wall: tFinish.wall - listsTime.wall,
    cpu: tFinish.cpu - listsTime.cpu,
  };
  const [, tRecords] = timed(() => ArticleRecords.build(newest));
  out['article records'] = tRecords;
  return out;
}

const [articles, tLoad] = timed(() => (kind === 'news' ? parsedNews : parsedGenerated)(Number(count)));
console.log(`${kind} ${count}: ${articles.length} articles loaded in ${fmt(tLoad)}`);

const min = (xs: Time[]) => ({
  wall: Math.min(...xs.map((x) => x.wall)),
  cpu: Math.min(...xs.map((x) => x.cpu)),
});
if (ONLY === undefined || ONLY === 'stages') {
  const runs: Array<Record<string, Time>> = [];
  for (let r = 0; r < RUNS; r++) {
    gc();
    runs.push(stages(articles));
  }
  console.log(`stages of createCorpus on this thread (min of ${RUNS}):`);
  for (const name of Object.keys(runs[0]!)) console.log(`  ${name}: ${fmt(min(runs.map((r) => r[name]!)))}`);
  const whole: Time[] = [];
  for (let r = 0; r < RUNS; r++) {
    gc();
    whole.push(timed(() => createCorpus(articles))[1]);
  }
  console.log(`createCorpus (one thread), min of ${RUNS}: ${fmt(min(whole))}`);
}
let onDone = () => {};
if (ONLY === undefined || ONLY === 'parallel') {
  const par: Time[] = [];
  const thread = () => {
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  for (let r = 0; r < RUNS; r++) {
    gc();
    const here = thread();
    const before = backgroundCpu();
    onDone = () => {
      console.log(
        `  this thread (copies the documents out, builds the records): ${((thread() - here) / 1000).toFixed(2)} s cpu`,
      );
      const after = backgroundCpu();
      let ms = 0;
      // Threads that started meanwhile are the workers (ending, not yet gone), counted in the timeline.
      for (const [tid, cpu] of after) if (before.has(tid)) ms += cpu - before.get(tid)!;
      if (after.size)
        console.log(`  V8 and libuv background threads (GC helpers...): ${(ms / 1000).toFixed(2)} s cpu`);
    };
    par.push(
      timed(() =>
        createCorpusInParallel(articles, {
          ...(THREADS ? { threads: THREADS } : {}),
          traceGc: process.env.BUILD_STAGES_TRACE_GC === '1',
          onBuilt: ({ timeline, ...w }) => {
            console.log(`  workers ${JSON.stringify(w)}`);
            printTimeline(timeline);
          },
        }),
      )[1],
    );
    onDone();
  }
  console.log(`createCorpusInParallel (the bench's build), min of ${RUNS}: ${fmt(min(par))}`);
  console.log(`  each: ${par.map(fmt).join('; ')}`);
}

/** CPU ms of this process's threads other than this one (Linux): V8's platform threads, libuv's pool. */
function backgroundCpu(): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync('/proc/self/task')) return out;
  for (const tid of readdirSync('/proc/self/task')) {
    if (tid === String(process.pid)) continue;
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

/** Each thread's stages, from the first stage's start (s): when, how long, CPU and GC in it. */
function printTimeline(spans: readonly StageSpan[]): void {
  if (spans.length === 0) return;
  const t0 = Math.min(...spans.map((s) => s.start));
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(6);
  console.log('  timeline (s from the copy-out start): thread stage  start..end  wall  cpu  gc');
  for (const x of spans)
    console.log(
      `    ${x.thread.padEnd(9)} ${x.stage.padEnd(18)} ${s(x.start - t0)}..${s(x.end - t0)} ${s(x.wall)} ${s(x.cpu)} ${s(x.gc)}`,
    );
  const cpu = spans.reduce((a, x) => a + x.cpu, 0);
  const end = Math.max(...spans.map((x) => x.end)) - t0;
  console.log(`  threads' cpu ${s(cpu)} s in ${s(end)} s: ${s(2 * end - cpu)} core-s of 2 cores left idle`);
}

/** The snapshot's sha256, and that of every answer (whole result objects) to the seeded query sets. */
function fingerprint(corpus: Corpus, docs: readonly Article[]): { snapshot: string; answers: string } {
  const sha = (x: string | Uint8Array) => createHash('sha256').update(x).digest('hex');
  const answers = createHash('sha256');
  for (const [name, qs] of Object.entries(speedQueries(docs.map(toDoc), 50))) {
    for (const q of qs) {
      answers.update(`${name}\n${JSON.stringify(corpus.search(gazetteRequest(q)))}\n`);
    }
  }
  return { snapshot: sha(corpus.toSnapshot()), answers: answers.digest('hex') };
}

if (ONLY === 'fingerprint' || process.env.BUILD_STAGES_FINGERPRINT) {
  const one = fingerprint(createCorpus(articles), articles);
  console.log(`fingerprint, one thread: snapshot ${one.snapshot}, answers ${one.answers}`);
  const par = fingerprint(createCorpusInParallel(articles, { threads: 2, minArticles: 2 }), articles);
  console.log(`fingerprint, two threads: snapshot ${par.snapshot}, answers ${par.answers}`);
}
