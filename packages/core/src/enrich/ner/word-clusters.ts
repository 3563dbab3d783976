// Word clusters learnt from unlabelled text, for the tagger's cluster features: words that are written
// between the same neighbours fall in one cluster ("Paris" with "Lyon", "Smith" with "Jones"), so a
// name never seen in the labelled text still carries what its cluster mates taught. Used by training only
// (bench/enrich/ner-training.ts); the shipped model holds the resulting word -> path table.

export interface ClusterOptions {
  /** Words (as written) seen fewer times are not clustered. */
  minCount: number;
  /** How many of the most frequent (lower-cased) words serve as context dimensions, left and right. */
  contextWords: number;
  /** Clusters of the first level, then sub-clusters of each: paths are "a" and "a.b". */
  top: number;
  sub: number;
  iterations: number;
  seed: number;
}

export const CLUSTER_DEFAULTS: ClusterOptions = {
  minCount: 3,
  contextWords: 1500,
  top: 48,
  sub: 8,
  iterations: 12,
  seed: 18,
};

/** A sparse unit vector: dimension indexes and their values. */
interface Sparse {
  dims: Int32Array;
  values: Float32Array;
}

function countWords(sentences: readonly (readonly string[])[]) {
  const asWritten = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const s of sentences)
    for (const w of s) {
      asWritten.set(w, (asWritten.get(w) ?? 0) + 1);
      const l = w.toLowerCase();
      lower.set(l, (lower.get(l) ?? 0) + 1);
    }
  return { asWritten, lower };
}

/** Each word's left and right neighbours among the context words, log-scaled and normalised to length 1. */
function contextVectors(
  sentences: readonly (readonly string[])[],
  vocab: ReadonlyMap<string, number>,
  context: ReadonlyMap<string, number>,
): Sparse[] {
  const C = context.size;
  const rows = Array.from({ length: vocab.size }, () => new Map<number, number>());
  const dim = (w: string | undefined, side: number) => {
    const c = w === undefined ? C : context.get(w.toLowerCase());
    return c === undefined ? -1 : side * (C + 1) + c;
  };
  for (const s of sentences)
    for (let i = 0; i < s.length; i++) {
      const v = vocab.get(s[i]!);
      if (v === undefined) continue;
      const row = rows[v]!;
      for (const d of [dim(s[i - 1], 0), dim(s[i + 1], 1)]) if (d >= 0) row.set(d, (row.get(d) ?? 0) + 1);
    }
  return rows.map((row) => {
    const dims = Int32Array.from(row.keys());
    const values = Float32Array.from(row.values(), (c) => Math.log1p(c));
    let norm = 0;
    for (const x of values) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < values.length; k++) values[k]! /= norm;
    return { dims, values };
  });
}

function dot(v: Sparse, centroid: Float32Array): number {
  let s = 0;
  for (let k = 0; k < v.dims.length; k++) s += v.values[k]! * centroid[v.dims[k]!]!;
  return s;
}

/** Spherical k-means of `members` (indexes into `vectors`), seeded by the most frequent members. */
function kmeans(
  vectors: readonly Sparse[],
  members: readonly number[],
  k: number,
  dims: number,
  iterations: number,
) {
  const K = Math.min(k, members.length);
  const assign = new Int32Array(members.length);
  const centroids = Array.from({ length: K }, (_, c) => {
    const out = new Float32Array(dims);
    const v = vectors[members[Math.floor((c * members.length) / K)]!]!;
    for (let j = 0; j < v.dims.length; j++) out[v.dims[j]!] = v.values[j]!;
    return out;
  });
  for (let it = 0; it < iterations; it++) {
    members.forEach((m, i) => {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < K; c++) {
        const score = dot(vectors[m]!, centroids[c]!);
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      assign[i] = best;
    });
    for (const c of centroids) c.fill(0);
    members.forEach((m, i) => {
      const v = vectors[m]!;
      const c = centroids[assign[i]!]!;
      for (let j = 0; j < v.dims.length; j++) c[v.dims[j]!]! += v.values[j]!;
    });
    for (const c of centroids) {
      let norm = 0;
      for (const x of c) norm += x * x;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < c.length; j++) c[j]! /= norm;
    }
  }
  return assign;
}

/**
 * Clusters the words of unlabelled sentences by the words around them: word (as written) -> "a.b", a
 * first-level cluster and its sub-cluster. Deterministic: the same sentences give the same table.
 */
export function learnWordClusters(
  sentences: readonly (readonly string[])[],
  options: Partial<ClusterOptions> = {},
): Map<string, string> {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  const { asWritten, lower } = countWords(sentences);
  // Most frequent first (ties by spelling), so seeds and the table's order never depend on input order.
  const byFrequency = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const words = byFrequency(asWritten).filter((w) => asWritten.get(w)! >= o.minCount);
  const vocab = new Map(words.map((w, i) => [w, i]));
  const context = new Map(
    byFrequency(lower)
      .slice(0, o.contextWords)
      .map((w, i) => [w, i]),
  );
  const vectors = contextVectors(sentences, vocab, context);
  const dims = 2 * (context.size + 1);
  const all = words.map((_, i) => i);
  const top = kmeans(vectors, all, o.top, dims, o.iterations);
  const paths = new Map<string, string>();
  for (let c = 0; c < o.top; c++) {
    const members = all.filter((i) => top[i] === c);
    if (members.length === 0) continue;
    const sub = kmeans(vectors, members, o.sub, dims, o.iterations);
    members.forEach((m, i) => {
      paths.set(words[m]!, `${c}.${sub[i]!}`);
    });
  }
  return paths;
}
