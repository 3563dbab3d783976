// Features of one token for the entity tagger. Shared by training (bench/enrich/train-ner.ts) and
// tagging, so the two can never drift apart.

/** Everything the tagger may look at beyond the sentence: the rest of the document and the gazetteer. */
export interface NerContext {
  /** Lower-cased words the document writes in lower case somewhere (so "Will" at a start is a word). */
  docLower: ReadonlySet<string>;
  /** Lower-cased words the document capitalises inside a sentence somewhere. */
  docCapitalised: ReadonlySet<string>;
  /** For each capitalised word, the words around its occurrences in the document ("<", ">" prefixed). */
  docNeighbours?: ReadonlyMap<string, readonly string[]>;
  /** Entity name (lower-cased tokens joined by spaces) to the types it was seen with. */
  gazetteer: ReadonlyMap<string, string>;
  /** Lower-cased words that training text writes in lower case (common words). */
  lowerVocab: ReadonlySet<string>;
  /** Word (as written) to its cluster path "a.b", learnt from unlabelled text (word-clusters.ts). */
  clusters?: ReadonlyMap<string, string>;
}

const MAX_GAZ_TOKENS = 6;
const MAX_NEIGHBOURS = 12;

/** "Macron" -> "Xx", "1,500" -> "d,d", "U.S." -> "X.X.", "McDonald" -> "XxXx". */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first.toUpperCase() === first && first.toLowerCase() !== first;
}

/** Whether most letters of the sentence are capitals (a headline or a dateline). */
export function isUpperSentence(words: readonly string[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const w of words) {
    for (const ch of w) {
      if (ch.toLowerCase() !== ch) upper++;
      else if (ch.toUpperCase() !== ch) lower++;
    }
  }
  return upper > 3 && upper > lower * 2;
}

/** Builds the document-level part of the context from its sentences (tokens as written). */
export function documentWords(sentences: readonly (readonly string[])[]): {
  docLower: Set<string>;
  docCapitalised: Set<string>;
  docNeighbours: Map<string, string[]>;
} {
  const docLower = new Set<string>();
  const docCapitalised = new Set<string>();
  const docNeighbours = new Map<string, string[]>();
  for (const words of sentences) {
    const upper = isUpperSentence(words);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!isCapitalised(w)) {
        if (!upper && /\p{L}/u.test(w)) docLower.add(w.toLowerCase());
        continue;
      }
      const l = w.toLowerCase();
      if (!upper && i > 0 && w.toUpperCase() !== w) docCapitalised.add(l);
      // What surrounds this name elsewhere in the document ("Mr <name>", "<name> said") is evidence here.
      let around = docNeighbours.get(l);
      if (!around) {
        around = [];
        docNeighbours.set(l, around);
      }
      if (around.length >= MAX_NEIGHBOURS) continue;
      const prev = `<${i > 0 ? words[i - 1]!.toLowerCase() : '^'}`;
      const next = `>${i + 1 < words.length ? words[i + 1]!.toLowerCase() : '$'}`;
      if (!around.includes(prev)) around.push(prev);
      if (!around.includes(next)) around.push(next);
    }
  }
  return { docLower, docCapitalised, docNeighbours };
}

/**
 * Per token, the gazetteer positions covering it ("B-LOC", "I-ORG"...), from the longest matches
 * starting at each token.
 */
export function gazetteerMarks(lower: readonly string[], gazetteer: ReadonlyMap<string, string>): string[][] {
  const marks: string[][] = lower.map(() => []);
  if (gazetteer.size === 0) return marks;
  for (let i = 0; i < lower.length; i++) {
    let key = '';
    let best = -1;
    let bestTypes = '';
    for (let j = i; j < Math.min(lower.length, i + MAX_GAZ_TOKENS); j++) {
      key = j === i ? lower[j]! : `${key} ${lower[j]!}`;
      const types = gazetteer.get(key);
      // A value of "" marks a prefix of longer names: keep extending only while one may match.
      if (types === undefined) break;
      if (types) {
        best = j;
        bestTypes = types;
      }
    }
    if (best < 0) continue;
    const len = best - i + 1;
    for (const type of bestTypes.split(',')) {
      for (let j = i; j <= best; j++) {
        const pos = len === 1 ? 'U' : j === i ? 'B' : j === best ? 'L' : 'I';
        marks[j]!.push(`${pos}-${type}`);
      }
    }
  }
  return marks;
}

/** A gazetteer map with every proper prefix of a name present (as ""), which gazetteerMarks relies on. */
export function withPrefixes(names: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(names);
  for (const name of names.keys()) {
    const words = name.split(' ');
    for (let k = 1; k < words.length; k++) {
      const prefix = words.slice(0, k).join(' ');
      if (!out.has(prefix)) out.set(prefix, '');
    }
  }
  return out;
}

