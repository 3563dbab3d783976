// Training of the entity tagger (averaged perceptron over BILOU tags), as a function so that the shipped
// model (train-ner.ts) and the cross-validation on train (cv-ner.ts) run the very same code.
import { seededRandom } from '@gazette/bench-corpora';
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
import { type ConllDocument, goldSpans, type Score, scoreSpans, f1 } from './conll';

export interface TrainOptions {
  epochs: number;
  minFeatureCount: number;
  /** Weights are stored as signed integers: the scale maps this quantile of |weight| to the largest. */
  clipQuantile: number;
  weightBytes: 1 | 2;
  /** Word (as written) to cluster path, learnt from unlabelled text (word-clusters.ts); none: no cluster features. */
  clusters?: ReadonlyMap<string, string>;
  /** Lower-cased names of places (GeoNames), matched as gazetteer type GEO; none: no GEO marks. */
  placeNames?: readonly string[];
  /** Documents never trained on, scored after each epoch with the averaged weights (PER/ORG/LOC micro). */
  heldOut?: readonly ConllDocument[];
  log?: (line: string) => void;
}

const T = BILOU_TAGS.length;
const JACKKNIFE_FOLDS = 5;

/** Names seen in the training labels (lower-cased tokens joined by spaces) to the types they were seen with. */
export function buildGazetteer(
  docs: readonly ConllDocument[],
  placeNames: readonly string[] = [],
): Map<string, string> {
  const types = new Map<string, Set<string>>();
  const add = (name: string, label: string) => {
    let set = types.get(name);
    if (!set) {
      set = new Set();
      types.set(name, set);
    }
    set.add(label);
  };
  for (const doc of docs)
    for (const s of doc)
      for (const span of goldSpans(s)) {
        const name = s.words
          .slice(span.start, span.end)
          .map((w) => w.toLowerCase())
          .join(' ');
        if (/\p{L}{2}/u.test(name)) add(name, span.label);
      }
  for (const name of placeNames) add(name, 'GEO');
  return new Map([...types].map(([k, v]) => [k, [...v].sort().join(',')]));
}

