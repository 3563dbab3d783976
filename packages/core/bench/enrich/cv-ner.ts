// Generalisation of the tagger on text it was not trained on, from train.txt alone: its documents, in the
// file's order (the order of the news days), are cut in 5 contiguous folds, so a held-out fold is other days'
// stories with other names, as the test split (news of months later) is, rather than a random fifth that
// shares each story's names with the training folds. Each fold asked for is held out, the tagger is trained
// on the other four and scored on it (PER/ORG/LOC micro F1, exact span and type, through tagDocument and the
// span repairs, as eval-ner). valid.txt is never read here: it stays a second, untouched check.
// A run of all five folds writes its section of docs/benchmarks.md, "NER generalisation" with the shipped
// options, titled by its flags with others (--clusters --places adds the features not shipped yet).
//   npm run cv:ner -w @gazette/core   [-- --folds 0,1 --epochs N --clusters --places ...]
import { benchLog, sectionId, writeBenchSection } from '@gazette/bench-corpora';
import { NerModel } from '../../src/enrich/ner/ner-model';
import { f1, readConll } from './conll';
import { scoreThroughExtract } from './score-extract';
import { trainerOptions } from './ner-train-options';
import { trainNer } from './ner-training';
import { scoreTagger, sumLabels } from './score-tagger';

export const CV_FOLDS = 5;

const args = process.argv.slice(2);
const foldsArg = args.includes('--folds') ? args[args.indexOf('--folds') + 1]! : '0,1,2,3,4';
const folds = foldsArg.split(',').map(Number);
const docs = readConll('train.txt');
const foldOf = docs.map((_, d) => Math.floor((d * CV_FOLDS) / docs.length));
const pct = (x: number) => (100 * x).toFixed(2);
const rows: string[][] = [];
const total = { tp: 0, fp: 0, fn: 0 };
const totalExtract = { tp: 0, fp: 0, fn: 0 };
const curves: number[][] = [];
for (const k of folds) {
  const train = docs.filter((_, d) => foldOf[d] !== k);
  const heldOut = docs.filter((_, d) => foldOf[d] === k);
  const log = (l: string) => console.log(`fold ${k} ${l}`);
  const { data, curve } = trainNer(train, { ...trainerOptions(args, train, log), heldOut });
  const model = new NerModel(data);
  const scores = scoreTagger(model, heldOut);
  const extracted = sumLabels(['PER', 'ORG', 'LOC'], scoreThroughExtract(model, heldOut));
  for (const key of ['tp', 'fp', 'fn'] as const) totalExtract[key] += extracted[key];
  const s = sumLabels(['PER', 'ORG', 'LOC'], scores.repaired);
  for (const key of ['tp', 'fp', 'fn'] as const) total[key] += s[key];
  curves.push(curve);
  const r = f1(s);
  rows.push([
    `${k}`,
    `${heldOut.length}`,
    pct(r.precision),
    pct(r.recall),
    pct(r.f1),
    pct(f1(extracted).f1),
    pct(Math.max(...curve)),
    `${curve.indexOf(Math.max(...curve)) + 1}`,
  ]);
  console.log(
    `fold ${k}: F1 ${pct(r.f1)}, through extractEntities ${pct(f1(extracted).f1)}; curve ${curve.map(pct).join(' ')}`,
  );
}
const all = f1(total);
rows.push([
  'all',
  `${docs.length}`,
  pct(all.precision),
  pct(all.recall),
  pct(all.f1),
  pct(f1(totalExtract).f1),
  '',
  '',
]);
// Mean held-out F1 after each epoch over the folds: the epoch count is chosen on this, never on valid.
const mean = curves[0]!.map((_, e) => curves.reduce((a, c) => a + c[e]!, 0) / curves.length);
const report = benchLog();
report.line(
  `conll2003/train.txt in ${CV_FOLDS} contiguous folds of documents; each held out in turn, trained on the rest. PER/ORG/LOC micro scores (exact span and type) after the span repairs; valid.txt unread.`,
);
report.table(
  ['fold', 'docs', 'P', 'R', 'F1', 'F1 through extractEntities', 'best epoch F1 (raw tags)', 'best epoch'],
  rows,
);
report.line(`mean held-out F1 by epoch (raw tags, no document pass): ${mean.map(pct).join(' ')}`);
const flags = args.filter((a, i) => a !== '--folds' && args[i - 1] !== '--folds');
// Titled by the options, so that a run with other flags keeps its own section beside the shipped one.
const title = `NER generalisation${flags.length ? `, ${flags.join(' ')}` : ''}`;
if (folds.length === CV_FOLDS)
  writeBenchSection(sectionId(title), title, report.markdown(), {
    now: new Date(),
    command: `npm run cv:ner${flags.length ? ` -- ${flags.join(' ')}` : ''}`,
  });
