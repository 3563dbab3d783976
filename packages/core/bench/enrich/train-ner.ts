// Trains the entity tagger on ../shared/corpora/conll2003/train.txt (and nothing else) and writes the
// shipped weights to src/enrich/ner/generated/ner-model.json. Deterministic: same data, same weights.
//   npm run train:ner -w @gazette/core   [-- --epochs N --out file.json]
import { writeFileSync } from 'node:fs';
import { readConll } from './conll';
import { trainerOptions } from './ner-train-options';
import { trainNer } from './ner-training';

const args = process.argv.slice(2);
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
const OUT = outArg
  ? new URL(outArg, `file://${process.cwd()}/`)
  : new URL('../../src/enrich/ner/generated/ner-model.json', import.meta.url);

const docs = readConll('train.txt');
const { data, features } = trainNer(docs, trainerOptions(args, docs, console.log));
const json = JSON.stringify(data);
writeFileSync(OUT, json);
console.log(
  `wrote ${OUT.pathname}: ${features} features before pruning, ${(json.length / 1e6).toFixed(2)} MB`,
);
