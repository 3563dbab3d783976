// Where the build's analysis stage (analyseDocuments on one thread) allocates: a sampling heap profile
// that keeps the objects collected meanwhile (HeapProfiler.startSampling with both "include collected"
// flags, through node:inspector), summed by allocation site (function, file:line) and by function.
// Run in packages/core (news 10k needs no bench lock):
//   npx tsx --conditions=@gazette/source bench/search/analysis-allocations.ts news 10000
// ALLOC_TOP sets how many sites it lists (default 25); ALLOC_INTERVAL the sampling interval in bytes
// (default 4096: smaller is finer and slower). The total is an estimate (sampled), good to ~1%.
// Optimised code inlines callees into callers, and their allocations are then charged to the caller; to
// charge each function its own, run without inlining (slower, about the same total):
//   npx node --no-turbo-inlining --no-maglev-inlining --import tsx --conditions=@gazette/source \
//     bench/search/analysis-allocations.ts news 10000
import { parsedGenerated, parsedNews } from '@gazette/bench-corpora';
import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { compareNewest } from '../../src/corpus/components/compare-articles';
import { analyseDocuments, createBuilders } from '../../src/search/index/build-index';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  callFrame: CallFrame;
  selfSize: number;
  children: ProfileNode[];
}

const [kind = 'news', count = '10000'] = process.argv.slice(2);
const TOP = Number(process.env.ALLOC_TOP ?? 25);
const INTERVAL = Number(process.env.ALLOC_INTERVAL ?? 4096);

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) =>
    session.post(method, params, (err, out) => (err ? reject(err) : resolve(out as T))),
  );

const loaded = (kind === 'news' ? parsedNews : parsedGenerated)(Number(count));
const articles = [...new Map(loaded.map((a) => [a.id, a])).values()].sort(compareNewest);
console.log(`${kind} ${count}: ${articles.length} articles`);

// One untimed pass first: the profile is of code already compiled, as on a worker past its first documents.
analyseDocuments(createBuilders(articles.length), articles, 0, Math.min(500, articles.length));

await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', {
  samplingInterval: INTERVAL,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
/** perf_hooks' constants.NODE_PERFORMANCE_GC_* by value. */
const GC_KIND: Record<number, string> = {
  1: 'minor',
  4: 'major',
  8: 'incremental marking',
  16: 'weak callbacks',
};
// GC pauses on this thread meanwhile, by kind (the entries arrive after the analysis, before the summary).
const pauses = new Map<string, { n: number; ms: number }>();
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = GC_KIND[(e as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
    const p = pauses.get(kind) ?? { n: 0, ms: 0 };
    p.n++;
    p.ms += e.duration;
    pauses.set(kind, p);
  }
});
observer.observe({ entryTypes: ['gc'] });
const started = performance.now();
analyseDocuments(createBuilders(articles.length), articles, 0, articles.length);
const ms = performance.now() - started;
await new Promise((resolve) => setTimeout(resolve, 50));
observer.disconnect();
const { profile } = await post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
session.disconnect();

const bySite = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
const short = (url: string) => url.replace(/^.*\/packages\/core\//, '').replace(/^file:\/\//, '');
const nameOf = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${short(f.url)}`.trim();
// A built-in (no file: subarray, Set, push...) is named with its caller, the site that asked for it.
// Only what analyseDocuments calls is counted (not what the event loop does meanwhile, e.g. tsx's files).
const walk = (n: ProfileNode, caller: string, inAnalysis: boolean) => {
  const fn = nameOf(n.callFrame);
  const counted = inAnalysis || n.callFrame.functionName === 'analyseDocuments';
  const site = n.callFrame.url ? fn : `${fn} <- ${caller}`;
  if (n.selfSize && counted) {
    total += n.selfSize;
    bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + n.selfSize);
  }
  for (const c of n.children) walk(c, n.callFrame.url ? fn : caller, counted);
};
walk(profile.head, '(root)', false);

const mb = (b: number) => (b / 1e6).toFixed(1).padStart(7);
const list = (title: string, m: Map<string, number>) => {
  console.log(title);
  for (const [k, b] of [...m].sort((x, y) => y[1] - x[1]).slice(0, TOP))
    console.log(`${mb(b)} MB ${((100 * b) / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(
  `analysis of ${articles.length} articles: ${mb(total)} MB allocated (sampled), ${(ms / 1000).toFixed(2)} s`,
);
for (const [kind, p] of pauses) console.log(`  GC pauses, ${kind}: ${p.n}, ${p.ms.toFixed(0)} ms`);
list(`top ${TOP} allocation sites (self bytes; a built-in with the function calling it):`, bySite);
list(`top ${TOP} functions:`, byFunction);