function lowerVocabulary(docs: readonly ConllDocument[]): Set<string> {
  const counts = new Map<string, number>();
  for (const doc of docs)
    for (const s of doc)
      for (const w of s.words)
        if (/\p{L}/u.test(w) && !isCapitalised(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Set([...counts].filter(([, c]) => c >= 2).map(([w]) => w));
}

interface Encoded {
  gold: Uint8Array;
  ids: Int32Array[];
}

/** Feature strings of every sentence, each document seeing the gazetteer its context gives it. */
function featurise(
  docs: readonly ConllDocument[],
  context: (d: number) => Omit<NerContext, 'docLower' | 'docCapitalised' | 'docNeighbours'>,
): Array<{ feats: string[][]; gold: Uint8Array }> {
  const items: Array<{ feats: string[][]; gold: Uint8Array }> = [];
  docs.forEach((doc, d) => {
    const ctx: NerContext = { ...documentWords(doc.map((s) => s.words)), ...context(d) };
    for (const s of doc) {
      const tags = spansToBilou(s.words.length, goldSpans(s));
      items.push({
        feats: sentenceFeatures(s.words, ctx),
        gold: Uint8Array.from(tags, (t) => BILOU_TAGS.indexOf(t)),
      });
    }
  });
  return items;
}

function encode(
  items: Array<{ feats: string[][]; gold: Uint8Array }>,
  index: Map<string, number>,
): Encoded[] {
  return items.map((it) => ({
    gold: it.gold,
    ids: it.feats.map((f) => Int32Array.from(f.map((x) => index.get(x) ?? -1).filter((i) => i >= 0))),
  }));
}

function decode(s: Encoded, w: ArrayLike<number>, tw: ArrayLike<number>): Uint8Array {
  const n = s.gold.length;
  const emit = new Float32Array(n * T);
  for (let i = 0; i < n; i++)
    for (const f of s.ids[i]!) for (let t = 0; t < T; t++) emit[i * T + t]! += w[f * T + t]!;
  return viterbi(emit, n, tw);
}

/** PER/ORG/LOC micro F1 of sentences decoded with the given weights (no document pass, no repairs). */
function heldOutF1(sentences: readonly Encoded[], w: ArrayLike<number>, tw: ArrayLike<number>): number {
  const counts = new Map<string, Score>();
  const spans = (tags: Uint8Array) => tagsToSpansOf(tags);
  for (const s of sentences) scoreSpans(spans(s.gold), spans(decode(s, w, tw)), counts);
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const l of ['PER', 'ORG', 'LOC']) {
    const c = counts.get(l);
    if (!c) continue;
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
  }
  return f1(sum).f1;
}

function tagsToSpansOf(tags: Uint8Array) {
  return goldSpans({ words: [], tags: Array.from(tags, (t) => BILOU_TAGS[t]!) });
}

export interface TrainResult {
  data: NerModelData;
  /** Held-out PER/ORG/LOC micro F1 after each epoch (empty without `heldOut`). */
  curve: number[];
  features: number;
}

/** Trains on `docs` (and nothing else): deterministic, same data and options give the same weights. */
export function trainNer(docs: readonly ConllDocument[], o: TrainOptions): TrainResult {
  const log = o.log ?? (() => {});
  const started = Date.now();
  const lowerVocab = lowerVocabulary(docs);
  const places = o.placeNames ?? [];
  const fullGazetteer = buildGazetteer(docs, places);
  // Jackknifed gazetteers: a document sees only names learnt from the other folds, as unseen text will.
  const foldGaz = Array.from({ length: JACKKNIFE_FOLDS }, (_, k) =>
    withPrefixes(
      buildGazetteer(
        docs.filter((_, d) => d % JACKKNIFE_FOLDS !== k),
        places,
      ),
    ),
  );
  const shared = { lowerVocab, ...(o.clusters ? { clusters: o.clusters } : {}) };
  const items = featurise(docs, (d) => ({ ...shared, gazetteer: foldGaz[d % JACKKNIFE_FOLDS]! }));
  const counts = new Map<string, number>();
  for (const it of items)
    for (const f of it.feats) for (const x of f) counts.set(x, (counts.get(x) ?? 0) + 1);
  const names = [...counts].filter(([, c]) => c >= o.minFeatureCount).map(([n]) => n);
  const index = new Map(names.map((n, i) => [n, i]));
  counts.clear();
  const encoded = encode(items, index);
  items.length = 0;
  const matching = withPrefixes(fullGazetteer);
  const heldOut = o.heldOut
    ? encode(
        featurise(o.heldOut, () => ({ ...shared, gazetteer: matching })),
        index,
      )
    : [];
  log(
    `train: ${docs.length} docs, ${encoded.length} sentences, ${names.length} features (count >= ${o.minFeatureCount}), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const { w, u, tw, tu, c, curve } = perceptron(encoded, names.length, o, heldOut, log);
  const data = packModel({ names, w, u, tw, tu, c, o, fullGazetteer, lowerVocab });
  log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { data, curve, features: names.length };
}

function perceptron(
  encoded: readonly Encoded[],
  F: number,
  o: TrainOptions,
  heldOut: readonly Encoded[],
  log: (line: string) => void,
) {
  const w = new Float64Array(F * T);
  const u = new Float64Array(F * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let c = 1;
  const rand = seededRandom(2003);
  const order = encoded.map((_, i) => i);
  const curve: number[] = [];
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const k of order) {
      const s = encoded[k]!;
      const pred = decode(s, w, tw);
      tokens += pred.length;
      errors += update(s, pred, w, u, tw, tu, c);
      c++;
    }
    let line = `epoch ${epoch}: token errors ${((100 * errors) / tokens).toFixed(2)}%`;
    if (heldOut.length > 0) {
      const aw = Float64Array.from(w, (v, i) => v - u[i]! / c);
      const atw = Float64Array.from(tw, (v, i) => v - tu[i]! / c);
      curve.push(heldOutF1(heldOut, aw, atw));
      line += `, held-out PER/ORG/LOC F1 ${(100 * curve[curve.length - 1]!).toFixed(2)}`;
    }
    log(line);
  }
  return { w, u, tw, tu, c, curve };
}

/** One perceptron step on a sentence: returns the number of wrong tokens. */
function update(
  s: Encoded,
  pred: Uint8Array,
  w: Float64Array,
  u: Float64Array,
  tw: Float64Array,
  tu: Float64Array,
  c: number,
): number {
  const { ids, gold } = s;
  const n = gold.length;
  let errors = 0;
  for (let i = 0; i < n; i++) if (pred[i] !== gold[i]) errors++;
  if (errors === 0) return 0;
  for (let i = 0; i < n; i++) {
    const g = gold[i]!;
    const p = pred[i]!;
    if (g !== p) {
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
  return errors;
}

/** Averages, prunes weights that round to zero and quantises to signed integers of `weightBytes`. */
function packModel(p: {
  names: string[];
  w: Float64Array;
  u: Float64Array;
  tw: Float64Array;
  tu: Float64Array;
  c: number;
  o: TrainOptions;
  fullGazetteer: Map<string, string>;
  lowerVocab: Set<string>;
}): NerModelData {
  const { names, w, u, tw, tu, c, o } = p;
  const qmax = o.weightBytes === 2 ? 32767 : 127;
  const avg = (v: number, s: number) => v - s / c;
  const magnitudes: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(avg(w[i]!, u[i]!));
    if (a > 0) magnitudes.push(a);
  }
  magnitudes.sort((a, b) => a - b);
  const scale =
    qmax / magnitudes[Math.min(magnitudes.length - 1, Math.floor(o.clipQuantile * magnitudes.length))]!;
  const quantise = (v: number) => Math.max(-qmax, Math.min(qmax, Math.round(v * scale)));
  const keptNames: string[] = [];
  const bytes: number[] = [];
  for (let f = 0; f < names.length; f++) {
    const pairs: number[] = [];
    for (let t = 0; t < T; t++) {
      const q = quantise(avg(w[f * T + t]!, u[f * T + t]!));
      if (q === 0) continue;
      if (o.weightBytes === 2) pairs.push(t, q & 0xff, (q >> 8) & 0xff);
      else pairs.push(t, q & 0xff);
    }
    if (pairs.length === 0) continue;
    keptNames.push(names[f]!);
    bytes.push(pairs.length / (1 + o.weightBytes));
    for (const b of pairs) bytes.push(b);
  }
  return {
    version: 1,
    tags: [...BILOU_TAGS],
    scale,
    weightBytes: o.weightBytes,
    transitions: Array.from(tw, (v, i) => Math.round(avg(v, tu[i]!) * scale)),
    features: keptNames.join('\n'),
    weights: Buffer.from(bytes).toString('base64'),
    gazetteer: [...p.fullGazetteer].map(([k, v]) => `${k}\t${v}`).join('\n'),
    lowerVocab: [...p.lowerVocab].sort().join(' '),
    ...(o.clusters ? { clusters: [...o.clusters].map(([k, v]) => `${k}\t${v}`).join('\n') } : {}),
  };
}
