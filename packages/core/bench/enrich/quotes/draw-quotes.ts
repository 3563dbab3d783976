// Draws the quotes to annotate by hand: 200 of the quotes Gazette extracts from ../shared/corpora/bbc/train.csv,
// chosen with a fixed seed, each half assigned to `dev` (tuning) or `held-out` (reporting only), also seeded.
// Writes bench/enrich/quotes/speakers-truth.json with `truth` empty, keeping any truth already written for
// the same quote; the text of the articles is never written, only its key, the quote and its offsets.
//   npx tsx --conditions=@gazette/source bench/enrich/quotes/draw-quotes.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { HAS_SHARED, readBbc, SHARED_MISSING, seededRandom } from '@gazette/bench-corpora';
import { type AnnotatedQuote, drawnQuote, TRUTH_FILE } from './truth';
import { extractBbcQuotes } from './extract';
import { seededDraw } from './seeded-draw';

if (!HAS_SHARED) {
  console.log(SHARED_MISSING);
  process.exit(0);
}
const SEED = 18_2026;
const COUNT = 200;
const pool = readBbc(['train']).flatMap((record) =>
  extractBbcQuotes(record).quotes.map((q) => ({ key: record.key, q })),
);
const drawn = seededDraw(pool.length, COUNT, SEED);
// Half of the draw for development, half held out, by a second seeded shuffle.
const halves = drawn.map((_, i) => i);
const rand2 = seededRandom(SEED + 1);
for (let i = halves.length - 1; i > 0; i--) {
  const j = Math.floor(rand2() * (i + 1));
  [halves[i], halves[j]] = [halves[j]!, halves[i]!];
}
const dev = new Set(halves.slice(0, COUNT / 2));
const previous = existsSync(TRUTH_FILE)
  ? (JSON.parse(readFileSync(TRUTH_FILE, 'utf8')) as { quotes: AnnotatedQuote[] }).quotes
  : [];
const known = new Map(previous.map((p) => [`${p.key}|${p.quote}`, p]));
const quotes: AnnotatedQuote[] = drawn.map((index, i) => {
  const { key, q } = pool[index]!;
  return drawnQuote(key, q, dev.has(i) ? 'dev' : 'held-out', known.get(`${key}|${q.text}`));
});
writeFileSync(
  TRUTH_FILE,
  `${JSON.stringify({ seed: SEED, drawnFrom: pool.length, corpus: 'bbc/train.csv', quotes }, null, 1)}\n`,
);
console.log(`drew ${COUNT} of ${pool.length} quotes into ${TRUTH_FILE}`);
