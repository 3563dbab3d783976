import { BILOU_TAGS } from './bilou';
import { type NerContext, visitContextFeatures, withPrefixes, wordFeatures } from './ner-features';
import type { NerModelData } from './ner-model-data';
import { viterbi } from './viterbi';

const T = BILOU_TAGS.length;

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** "key\tvalue" lines as a map. */
function tabbedLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
}

/** A trained averaged-perceptron tagger with BILOU Viterbi decoding. */
export class NerModel {
  readonly gazetteer: ReadonlyMap<string, string>;
  readonly lowerVocab: ReadonlySet<string>;
  readonly clusters: ReadonlyMap<string, string> | undefined;
  private readonly offsets = new Map<string, number>();
  /** The same offsets by template then value, so context features need no string building. */
  private readonly byTemplate = new Map<string, Map<string, number>>();
  private readonly bytes: Uint8Array;
  private readonly trans: Float32Array;
  private readonly scale: number;
  private readonly wide: boolean;
  /** Summed scores of each word's own features: most words recur, so this halves the lookups. */
  private readonly wordCache = new Map<string, Int32Array>();

  constructor(data: NerModelData) {
    if (data.version !== 1 || data.tags.join() !== BILOU_TAGS.join())
      throw new Error('NER model data does not match this tagger version.');
    this.scale = data.scale;
    this.trans = Float32Array.from(data.transitions, (v) => v / data.scale);
    this.bytes = base64Bytes(data.weights);
    this.wide = data.weightBytes === 2;
    const pair = this.wide ? 3 : 2;
    const names = data.features.split('\n');
    let at = 0;
    for (const name of names) {
      this.offsets.set(name, at);
      const eq = name.indexOf('=');
      const template = name.slice(0, eq);
      let values = this.byTemplate.get(template);
      if (!values) {
        values = new Map();
        this.byTemplate.set(template, values);
      }
      values.set(name.slice(eq + 1), at);
      at += 1 + pair * this.bytes[at]!;
    }
    this.gazetteer = withPrefixes(tabbedLines(data.gazetteer));
    this.lowerVocab = new Set(data.lowerVocab.split(' '));
    this.clusters = data.clusters === undefined ? undefined : tabbedLines(data.clusters);
  }

  private addAt(offset: number, into: Int32Array, at: number): void {
    const bytes = this.bytes;
    const count = bytes[offset]!;
    if (this.wide) {
      for (let k = 0; k < count; k++) {
        const p = offset + 1 + 3 * k;
        into[at + bytes[p]!]! += ((bytes[p + 1]! | (bytes[p + 2]! << 8)) << 16) >> 16;
      }
      return;
    }
    for (let k = 0; k < count; k++) {
      into[at + bytes[offset + 1 + 2 * k]!]! += (bytes[offset + 2 + 2 * k]! << 24) >> 24;
    }
  }

  private wordScores(word: string): Int32Array {
    let scores = this.wordCache.get(word);
    if (!scores) {
      scores = new Int32Array(T);
      for (const f of wordFeatures(word)) {
        const offset = this.offsets.get(f);
        if (offset !== undefined) this.addAt(offset, scores, 0);
      }
      if (this.wordCache.size > 50_000) this.wordCache.clear();
      this.wordCache.set(word, scores);
    }
    return scores;
  }

  /** Tag indexes (into BILOU_TAGS) for one sentence's words. */
  tag(words: readonly string[], ctx: NerContext): Uint8Array {
    const n = words.length;
    const sums = new Int32Array(n * T);
    for (let i = 0; i < n; i++) sums.set(this.wordScores(words[i]!), i * T);
    visitContextFeatures(words, ctx, (i, template, value) => {
      const offset = this.byTemplate.get(template)?.get(value);
      if (offset !== undefined) this.addAt(offset, sums, i * T);
    });
    const emit = new Float32Array(n * T);
    for (let i = 0; i < emit.length; i++) emit[i] = sums[i]! / this.scale;
    return viterbi(emit, n, this.trans);
  }
}
