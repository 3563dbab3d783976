import { boundedDistance } from '../search/engine/bounded-levenshtein';
import type { NeedNode, WordNeed } from '../search/query/query-words';
import { decodePostings, shardsInRange, type TermShard } from './shard-format';

// Which documents may match a query, from the term shards alone: a superset of what the core's engine
// matches (every exact, prefix and typo expansion it may make), ranked so the likeliest come first.

const head = (s: string) => [...s].slice(0, 2).join('');
const codes = (s: string) => Uint32Array.from([...s], (c) => c.codePointAt(0)!);

/** The shards a word's lookups read (typos: the words sharing its first two letters). */
export function shardsOf(firsts: readonly string[], need: WordNeed, typos: boolean): number[] {
  const out = new Set<number>();
  for (const t of need.terms) for (const i of shardsInRange(firsts, t, t)) out.add(i);
  if (need.prefix !== undefined)
    for (const i of shardsInRange(firsts, need.prefix, `${need.prefix}\uffff`)) out.add(i);
  if (typos && need.typos) {
    const h = head(need.typos.folded);
    for (const i of shardsInRange(firsts, h, `${h}\uffff`)) out.add(i);
  }
  return [...out];
}

type Shards = (i: number) => TermShard | undefined;

interface Lookup {
  firsts: readonly string[];
  shard: Shards;
  /** Typos for every word (the engine retries so when the exact words find nothing). */
  forceTypos: boolean;
  /** Each word's documents, for ranking. */
  seen: Array<Set<number>>;
}

function postingsOf(l: Lookup, term: string): number[] {
  for (const i of shardsInRange(l.firsts, term, term)) {
    const p = l.shard(i)?.t[term];
    if (p !== undefined) return decodePostings(p);
  }
  return [];
}

function intersect(a: ReadonlySet<number>, b: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const d of a) if (b.has(d)) out.add(d);
  return out;
}

function wordDocs(l: Lookup, need: WordNeed): Set<number> {
  let docs: Set<number> | undefined;
  for (const t of need.terms) {
    const mine = new Set(postingsOf(l, t));
    docs = docs ? intersect(docs, mine) : mine;
  }
  const out = docs ?? new Set<number>();
  const add = (term: string) => {
    for (const d of postingsOf(l, term)) out.add(d);
  };
  if (need.prefix !== undefined) {
    const p = need.prefix;
    for (const i of shardsInRange(l.firsts, p, `${p}\uffff`))
      for (const term of Object.keys(l.shard(i)?.t ?? {})) if (term.startsWith(p)) add(term);
  }
  if (need.typos && (l.forceTypos || out.size === 0)) {
    const { folded, max } = need.typos;
    const a = codes(folded);
    const h = head(folded);
    for (const i of shardsInRange(l.firsts, h, `${h}\uffff`)) {
      const s = l.shard(i);
      if (!s) continue;
      const near = (word: string) => {
        const b = codes(word);
        return boundedDistance(a, a.length, b, b.length, max) <= max;
      };
      for (const term of Object.keys(s.t)) if (near(term)) add(term);
      for (const [word, term] of Object.entries(s.w)) if (near(word)) add(term);
    }
  }
  l.seen.push(out);
  return out;
}

/** The documents a tree may match; null when it narrows nothing (every document may match). */
function evaluate(l: Lookup, node: NeedNode): Set<number> | null {
  if (node.kind === 'any') return null;
  if (node.kind === 'word') return wordDocs(l, node.need);
  const parts = node.children.map((c) => evaluate(l, c));
  if (node.kind === 'or') {
    if (parts.some((p) => p === null)) return null;
    const out = new Set<number>();
    for (const p of parts) for (const d of p!) out.add(d);
    return out;
  }
  let out: Set<number> | null = null;
  for (const p of parts) if (p) out = out ? intersect(out, p) : p;
  return out;
}

/** A candidate document and its weight: the sum of its query words' rarities. */
export interface Candidate {
  n: number;
  score: number;
}

/**
 * Candidate documents, most promising first: rarer words weigh more, then newer (lower numbers).
 * `count` is the number of documents; `forceTypos` reads every word as the engine's retry does.
 */
export function rankCandidates(
  tree: NeedNode,
  firsts: readonly string[],
  shard: Shards,
  count: number,
  forceTypos: boolean,
): Candidate[] {
  const l: Lookup = { firsts, shard, forceTypos, seen: [] };
  const docs = evaluate(l, tree);
  if (!docs) return Array.from({ length: count }, (_, n) => ({ n, score: 0 }));
  const score = new Map<number, number>();
  for (const s of l.seen) {
    const w = Math.log(1 + count / (1 + s.size));
    for (const d of s) if (docs.has(d)) score.set(d, (score.get(d) ?? 0) + w);
  }
  return [...docs]
    .map((n) => ({ n, score: score.get(n) ?? 0 }))
    .sort((a, b) => b.score - a.score || a.n - b.n);
}
