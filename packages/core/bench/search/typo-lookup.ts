// `npx tsx --conditions=@gazette/source bench/search/typo-lookup.ts`: typo lookups timed on a dictionary the
// size of realistic news at 100k articles, the trie walk (typo-candidates.ts) against the length-bucketed
// scan it replaced (typo-scan.ts), same dictionary, same queries, same run; both answers compared.
// The dictionary: BBC's folded words plus seeded synthetic ones (misspellings, names made of syllables,
// codes and compounds) up to GAZETTE_TYPO_WORDS (300,000); a second row adds uniform random letter strings,
// the worst case for a trie walk (every short prefix exists, so little is pruned near the root); the last
// rows take BBC's words alone.
import { HAS_SHARED, quantile, readBbc, seededRandom, SHARED_MISSING } from '@gazette/bench-corpora';
import { compareCodePoints, StringColumn } from '../../src/binary/string-column';
import { foldedWords } from '../../src/search/analysis/folded-words';
import { typoCandidates } from '../../src/search/engine/typo-candidates';
import type { SearchIndex } from '../../src/search/index/search-index';
import { typoBudget } from '../../src/search/query/typo-budget';
import { TYPO_UNIT, WORK_BUDGET } from '../../src/search/query/work-budget';
import { typoCandidatesByScan, typoScanSize } from './typo-scan';

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const SYLLABLES =
  'ka ri to mo na be la shi ven dor al ex an ter os ul ma gra fen wick ton berg ova ski el ia'.split(' ');

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** One random edit of a word: insert, delete, substitute or swap neighbours. */
function misspell(r: Rand, w: string): string {
  const cs = [...w];
  const at = Math.floor(r() * cs.length);
  const kind = Math.floor(r() * 4);
  if (kind === 0) cs.splice(at, 0, pick(r, [...LATIN]));
  else if (kind === 1) cs.splice(at, 1);
  else if (kind === 2) cs[at] = pick(r, [...LATIN]);
  else if (at + 1 < cs.length) [cs[at], cs[at + 1]] = [cs[at + 1]!, cs[at]!];
  return cs.join('');
}

/** Synthetic words in the shapes a large news vocabulary adds: misspellings, names, codes, compounds. */
function syntheticWord(r: Rand, real: readonly string[]): string {
  const kind = r();
  if (kind < 0.35) return misspell(r, pick(r, real));
  if (kind < 0.7) return Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(r, SYLLABLES)).join('');
  if (kind < 0.85) return `${pick(r, [...LATIN])}${Math.floor(r() * 100_000)}`;
  return `${pick(r, real)}${pick(r, real)}`;
}

const randomLetters = (r: Rand) =>
  Array.from({ length: 5 + Math.floor(r() * 8) }, () => pick(r, [...LATIN])).join('');

function dictionary(words: Set<string>): SearchIndex {
  const sorted = [...words].sort(compareCodePoints);
  return {
    surface: StringColumn.from(sorted),
    surfaceTerm: Uint32Array.from(sorted, (_, i) => i),
  } as SearchIndex;
}

const ms = (x: number) => x.toFixed(3);

/** p50 / p95 of each lookup's time, after one warm-up pass; asserts both find the same. */
function time(ix: SearchIndex, queries: string[]) {
  const walk: number[] = [];
  const scan: number[] = [];
  let steps = 0;
  let compared = 0;
  // Lookups a query's whole work budget could not pay for: the engine leaves those out (partial answer).
  const over = { scan: 0, walk: 0 };
  const overBudget = (units: number) => (units > WORK_BUDGET.maxQueryWork ? 1 : 0);
  for (const pass of [0, 1])
    for (const q of queries) {
      const max = typoBudget(q);
      let t = performance.now();
      const a = typoCandidates(ix, q, max)!;
      const tWalk = performance.now() - t;
      t = performance.now();
      const b = typoCandidatesByScan(ix, q, max);
      const tScan = performance.now() - t;
      if (JSON.stringify(a.found) !== JSON.stringify(b)) throw new Error(`walk and scan differ on ${q}`);
      if (pass === 0) continue;
      walk.push(tWalk);
      scan.push(tScan);
      steps += a.steps;
      compared += typoScanSize(ix, q, max);
      over.scan += overBudget(typoScanSize(ix, q, max) * TYPO_UNIT);
      over.walk += overBudget(a.steps * TYPO_UNIT);
    }
  const n = queries.length;
  return { walk, scan, steps: steps / n, compared: compared / n, over };
}

