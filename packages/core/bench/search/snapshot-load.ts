// Cold start of a checked snapshot: reading the file, loading it (checksums verified: the stored content's
// blocks as the first query reads them, every other section at load) and
// a first query (coldMs, as bench:search measures it, and its CPU time), in a fresh process each run;
// checksumPassCpuMs is one checksum pass over the whole file, the part the checks add. The snapshot of the GENERATED corpus is built once and
// kept under .bench/ (rebuilt when it no longer loads: another format).
//   npx tsx --conditions=@gazette/source bench/search/snapshot-load.ts [count=100000] [runs=5]
//   npx tsx --conditions=@gazette/source bench/search/snapshot-load.ts FILE [runs=5]   (a snapshot file as it is)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PARSED_CACHE_DIR } from '@gazette/bench-corpora';
import { createCorpus, loadCorpus } from '../../src/corpus/create-corpus';
import { checksum32 } from '../../src/binary/checksum';
import { generatedArticles } from './articles';

const given = process.argv.slice(2).filter((a) => a !== 'child');
/** A first argument that is not a number names a snapshot file, measured as it is. */
const named = given[0] !== undefined && Number.isNaN(Number(given[0])) ? given.shift() : undefined;
const [count = 100_000, runs = 5] = named ? [0, ...given.map(Number)] : given.map(Number);
const file = named ?? `${PARSED_CACHE_DIR}generated-${count}.snapshot`;

/** Milliseconds of CPU this process spent since `from` (wall time drifts with the load of a shared machine). */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
};

function measure(): void {
  const t0 = performance.now();
  const bytes = readFileSync(file);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const corpus = loadCorpus(bytes);
  const t2 = performance.now();
  corpus.search({ q: 'market school', limit: 10 });
  const t3 = performance.now();
  const coldCpu = cpuMs(c1);
  const c4 = process.cpuUsage();
  checksum32(bytes);
  const checksumCpu = cpuMs(c4);
  // Then as bench:search loads it (its code already run by the build and the queries): loads again, warm.
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    loadCorpus(bytes).search({ q: 'market school', limit: 10 });
    warm.push(performance.now() - t);
  }
  const f = (x: number) => Number(x.toFixed(1));
  console.log(
    JSON.stringify({
      mb: f(bytes.length / 2 ** 20),
      readMs: f(t1 - t0),
      loadMs: f(t2 - t1),
      coldMs: f(t3 - t1),
      coldCpuMs: f(coldCpu),
      checksumPassCpuMs: f(checksumCpu),
      warmColdMs: warm.map(f),
    }),
  );
}

if (process.argv[2] === 'child') measure();
else {
  let ok = existsSync(file);
  try {
    if (ok) loadCorpus(readFileSync(file));
  } catch {
    ok = false;
  }
  if (!ok && named) throw new Error(`${named} does not load as a snapshot of this Gazette`);
  if (!ok) {
    const t = performance.now();
    writeFileSync(file, createCorpus(generatedArticles(count)).toSnapshot());
    console.log(`built ${file} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const self = fileURLToPath(import.meta.url);
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '--conditions=@gazette/source',
        self,
        'child',
        named ?? String(count),
      ],
      {
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) process.exit(1);
  }
}
