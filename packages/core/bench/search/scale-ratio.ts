// How each query class's p50 grows from one corpus size to a larger one, measured in one process: both
// corpora loaded from query-cpu's snapshots as the live index holds them (views on the bytes; the larger
// one in segments), each asked its own seeded queries under bench:search's protocol (speed-worker's
// timeSets), in turns (small, large, small, large, ...) so that the machine's load at any moment weighs on
// both alike. bench:search reads each size in a worker of its own, minutes apart, and its smaller sizes on
// the corpus as built (not loaded): its ratios carry that noise and that difference. Prints the least
// p50 and p95 of PASSES turns per class, and the ratio of the least p50s.
//   NODE_OPTIONS=--max-old-space-size=8192 npx node --expose-gc --import tsx --conditions=@gazette/source \
//     bench/search/scale-ratio.ts news-100000 news-300000-seg100000 [PASSES]
// Each name needs query-cpu's files and protocol-replay's warm-up queries (run those first).
// SCALE_RATIO_QUERIES=smaller asks both corpora the smaller one's queries (and warm-up): how the same
// queries grow, without the larger corpus drawing commoner ones.
import { existsSync, readFileSync } from 'node:fs';
import { type Engine, gazetteEngine, segmentedEngine } from './engines';
import { queryCpuPath, readQueryCpu } from './query-cpu-files';
import { timeSets } from './speed-worker';
import { loadCorpus } from '@gazette/core';

const [smallName = 'news-100000', largeName = 'news-300000-seg100000', passesArg = '4'] =
  process.argv.slice(2);

interface Side {
  name: string;
  engine: Engine;
  input: Parameters<typeof timeSets>[1];
  best: Record<string, { p50: number; p95: number }>;
}

/** A file another bench writes, or an error naming the bench to run for it. */
function readJson(file: string, maker: string) {
  if (!existsSync(file)) throw new Error(`no ${file}: run bench/search/${maker} for it first`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** One corpus, asked the queries drawn from `asked` (itself by default). */
function side(name: string, asked = name): Side {
  const { bytes, queries: own } = readQueryCpu(name);
  // Another corpus's queries are read from its queries file alone (not its snapshot too).
  const queries = asked === name ? own : readJson(`${queryCpuPath(asked)}.queries.json`, 'query-cpu.ts');
  const warmUp = readJson(`${queryCpuPath(asked)}.warmup.json`, 'protocol-replay.ts');
  const engine = bytes.length === 1 ? gazetteEngine(loadCorpus(bytes[0]!)) : segmentedEngine(bytes);
  return { name, engine, input: { queries, warmUp, capMs: 60_000 }, best: {} };
}

const same = process.env.SCALE_RATIO_QUERIES === 'smaller';
const sides = [side(smallName), side(largeName, same ? smallName : largeName)];
for (let pass = 0; pass < Number(passesArg); pass++) {
  for (const s of sides) {
    (globalThis as { gc?: () => void }).gc?.();
    for (const [cls, l] of Object.entries(timeSets(s.engine, s.input))) {
      if (typeof l !== 'object') continue;
      const b = s.best[cls];
      s.best[cls] = { p50: Math.min(b?.p50 ?? Infinity, l.p50), p95: Math.min(b?.p95 ?? Infinity, l.p95) };
    }
  }
}
const [small, large] = sides as [Side, Side];
console.log(
  `least p50 / p95 of ${passesArg} turns (ms): ${small.name} against ${large.name}${same ? `, both asked ${small.name}'s queries` : ''}`,
);
console.log('| class | smaller p50 / p95 | larger p50 / p95 | p50 ratio |');
console.log('| --- | --- | --- | --- |');
for (const [cls, a] of Object.entries(small.best)) {
  const b = large.best[cls];
  if (!b) continue;
  const ms = (l: { p50: number; p95: number }) => `${l.p50.toFixed(3)} / ${l.p95.toFixed(3)}`;
  console.log(`| ${cls} | ${ms(a)} | ${ms(b)} | ${(b.p50 / a.p50).toFixed(2)} |`);
}
