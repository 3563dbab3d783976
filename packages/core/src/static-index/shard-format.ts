import { z } from 'zod';

// The static search index a site serves: a manifest, term shards (terms in sorted order, cut by size) and
// document packs (articles numbered newest first, packed in runs). Written by `searchShards`, read by
// `loadShardedCorpus`; paths are relative to wherever the site serves the index.

export const MANIFEST_PATH = 'manifest.json';
export const termShardPath = (i: number) => `t/${i}.json`;
export const docPackPath = (i: number) => `d/${i}.json`;

export const ShardManifestSchema = z.object({
  format: z.literal('gazette-search-shards'),
  version: z.literal(2),
  /** Documents, numbered 0..count-1 newest first. */
  count: z.number().int().nonnegative(),
  /** Documents per pack: document n is item n % docsPerPack of pack floor(n / docsPerPack). */
  docsPerPack: z.number().int().positive(),
  /** The first term of each term shard, ascending: shard i holds the terms in [firsts[i], firsts[i+1]). */
  firsts: z.array(z.string()),
});
export type ShardManifest = z.infer<typeof ShardManifestSchema>;

export const TermShardSchema = z.object({
  /** Term -> postings (encodePostings). */
  t: z.record(z.string(), z.string()),
  /** Folded word -> its term, for words that differ from their term (typos are judged on words). */
  w: z.record(z.string(), z.string()),
});
export type TermShard = z.infer<typeof TermShardSchema>;

/** One file of the index: its path (relative) and its body (JSON). */
export interface ShardFile {
  path: string;
  body: string;
}

/** Postings as a compact string: deltas between ascending document numbers, base 36, comma-separated. */
export function encodePostings(docs: readonly number[]): string {
  let prev = 0;
  return docs
    .map((d, i) => {
      const delta = i === 0 ? d : d - prev;
      prev = d;
      return delta.toString(36);
    })
    .join(',');
}

export function decodePostings(s: string): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const part of s.split(',')) {
    if (!part) continue;
    prev = out.length === 0 ? Number.parseInt(part, 36) : prev + Number.parseInt(part, 36);
    out.push(prev);
  }
  return out;
}

/** The shards that may hold terms in [from, to]: binary search on the shards' first terms. */
export function shardsInRange(firsts: readonly string[], from: string, to: string): number[] {
  let lo = 0;
  let hi = firsts.length - 1;
  let start = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (firsts[mid]! <= from) {
      start = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const out: number[] = [];
  for (let i = start; i < firsts.length && (i === start || firsts[i]! <= to); i++) out.push(i);
  return out;
}
