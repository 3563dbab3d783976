// One replica of a large store, in a process of its own so its memory is its own: opens the store's live
// corpus as the API does (following it, segments kept in the folder given), then runs the fixed query set
// on it, and prints one JSON line: start time, the segments it started from, its memory (peak and settled
// after a full collection) and each query's time. Run by large-store.ts, with --expose-gc.
//   node --expose-gc --import tsx --conditions=@gazette/source bench/store/replica-process.ts URL SEGMENTS [PASSES [MAX_SEGMENT]]
import { memoryUsage, resourceUsage } from 'node:process';
import { DEFAULT_MERGE_POLICY } from '../../src/live/components/merge-policy';
import { openLiveCorpus } from '../../src/node/open-live-corpus';
import { queryLatencies } from '../live/query-latency';

const [url, segments, passes = '5', maxSegment] = process.argv.slice(2);
if (!url || !segments) throw new Error('usage: replica-process.ts URL SEGMENTS [PASSES]');

const t = performance.now();
const policy = { ...DEFAULT_MERGE_POLICY, ...(maxSegment ? { maxSegment: Number(maxSegment) } : {}) };
const live = await openLiveCorpus(url, { segments, policy, notice: (line) => console.error(line) });
const startMs = performance.now() - t;
const peakAtStartMb = resourceUsage().maxRSS / 1024;
const settled = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = memoryUsage();
  return { rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20, externalMb: m.external / 2 ** 20 };
};
const atStart = settled();
const { ms } = await queryLatencies(() => live.corpus(), Number(passes));
const afterQueries = settled();
const totals = ['government', 'police said', '"prime minister"'].map(
  (q) => live.corpus().search({ q, limit: 1 }).total,
);
console.log(
  JSON.stringify({
    startMs,
    version: live.version(),
    peakAtStartMb,
    peakMb: resourceUsage().maxRSS / 1024,
    atStart,
    afterQueries,
    ms,
    totals,
  }),
);
await live.close();
