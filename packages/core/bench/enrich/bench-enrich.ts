// Ingest speed with enrichment on the BBC corpus (../shared/corpora/bbc), one core, and the cost of each
// step, the rule recogniser and the trained tagger side by side on the same articles; written to the
// section `enrich-speed` of docs/benchmarks.md.
//   npm run bench:enrich -w @gazette/core
import {
  bbcAsText,
  benchLog,
  HAS_SHARED,
  readBbc,
  SHARED_MISSING,
  writeBenchSection,
} from '@gazette/bench-corpora';
import { findAmounts } from '../../src/enrich/amounts';
import { findDates } from '../../src/enrich/dates';
import { linkEntities } from '../../src/enrich/link-entities';
import { nerRecognizer } from '../../src/enrich/ner/index';
import { findQuotes } from '../../src/enrich/quotes';
import { ruleRecognizer } from '../../src/enrich/rule-recognizer';
import { entityTags, ledeSummary } from '../../src/enrich/summary';
import { countWords } from '../../src/text/count-words';
import { parseText } from '../../src/formats/text/parse-text';

if (!HAS_SHARED) {
  console.log(`enrich bench ${SHARED_MISSING}`);
  process.exit(0);
}
const texts = readBbc().map(bbcAsText);
const words = texts.reduce((s, t) => s + countWords(t), 0) / texts.length;
// CPU time of this process (the machine may be shared): what one core spends, with wall time beside it.
interface Timing {
  cpu: number;
  wall: number;
}
const time = (fn: () => void, rounds = 2): Timing => {
  fn(); // warm up
  const c0 = process.cpuUsage();
  const started = performance.now();
  for (let r = 0; r < rounds; r++) fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000 / rounds, wall: (performance.now() - started) / rounds };
};

const articles = texts.map((t) => parseText(t));
const bodies = articles.map((a) => a.body.map((b) => b.text));
const perArticle = (t: Timing) => `${((1000 * t.cpu) / texts.length).toFixed(0)} µs`;
const rate = (t: Timing) => Math.round((texts.length * 1000) / t.cpu).toLocaleString('en');
const wallRate = (t: Timing) => Math.round((texts.length * 1000) / t.wall).toLocaleString('en');
const cells = (name: string, t: Timing) => [name, perArticle(t), rate(t), wallRate(t)];

const each = <T>(items: readonly T[], fn: (item: T, i: number) => unknown) => {
  for (let i = 0; i < items.length; i++) fn(items[i]!, i);
};
const steps: Array<[string, () => void]> = [
  ['entities: rule recogniser', () => each(bodies, (b) => ruleRecognizer.recognize(b))],
  ['entities: trained tagger', () => each(bodies, (b) => nerRecognizer.recognize(b))],
  ['entity linking', () => each(bodies, (b, i) => linkEntities(b, spansRules[i]!))],
  ['quotes and speakers', () => each(bodies, (b, i) => findQuotes(b, linkedRules[i]!))],
  ['dates', () => each(bodies, (b) => each(b, (t, k) => findDates(t, k, undefined)))],
  ['amounts', () => each(bodies, (b) => each(b, (t, k) => findAmounts(t, k)))],
  [
    'summary and tags',
    () =>
      each(articles, (a) => {
        ledeSummary(a.body);
        entityTags(a.entities);
      }),
  ],
];
const spansRules = bodies.map((b) => ruleRecognizer.recognize(b));
const linkedRules = bodies.map((b, i) => linkEntities(b, spansRules[i]!));

const log = benchLog();
log.line(
  `BBC: ${texts.length} articles, ${words.toFixed(0)} words on average; one core (CPU time of this process), same data.`,
);
const rows = steps.map(([name, fn]) => cells(name, time(fn)));
const withRules = time(() => each(texts, (t) => parseText(t, undefined, { recognizer: ruleRecognizer })));
const withModel = time(() => each(texts, (t) => parseText(t, undefined, { recognizer: nerRecognizer })));
log.table(
  ['step', 'CPU per article', 'articles/s (CPU)', 'articles/s (wall clock)'],
  [
    ...rows,
    cells('parse + enrich (parseText), rule recogniser', withRules),
    cells('parse + enrich (parseText), trained tagger', withModel),
  ],
);
log.line(`ratio trained / rules: ${(withModel.cpu / withRules.cpu).toFixed(2)}x the CPU time`);
writeBenchSection('enrich-speed', 'Enrich speed', log.markdown(), {
  now: new Date(),
  command: 'npm run bench:enrich -w @gazette/core',
});
