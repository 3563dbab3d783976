// The speed bench's summary for docs/benchmarks.md: per corpus, the rows issue 15 compares (dictionary,
// build, snapshot, cold start, and the query kinds' medians and 95th percentiles), one column an engine.
import { markdownTable } from '@gazette/bench-corpora';
import { describeVocabulary } from './corpus-vocabulary';
import type { SpeedRun } from './speed';
import type { Latency, WorkerResult } from './speed-worker';

const ms = (x: number | undefined) =>
  x === undefined ? '–' : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0);
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 2 ** 20).toFixed(0));

/** `a / b / c` of one percentile over query sets; '–' where the engine does not answer that kind. */
function latencies(r: WorkerResult, sets: string[], p: 'p50' | 'p95'): string {
  const cells = sets.map((name) => {
    const l = r.latency[name];
    return typeof l === 'object' ? ms((l as Latency)[p]) : '–';
  });
  return cells.every((c) => c === '–') ? '–' : cells.join(' / ');
}

function answered(r: WorkerResult, set: string): string {
  const l = r.latency[set];
  return typeof l === 'object' && l.answered !== undefined ? `${l.answered} of ${l.n}` : '–';
}

const ROWS: Array<[string, (r: WorkerResult) => string]> = [
  ['distinct terms in the dictionary', (r) => r.dictionary ?? '–'],
  ['build (s)', (r) => (r.buildMs / 1000).toFixed(1)],
  [
    'snapshot raw / gzip (MB)',
    (r) =>
      r.snapshotBytes === undefined
        ? `– ${r.snapshotError ?? ''}`
        : `${mb(r.snapshotBytes)} / ${mb(r.snapshotGzipBytes)}`,
  ],
  [
    'index part, without records: raw / gzip (MB)',
    (r) => (r.indexBytes === undefined ? '–' : `${mb(r.indexBytes)} / ${mb(r.indexGzipBytes)}`),
  ],
  ['cold start: load + 1st query (ms)', (r) => ms(r.coldMs)],
  ['AND 1 / 2 / 3 words p50 (ms)', (r) => latencies(r, ['AND 1 word', 'AND 2 words', 'AND 3 words'], 'p50')],
  ['AND 1 / 2 / 3 words p95 (ms)', (r) => latencies(r, ['AND 1 word', 'AND 2 words', 'AND 3 words'], 'p95')],
  ['OR 2 / 3 words p50 (ms)', (r) => latencies(r, ['OR 2 words', 'OR 3 words'], 'p50')],
  ['phrase p50 / p95 (ms)', (r) => `${latencies(r, ['phrase'], 'p50')} / ${latencies(r, ['phrase'], 'p95')}`],
  [
    'typo, 1 word p50 / p95 (ms)',
    (r) => `${latencies(r, ['typo 1 word'], 'p50')} / ${latencies(r, ['typo 1 word'], 'p95')}`,
  ],
  ['typo, 1 word: queries with a hit', (r) => answered(r, 'typo 1 word')],
  ['prefix (4–5 letters) p50 (ms)', (r) => latencies(r, ['prefix'], 'p50')],
];

/** What each engine's index part holds: the engines keep different things. */
function indexNote(run: SpeedRun): string {
  const lines = run.results.flatMap((r) =>
    'failure' in r || r.indexHolds === undefined ? [] : [`- ${r.engine}: ${r.indexHolds}.`],
  );
  return lines.length ? `\n\nIndex part, what each figure holds:\n${lines.join('\n')}` : '';
}

export function speedSummary(run: SpeedRun): string {
  const table = markdownTable(
    ['', ...run.results.map((r) => r.engine)],
    ROWS.map(([name, cell], i) => [
      name,
      ...run.results.map((r) =>
        'failure' in r ? (i === 0 ? r.failure : '') : cell(r).replace(/^– \/ –$/, '–'),
      ),
    ]),
  );
  const skipped = run.skipped.map((s) => `\n\nSkipped: ${s}.`).join('');
  return `${run.label}: ${describeVocabulary(run.vocabulary)}.\n\n${table}${indexNote(run)}${skipped}`;
}