/** Features of a word on its own (cacheable per word): the word, its shape, prefixes and suffixes. */
export function wordFeatures(w: string): string[] {
  const l = w.toLowerCase();
  const f: string[] = ['b=', `w=${w}`, `l=${l}`, `s=${shortShape(w)}`];
  for (let k = 1; k <= 4 && k <= l.length; k++) f.push(`p${k}=${l.slice(0, k)}`, `x${k}=${l.slice(-k)}`);
  if (w.includes('-')) for (const part of l.split('-')) if (part) f.push(`hy=${part}`);
  return f;
}

/** Receives one context feature of token `i` as template and value (the feature is "template=value"). */
export type FeatureSink = (i: number, template: string, value: string) => void;

/**
 * Features of each token in its sentence and document: neighbours, shapes around it, gazetteer, case
 * elsewhere. Given as (template, value) so the tagger can look them up without building strings.
 */
export function visitContextFeatures(words: readonly string[], ctx: NerContext, emit: FeatureSink): void {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shortShape);
  const upperSentence = isUpperSentence(words);
  const gaz = gazetteerMarks(lower, ctx.gazetteer);
  const lw = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!);
  const sh = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]!);
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const l = lower[i]!;
    const s = shapes[i]!;
    emit(i, 'l-1', lw(i - 1));
    emit(i, 'l+1', lw(i + 1));
    emit(i, 'l-2', lw(i - 2));
    emit(i, 'l+2', lw(i + 2));
    emit(i, 'l-1l', `${lw(i - 1)}|${l}`);
    emit(i, 'll+1', `${l}|${lw(i + 1)}`);
    emit(i, 's-1', sh(i - 1));
    emit(i, 's+1', sh(i + 1));
    emit(i, 's-1s', `${sh(i - 1)}|${s}`);
    emit(i, 'ss+1', `${s}|${sh(i + 1)}`);
    emit(i, 's3', `${sh(i - 1)}|${s}|${sh(i + 1)}`);
    emit(i, 's-1l', `${sh(i - 1)}|${l}`);
    emit(i, 'sl+1', `${l}|${sh(i + 1)}`);
    if (i === 0) emit(i, 'first', s);
    if (upperSentence) {
      emit(i, 'U', s);
      emit(i, 'Ul', l);
    }
    if (isCapitalised(w)) {
      const dl = ctx.docLower.has(l) ? 'L' : '-';
      const dc = ctx.docCapitalised.has(l) ? 'C' : '-';
      emit(i, 'doc', `${dl}${dc}|${i === 0 || upperSentence ? 'start' : 'mid'}`);
      emit(i, 'lv', `${ctx.lowerVocab.has(l) ? 'y' : 'n'}|${i === 0 ? 'start' : 'mid'}`);
      for (const n of ctx.docNeighbours?.get(l) ?? []) emit(i, 'agg', n);
    }
    const g = gaz[i]!;
    if (g.length === 0) emit(i, 'g', 'none');
    for (const m of g) {
      emit(i, 'g', m);
      emit(i, 'g', `${m}|${s}`);
    }
    for (const m of gaz[i - 1] ?? []) emit(i, 'g-1', m);
    for (const m of gaz[i + 1] ?? []) emit(i, 'g+1', m);
    if (ctx.clusters) visitClusterFeatures(words, i, s, ctx.clusters, emit);
  }
}

/**
 * The clusters of a token and its neighbours: the whole path and its first level, so a word the labels
 * never showed still scores like the words written in the same places.
 */
function visitClusterFeatures(
  words: readonly string[],
  i: number,
  shape: string,
  clusters: ReadonlyMap<string, string>,
  emit: FeatureSink,
): void {
  const path = clusters.get(words[i]!);
  if (path) {
    emit(i, 'c', path);
    emit(i, 'c1', path.slice(0, path.indexOf('.')));
    emit(i, 'cs', `${path}|${shape}`);
  }
  const before = i > 0 ? clusters.get(words[i - 1]!) : '<s>';
  const after = i + 1 < words.length ? clusters.get(words[i + 1]!) : '</s>';
  if (before) emit(i, 'c-1', before);
  if (after) emit(i, 'c+1', after);
}

/** The feature strings of every token of a sentence (what training sees). */
export function sentenceFeatures(words: readonly string[], ctx: NerContext): string[][] {
  const out = words.map(wordFeatures);
  visitContextFeatures(words, ctx, (i, template, value) => {
    out[i]!.push(`${template}=${value}`);
  });
  return out;
}
