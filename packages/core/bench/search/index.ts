// `npm run bench:search`: relevance (BBC known-item test), then speed and size on BBC, on the GENERATED
// news corpus with a growing vocabulary at 10k, 100k and 300k articles (the default large corpus), and on
// the replicated 100k corpus as a second row. The summary tables go to docs/benchmarks.md too.
//   GAZETTE_BENCH_ONLY=relevance|bbc|news|replicated   one part only
//   GAZETTE_BENCH_SIZES=10000,100000                   sizes of the news corpus (default 10000,100000,300000)
//   GAZETTE_BENCH_REPLICATED=100000                    size of the replicated corpus (0 skips it)
//   GAZETTE_BENCH_ENGINES=Gazette,MiniSearch           only those engines
//   GAZETTE_BENCH_SEGMENT=100000                       Gazette's segment size (default: its live index's, 100k)
import { totalmem } from 'node:os';
import { HAS_SHARED, SHARED_MISSING, sectionId, writeBenchSection } from '@gazette/bench-corpora';
import type { CorpusSpec } from './articles';
import { FACTORIES } from './engines';
import { relevance } from './relevance';
import { type SpeedRun, speed } from './speed';
import { speedSummary } from './speed-summary';
import { WARM_UP_QUERIES } from './speed-worker';

const env = process.env;
const sizes = (env.GAZETTE_BENCH_SIZES ?? '10000,100000,300000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const replicated = Number(env.GAZETTE_BENCH_REPLICATED ?? 100_000);
const wanted = env.GAZETTE_BENCH_ENGINES?.split(',');

// Orama and Lunr take many minutes at these sizes and fail at 100k (Orama's snapshot does not serialise,
// Lunr runs out of a 6 GB heap): on the generated corpora they run only when asked for by name.
const SLOW = ['Orama', 'Lunr'];
function enginesFor(corpus: CorpusSpec): { run: string[]; skipped: string[] } {
  const all = Object.keys(FACTORIES).filter((e) => !wanted || wanted.includes(e));
  if (corpus.kind === 'bbc' || wanted) return { run: all, skipped: [] };
  const slow = all.filter((e) => SLOW.includes(e));
  return {
    run: all.filter((e) => !SLOW.includes(e)),
    skipped: slow.length
      ? [
          `${slow.join(' and ')} on the generated corpora (at 100k Orama's snapshot fails to serialise and Lunr runs out of a 6 GB heap; GAZETTE_BENCH_ENGINES=${slow.join(',')} runs them)`,
        ]
      : [],
  };
}

// Per 100k articles: a worker's heap cap and its time limit; no limit under 10 minutes (a shared machine
// under load runs several times slower than an idle one).
const MB_PER_100K = 8192;
const MS_PER_100K = 1_800_000;
const MIN_MS = 600_000;
const MEMORY_MB = Math.floor((totalmem() / 2 ** 20) * 0.6);

async function large(
  corpus: CorpusSpec & { count: number },
  progress: (run: SpeedRun) => void,
): Promise<SpeedRun | string> {
  const scale = corpus.count / 100_000;
  // Half the cap is about what Gazette and MiniSearch need; below that a run would only fail.
  if ((MB_PER_100K / 2) * scale > MEMORY_MB)
    return `skipped: it needs about ${Math.round((MB_PER_100K / 2) * scale)} MB a worker and this machine gives ${MEMORY_MB}`;
  const memoryMb = Math.min(MEMORY_MB, Math.max(4096, Math.round(MB_PER_100K * scale)));
  return speed(corpus, enginesFor(corpus), Math.max(MIN_MS, MS_PER_100K * scale), memoryMb, 8_000, progress);
}

const COMMAND = `${[
  'GAZETTE_BENCH_ONLY',
  'GAZETTE_BENCH_SIZES',
  'GAZETTE_BENCH_REPLICATED',
  'GAZETTE_BENCH_ENGINES',
  'GAZETTE_BENCH_SEGMENT',
]
  .filter((k) => env[k])
  .map((k) => `${k}=${/\s/.test(env[k]!) ? `'${env[k]}'` : env[k]} `)
  .join('')}npm run bench:search -w @gazette/core`;

if (!HAS_SHARED) {
  console.log(`bench: skipped, the shared corpora are missing (${SHARED_MISSING})`);
} else {
  const only = env.GAZETTE_BENCH_ONLY;
  const now = new Date();
  // Each corpus has its own section, replaced when that corpus is measured again.
  const report = (corpus: CorpusSpec, run: SpeedRun | string) => {
    const title =
      corpus.kind === 'bbc'
        ? 'Search speed and size: BBC News'
        : `Search speed and size: GENERATED ${corpus.kind === 'news' ? 'news, growing vocabulary' : 'replicated BBC text'}, ${corpus.count.toLocaleString('en')} articles`;
    if (typeof run === 'string') console.log(`\n${title}: ${run}`);
    const body = typeof run === 'string' ? run : speedSummary(run);
    writeBenchSection(
      sectionId(title),
      title,
      `Times in ms (p50 / p95 over up to 200 seeded queries each, timed after ${WARM_UP_QUERIES} other queries of the kind, with no forced full collection between sets), sizes in MB.\n\n${body}`,
      {
        now,
        command: COMMAND,
      },
    );
  };
  if (!only || only === 'relevance') await relevance(now, COMMAND);
  const bbc: CorpusSpec = { kind: 'bbc' };
  if (!only || only === 'bbc') report(bbc, await speed(bbc, enginesFor(bbc), MIN_MS, 4096));
  const corpora: Array<CorpusSpec & { count: number }> = [
    ...(!only || only === 'news' ? sizes.map((count) => ({ kind: 'news' as const, count })) : []),
    ...((!only || only === 'replicated') && replicated > 0
      ? [{ kind: 'replicated' as const, count: replicated }]
      : []),
  ];
  for (const corpus of corpora) report(corpus, await large(corpus, (run) => report(corpus, run)));
}
