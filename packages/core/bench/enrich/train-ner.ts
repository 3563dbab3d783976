// Trains the entity tagger on ../shared/corpora/conll2003/train.txt (and nothing else) and writes the
// shipped weights to src/enrich/ner/generated/ner-model.json. Deterministic: same data, same weights.
//   npm run train:ner -w @gazette/core   [-- --epochs N]
import { writeFileSync } from 'node:fs';
import { BILOU_TAGS, spansToBilou } from '../../src/enrich/ner/bilou';
import {
  documentWords,
  isCapitalised,
  type NerContext,
  sentenceFeatures,
  withPrefixes,
} from '../../src/enrich/ner/ner-features';
import type { NerModelData } from '../../src/enrich/ner/ner-model-data';
import { viterbi } from '../../src/enrich/ner/viterbi';
import { type ConllDocument, goldSpans, readConll } from './conll';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const EPOCHS = arg('--epochs') ?? 16;
// Weights are stored as signed bytes: the scale maps this quantile of |weight| to 127, larger ones clip.
const CLIP_QUANTILE = arg('--clip') ?? 1;
const WEIGHT_BYTES = arg('--bytes') === 2 ? 2 : 1;
const QMAX = WEIGHT_BYTES === 2 ? 32767 : 127;
const FOLDS = 5;
const MIN_FEATURE_COUNT = arg('--min-count') ?? 2;
const T = BILOU_TAGS.length;
const OUT = new URL('../../src/enrich/ner/generated/ner-model.json', import.meta.url);

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildGazetteer(docs: readonly ConllDocument[]): Map<string, string> {
  const types = new Map<string, Set<string>>();
  for (const doc of docs)
    for (const s of doc)
      for (const span of goldSpans(s)) {
        const name = s.words
          .slice(span.start, span.end)
          .map((w) => w.toLowerCase())
          .join(' ');
        if (!/\p{L}{2}/u.test(name)) continue;
        let set = types.get(name);
        if (!set) {
          set = new Set();
          types.set(name, set);
        }
        set.add(span.label);
      }
  return new Map([...types].map(([k, v]) => [k, [...v].sort().join(',')]));
}

function forMatching(names: Map<string, string>): Map<string, string> {
  return withPrefixes(names);
}

const started = Date.now();
const docs = readConll('train.txt');
const lowerCounts = new Map<string, number>();
for (const doc of docs)
  for (const s of doc)
    for (const w of s.words)
      if (/\p{L}/u.test(w) && !isCapitalised(w)) lowerCounts.set(w, (lowerCounts.get(w) ?? 0) + 1);
const lowerVocab = new Set([...lowerCounts].filter(([, c]) => c >= 2).map(([w]) => w));
const fullGazetteer = buildGazetteer(docs);
// Jackknifed gazetteers: a document sees only names learnt from the other folds, as unseen text will.
const foldGaz = Array.from({ length: FOLDS }, (_, k) =>
  forMatching(buildGazetteer(docs.filter((_, d) => d % FOLDS !== k))),
);

