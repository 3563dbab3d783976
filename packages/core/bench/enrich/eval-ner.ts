// Entity-level precision, recall and F1 (exact span and type, as conlleval) of the shipped tagger on
// ../shared/corpora/conll2003/valid.txt (or the file given), and its speed; written to the section
// `ner-quality` of docs/benchmarks.md.
//   npm run eval:ner -w @gazette/core   [-- test.txt]
import { readFileSync } from 'node:fs';
import { benchLog, writeBenchSection } from '@gazette/bench-corpora';
import { NerModel } from '../../src/enrich/ner/ner-model';
import type { NerModelData } from '../../src/enrich/ner/ner-model-data';
import { tagDocument } from '../../src/enrich/ner/tag-document';
import { f1, goldSpans, readConll, type Score, scoreSpans } from './conll';
import { repairedSpans } from './repaired-spans';

const file = process.argv[2] ?? 'valid.txt';
const modelUrl = new URL('../../src/enrich/ner/generated/ner-model.json', import.meta.url);
const raw = readFileSync(modelUrl, 'utf8');
const model = new NerModel(JSON.parse(raw) as NerModelData);
const docs = readConll(file);
const counts = new Map<string, Score>();
// The same spans after the span repairs every Article gets (enrich/span-repairs), outside the timing.
const repairedCounts = new Map<string, Score>();
const taggedDocs: Array<{ doc: (typeof docs)[number]; predicted: ReturnType<typeof tagDocument> }> = [];
let tokens = 0;
const started = performance.now();
const cpu0 = process.cpuUsage();
for (const doc of docs) {
  const predicted = tagDocument(
    model,
    doc.map((s) => s.words),
  );
  doc.forEach((s, i) => {
    tokens += s.words.length;
    scoreSpans(goldSpans(s), predicted[i]!, counts);
  });
  taggedDocs.push({ doc, predicted });
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
for (const { doc, predicted } of taggedDocs)
  doc.forEach((s, i) => {
    scoreSpans(goldSpans(s), repairedSpans(s.words, predicted[i]!), repairedCounts);
  });
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const pct = (x: number) => (100 * x).toFixed(2);
const sum = (labels: string[], from = counts): Score =>
  labels.reduce(
    (a, l) => {
      const c = from.get(l) ?? { tp: 0, fp: 0, fn: 0 };
      return { tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn };
    },
    { tp: 0, fp: 0, fn: 0 },
  );
const log = benchLog();
log.line(
  `conll2003/${file}: ${docs.length} documents, ${tokens} tokens; entity-level scores (exact span and type).`,
);
const row = (name: string, s: Score) => {
  const r = f1(s);
  return [name, pct(r.precision), pct(r.recall), pct(r.f1), `${s.tp}/${s.fp}/${s.fn}`];
};
log.table(
  ['label', 'P', 'R', 'F1', 'tp/fp/fn'],
  [
    ...['PER', 'ORG', 'LOC', 'MISC'].map((l) => row(l, sum([l]))),
    row('PER/ORG/LOC micro', sum(['PER', 'ORG', 'LOC'])),
    row('all four micro', sum(['PER', 'ORG', 'LOC', 'MISC'])),
    row('PER/ORG/LOC micro, span repairs', sum(['PER', 'ORG', 'LOC'], repairedCounts)),
    row('all four micro, span repairs', sum(['PER', 'ORG', 'LOC', 'MISC'], repairedCounts)),
  ],
);
log.line(
  `model ${(raw.length / 1e6).toFixed(2)} MB JSON; tagging ${Math.round(tokens / cpuSeconds).toLocaleString('en')} tokens/s of CPU time (wall clock ${Math.round(tokens / seconds).toLocaleString('en')}/s)`,
);
writeBenchSection('ner-quality', 'NER quality', log.markdown(), {
  now: new Date(),
  command: `npm run eval:ner${process.argv[2] ? ` -- ${file}` : ''}`,
});
