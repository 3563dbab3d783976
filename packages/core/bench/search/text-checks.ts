// What the stored content's block checks cost a first pass of the speed bench's queries (as query-cpu.ts
// times it: each pass on the snapshot loaded afresh, 20 queries to warm up, then the class): a page's
// snippets read each hit's best text, and the first read of a text checks the whole block it lies in
// (CHECK_BLOCK, 4 KB since format 15; it was 16 KB). Each pass runs the checks as stored, with the work
// of quarter blocks instead (a what-if: the same checksum over quarter blocks, its result unused), and
// with none; the variants take turns, so a shared
// machine's load falls on all of them alike. Answers do not depend on the checks (they only throw).
// Reads the query-cpu snapshot of the corpus (run query-cpu.ts first to build it).
//   npx tsx --conditions=@gazette/source bench/search/text-checks.ts [news|replicated] [COUNT] [PASSES]
//   GAZETTE_TEXT_CHECKS_CLASSES='AND 2 words,AND 3 words'   the classes timed
import { existsSync, readFileSync } from 'node:fs';
import { PARSED_CACHE_DIR } from '@gazette/bench-corpora';
import { BlockCheck, CHECK_BLOCK } from '../../src/binary/block-check';
import { checksum32 } from '../../src/binary/checksum';
import { loadCorpus } from '../../src/corpus/create-corpus';
import { gazetteRequest, type Query } from './engines';

const [kind = 'news', count = '100000', passesArg = '8'] = process.argv.slice(2);
const name = `${PARSED_CACHE_DIR}query-cpu-${kind}-${count}`;
if (!existsSync(`${name}.snapshot`) || !existsSync(`${name}.queries.json`))
  throw new Error(
    `No query-cpu snapshot at ${name}.snapshot: run bench/search/query-cpu.ts ${kind} ${count} first.`,
  );
const bytes = new Uint8Array(readFileSync(`${name}.snapshot`));
const queries: Record<string, Query[]> = JSON.parse(readFileSync(`${name}.queries.json`, 'utf8'));
const classes = (process.env.GAZETTE_TEXT_CHECKS_CLASSES ?? 'AND 2 words,AND 3 words').split(',');

const QUARTER = CHECK_BLOCK / 4;
const asStored = BlockCheck.prototype.check;
/** Blocks of a size first reached so far, per checked section: the bench's own record. */
const reached = new Map<number, WeakMap<BlockCheck, Uint8Array>>();
/** Calls fn(start, end) for each block of `size` holding bytes[from, to) not reached before. */
function firstReached(
  check: BlockCheck,
  size: number,
  from: number,
  to: number,
  fn: (s: number, e: number) => void,
) {
  if (to <= from) return;
  const bySection = reached.get(size) ?? reached.set(size, new WeakMap()).get(size)!;
  let done = bySection.get(check);
  if (!done) {
    done = new Uint8Array(Math.ceil(check.bytes.length / size));
    bySection.set(check, done);
  }
  const last = Math.floor((to - 1) / size);
  for (let b = Math.floor(from / size); b <= last; b++) {
    if (done[b]) continue;
    done[b] = 1;
    fn(b * size, Math.min(check.bytes.length, (b + 1) * size));
  }
}
let sink = 0;
let fresh = 0;
const variants: Record<string, (this: BlockCheck, from: number, to: number) => void> = {
  [`${CHECK_BLOCK / 1024} KB (stored)`]: function (from, to) {
    firstReached(this, CHECK_BLOCK, from, to, () => fresh++);
    asStored.call(this, from, to);
  },
  [`${QUARTER / 1024} KB work`]: function (from, to) {
    firstReached(this, QUARTER, from, to, (s, e) => {
      sink ^= checksum32(this.bytes.subarray(s, e));
    });
  },
  none: () => {},
};

const p50s: Record<string, number[]> = {};
for (let p = 0; p < Number(passesArg); p++)
  for (const cls of classes) {
    const reqs = queries[cls]!.map(gazetteRequest);
    const names = Object.keys(variants);
    for (let v = 0; v < names.length; v++) {
      const variant = names[(v + p) % names.length]!;
      BlockCheck.prototype.check = variants[variant]!;
      reached.clear();
      const corpus = loadCorpus(bytes);
      for (const r of reqs.slice(0, 20)) corpus.search(r);
      fresh = 0;
      const times: number[] = [];
      for (const r of reqs) {
        const t = performance.now();
        corpus.search(r);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const key = `${cls} | ${variant}`;
      p50s[key] = [...(p50s[key] ?? []), times[times.length >> 1]!];
      if (p === 0 && variant === names[0])
        console.log(
          `${cls}: ${(fresh / reqs.length).toFixed(1)} blocks of ${CHECK_BLOCK / 1024} KB checked a query`,
        );
    }
  }
BlockCheck.prototype.check = asStored;
console.log('class | block checks | first-pass wall p50, least of passes | median of passes');
for (const [key, v] of Object.entries(p50s)) {
  v.sort((a, b) => a - b);
  console.log(`${key} | ${v[0]!.toFixed(4)} | ${v[v.length >> 1]!.toFixed(4)}`);
}
if (sink === 0.5) console.log(sink);