function row(name: string, ix: SearchIndex, queries: string[]): string {
  const { walk, scan, steps, compared, over } = time(ix, queries);
  const p50p95 = (xs: number[]) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.95))}`;
  const count = (x: number) => Math.round(x).toLocaleString('en');
  return `| ${name} | ${count(ix.surface.length)} | ${p50p95(scan)} | ${p50p95(walk)} | ${count(compared)} | ${count(steps)} | ${over.scan} / ${over.walk} |`;
}

function main() {
  const r = seededRandom(15);
  const real = [...new Set(readBbc().flatMap((rec) => foldedWords(rec.text)))];
  const longReal = real.filter((w) => [...w].length >= 5);
  const size = Number(process.env.GAZETTE_TYPO_WORDS ?? 300_000);
  const words = new Set(real);
  while (words.size < size) words.add(syntheticWord(r, real));
  const withRandom = new Set(words);
  while (withRandom.size < size + 100_000) withRandom.add(randomLetters(r));
  // The typo rows of the relevance test: a real word of 5+ letters with one edit; and words that exist nowhere.
  const typos = Array.from({ length: 300 }, () => misspell(r, pick(r, longReal)));
  const nowhere = Array.from({ length: 100 }, () => `${randomLetters(r)}q`);
  // The scan sorts the dictionary by length and takes each word's letter set on its first lookup after a
  // load; the walk reads the dictionary as stored.
  const cold = (lookup: (ix: SearchIndex) => unknown) => {
    const fresh = dictionary(words);
    const t = performance.now();
    lookup(fresh);
    return ms(performance.now() - t);
  };
  const first = typos[0]!;
  // Both warmed up (compiled) on another dictionary first: what is timed is the work, not the JIT.
  const warm = dictionary(new Set(real));
  for (const q of typos.slice(0, 20)) {
    typoCandidatesByScan(warm, q, typoBudget(q));
    typoCandidates(warm, q, typoBudget(q));
  }
  const coldScan = cold((fresh) => typoCandidatesByScan(fresh, first, typoBudget(first)));
  const coldWalk = cold((fresh) => typoCandidates(fresh, first, typoBudget(first)));
  console.log(`First lookup after a load: scan ${coldScan} ms, walk ${coldWalk} ms\n`);
  console.log(`Typo lookup, 1 word: ${real.length.toLocaleString('en')} BBC words + synthetic (seed 15)\n`);
  console.log(
    '| queries | dictionary words | scan p50 / p95 ms | walk p50 / p95 ms | words compared (scan) | walk steps | over the query budget: scan / walk |',
  );
  console.log('|---|---|---|---|---|---|---|');
  const ix = dictionary(words);
  const within = (max: number) => typos.filter((q) => typoBudget(q) === max);
  console.log(row(`BBC word + 1 typo (${typos.length})`, ix, typos));
  console.log(row(`  of which 5-8 letters, 1 typo allowed (${within(1).length})`, ix, within(1)));
  console.log(row(`  of which 9+ letters, 2 typos allowed (${within(2).length})`, ix, within(2)));
  console.log(row(`word that exists nowhere (${nowhere.length})`, ix, nowhere));
  console.log(
    row(`+ 100k random letter strings: BBC word + 1 typo (${typos.length})`, dictionary(withRandom), typos),
  );
  const bbcOnly = dictionary(new Set(real));
  console.log(row(`BBC words only: BBC word + 1 typo (${typos.length})`, bbcOnly, typos));
  console.log(row(`BBC words only: word that exists nowhere (${nowhere.length})`, bbcOnly, nowhere));
}

if (!HAS_SHARED) console.log(`typo-lookup: skipped, the shared corpora are missing (${SHARED_MISSING})`);
else main();