interface Item {
  feats: string[][];
  gold: Uint8Array;
}
const items: Item[] = [];
docs.forEach((doc, d) => {
  const ctx: NerContext = {
    ...documentWords(doc.map((s) => s.words)),
    gazetteer: foldGaz[d % FOLDS]!,
    lowerVocab,
  };
  for (const s of doc) {
    const tags = spansToBilou(s.words.length, goldSpans(s));
    items.push({
      feats: sentenceFeatures(s.words, ctx),
      gold: Uint8Array.from(tags, (t) => BILOU_TAGS.indexOf(t)),
    });
  }
});
const counts = new Map<string, number>();
for (const it of items) for (const f of it.feats) for (const x of f) counts.set(x, (counts.get(x) ?? 0) + 1);
const names = [...counts].filter(([, c]) => c >= MIN_FEATURE_COUNT).map(([n]) => n);
const index = new Map(names.map((n, i) => [n, i]));
counts.clear();
const encoded = items.map((it) => ({
  gold: it.gold,
  ids: it.feats.map((f) => Int32Array.from(f.map((x) => index.get(x) ?? -1).filter((i) => i >= 0))),
}));
items.length = 0;
console.log(
  `train: ${docs.length} docs, ${encoded.length} sentences, ${names.length} features (count >= ${MIN_FEATURE_COUNT}), ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

const F = names.length;
const w = new Float64Array(F * T);
const u = new Float64Array(F * T);
const tw = new Float64Array((T + 1) * T);
const tu = new Float64Array((T + 1) * T);
let c = 1;
const rand = seeded(2003);
const order = encoded.map((_, i) => i);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let errors = 0;
  let tokens = 0;
  for (const k of order) {
    const { ids, gold } = encoded[k]!;
    const n = gold.length;
    const emit = new Float32Array(n * T);
    for (let i = 0; i < n; i++)
      for (const f of ids[i]!) for (let t = 0; t < T; t++) emit[i * T + t]! += w[f * T + t]!;
    const pred = viterbi(emit, n, tw);
    tokens += n;
    let wrong = false;
    for (let i = 0; i < n; i++) if (pred[i] !== gold[i]) wrong = true;
    if (wrong) {
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        if (g !== p) {
          errors++;
          for (const f of ids[i]!) {
            w[f * T + g]! += 1;
            u[f * T + g]! += c;
            w[f * T + p]! -= 1;
            u[f * T + p]! -= c;
          }
        }
        const gp = i === 0 ? 0 : gold[i - 1]! + 1;
        const pp = i === 0 ? 0 : pred[i - 1]! + 1;
        if (gp !== pp || g !== p) {
          tw[gp * T + g]! += 1;
          tu[gp * T + g]! += c;
          tw[pp * T + p]! -= 1;
          tu[pp * T + p]! -= c;
        }
      }
    }
    c++;
  }
  console.log(`epoch ${epoch}: token errors ${((100 * errors) / tokens).toFixed(2)}%`);
}

// Average, prune near-zero weights, quantise to signed bytes.
const avg = (v: number, s: number) => v - s / c;
const magnitudes: number[] = [];
for (let i = 0; i < w.length; i++) {
  const a = Math.abs(avg(w[i]!, u[i]!));
  if (a > 0) magnitudes.push(a);
}
magnitudes.sort((a, b) => a - b);
const scale =
  QMAX / magnitudes[Math.min(magnitudes.length - 1, Math.floor(CLIP_QUANTILE * magnitudes.length))]!;
const quantise = (v: number) => Math.max(-QMAX, Math.min(QMAX, Math.round(v * scale)));
const keptNames: string[] = [];
const bytes: number[] = [];
for (let f = 0; f < F; f++) {
  const pairs: number[] = [];
  for (let t = 0; t < T; t++) {
    const q = quantise(avg(w[f * T + t]!, u[f * T + t]!));
    if (q !== 0) {
      if (WEIGHT_BYTES === 2) pairs.push(t, q & 0xff, (q >> 8) & 0xff);
      else pairs.push(t, q & 0xff);
    }
  }
  if (pairs.length === 0) continue;
  keptNames.push(names[f]!);
  bytes.push(pairs.length / (1 + WEIGHT_BYTES), ...pairs);
}
const transitions = Array.from(tw, (v, i) => Math.round(avg(v, tu[i]!) * scale));
const data: NerModelData = {
  version: 1,
  tags: [...BILOU_TAGS],
  scale,
  weightBytes: WEIGHT_BYTES,
  transitions,
  features: keptNames.join('\n'),
  weights: Buffer.from(bytes).toString('base64'),
  gazetteer: [...fullGazetteer].map(([k, v]) => `${k}\t${v}`).join('\n'),
  lowerVocab: [...lowerVocab].sort().join(' '),
};
const json = JSON.stringify(data);
writeFileSync(OUT, json);
console.log(
  `wrote ${OUT.pathname}: ${keptNames.length} features, ${(json.length / 1e6).toFixed(2)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
