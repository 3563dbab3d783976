// Entity-level precision, recall and F1 (exact span and type, as conlleval) of the shipped tagger on
// ../shared/corpora/conll2003/valid.txt (or the file given), and its speed; written to the section
// `ner-quality` of docs/benchmarks.md. With --before REV, the model shipped at that git revision is measured
// beside, on the same text in the same run.
//   npm run eval:ner -w @gazette/core   [-- test.txt] [-- --before 3a114dc]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { benchLog, writeBenchSection } from '@gazette/bench-corpora';
import { NerModel } from '../../src/enrich/ner/ner-model';
import type { NerModelData } from '../../src/enrich/ner/ner-model-data';
import { f1, readConll, type Score } from './conll';
import { scoreThroughExtract } from './score-extract';
import { scoreTagger, sumLabels } from './score-tagger';

const args = process.argv.slice(2);
const beforeAt = args.indexOf('--before');
const beforeRev = beforeAt >= 0 ? args[beforeAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && i !== beforeAt + 1) ?? 'valid.txt';
const modelUrl = new URL('../../src/enrich/ner/generated/ner-model.json', import.meta.url);
const docs = readConll(file);
const pct = (x: number) => (100 * x).toFixed(2);
const log = benchLog();

function report(name: string, raw: string): void {
  const model = new NerModel(JSON.parse(raw) as NerModelData);
  const scores = scoreTagger(model, docs);
  const row = (label: string, s: Score) => {
    const r = f1(s);
    return [label, pct(r.precision), pct(r.recall), pct(r.f1), `${s.tp}/${s.fp}/${s.fn}`];
  };
  log.line(`### ${name}`);
  log.table(
    ['label', 'P', 'R', 'F1', 'tp/fp/fn'],
    [
      ...['PER', 'ORG', 'LOC', 'MISC'].map((l) => row(l, sumLabels([l], scores.counts))),
      row('PER/ORG/LOC micro', sumLabels(['PER', 'ORG', 'LOC'], scores.counts)),
      row('all four micro', sumLabels(['PER', 'ORG', 'LOC', 'MISC'], scores.counts)),
      row('PER/ORG/LOC micro, span repairs', sumLabels(['PER', 'ORG', 'LOC'], scores.repaired)),
      row('all four micro, span repairs', sumLabels(['PER', 'ORG', 'LOC', 'MISC'], scores.repaired)),
      row(
        'PER/ORG/LOC micro, through extractEntities',
        sumLabels(['PER', 'ORG', 'LOC'], scoreThroughExtract(model, docs)),
      ),
    ],
  );
  log.line(
    `model ${(raw.length / 1e6).toFixed(2)} MB JSON; tagging ${Math.round(scores.tokens / scores.cpuSeconds).toLocaleString('en')} tokens/s of CPU time (wall clock ${Math.round(scores.tokens / scores.seconds).toLocaleString('en')}/s)`,
  );
}

const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.words.length, 0), 0);
log.line(
  `conll2003/${file}: ${docs.length} documents, ${tokens} tokens; entity-level scores (exact span and type). valid.txt is never trained or tuned on: its figures are a check, not a target.`,
);
if (beforeRev) {
  const path = 'packages/core/src/enrich/ner/generated/ner-model.json';
  const raw = execFileSync('git', ['show', `${beforeRev}:${path}`], { encoding: 'utf8', maxBuffer: 64e6 });
  report(`before: the model shipped at ${beforeRev}`, raw);
}
report(beforeRev ? 'after: the shipped model' : 'the shipped model', readFileSync(modelUrl, 'utf8'));
writeBenchSection('ner-quality', 'NER quality', log.markdown(), {
  now: new Date(),
  command: `npm run eval:ner${args.length ? ` -- ${args.join(' ')}` : ''}`,
});
