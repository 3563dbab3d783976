import { compareNewest } from '../corpus/components/compare-articles';
import type { Article } from '../model/article-schema';
import { forEachWord, termOf } from '../search/analysis/analyze';
import { fold } from '../search/analysis/fold';
import {
  docPackPath,
  encodePostings,
  MANIFEST_PATH,
  type ShardFile,
  type ShardManifest,
  type TermShard,
  termShardPath,
} from './shard-format';
import { searchRecord } from './search-record';
import { searchableText } from './searchable-text';

/** A term shard is cut once it holds this many characters: a few kB gzipped per word a query fetches. */
export const SHARD_CHARS = 32_000;
/**
 * Document packs at most: a static host caps files per site (Cloudflare Pages: 20,000), so packs grow
 * with the corpus instead of adding one file per article.
 */
export const MAX_DOC_PACKS = 1000;

export interface ShardOptions {
  /** Characters a term shard holds before the next one starts (SHARD_CHARS). */
  shardChars?: number;
  /** Document packs at most (MAX_DOC_PACKS). */
  maxDocPacks?: number;
}

/**
 * Documents are numbered by section, newest first within one: a query's candidates gather in the packs of
 * the sections it is about, so a search fetches fewer, fuller packs.
 */
function bySectionNewest(a: Article, b: Article): number {
  const sectionA = fold(a.section ?? '\uffff');
  const sectionB = fold(b.section ?? '\uffff');
  return sectionA < sectionB ? -1 : sectionA > sectionB ? 1 : compareNewest(a, b);
}

interface Postings {
  docs: Map<string, number[]>;
  words: Map<string, string>;
}

function collect(articles: readonly Article[]): Postings {
  const docs = new Map<string, number[]>();
  const words = new Map<string, string>();
  articles.forEach((a, n) => {
    forEachWord(fold(searchableText(a)), (w) => {
      const t = termOf(w);
      if (!t) return;
      if (w !== t && !words.has(w)) words.set(w, t);
      const list = docs.get(t);
      if (!list) docs.set(t, [n]);
      else if (list[list.length - 1] !== n) list.push(n);
    });
  });
  return { docs, words };
}

function termShards(p: Postings, shardChars: number): { firsts: string[]; shards: TermShard[] } {
  const wordsOf = new Map<string, string[]>();
  for (const [w, t] of p.words) {
    const list = wordsOf.get(t);
    if (list) list.push(w);
    else wordsOf.set(t, [w]);
  }
  const firsts: string[] = [];
  const shards: TermShard[] = [];
  let shard: TermShard | undefined;
  let size = 0;
  for (const term of [...p.docs.keys()].sort()) {
    if (!shard || size >= shardChars) {
      shard = { t: {}, w: {} };
      shards.push(shard);
      firsts.push(term);
      size = 0;
    }
    const postings = encodePostings(p.docs.get(term)!);
    shard.t[term] = postings;
    size += term.length + postings.length + 6;
    for (const w of wordsOf.get(term) ?? []) {
      shard.w[w] = term;
      size += w.length + term.length + 6;
    }
  }
  return { firsts, shards };
}

/**
 * The static search index of a corpus, as files: keyed on the core's own terms (fold + analyze), so a
 * browser can fetch only the shards a query needs and let `corpus.search` rank what they point to.
 */
export function searchShards(input: readonly Article[], options: ShardOptions = {}): ShardFile[] {
  const articles = [...input].sort(bySectionNewest);
  const { firsts, shards } = termShards(collect(articles), options.shardChars ?? SHARD_CHARS);
  const docsPerPack = Math.max(1, Math.ceil(articles.length / (options.maxDocPacks ?? MAX_DOC_PACKS)));
  const manifest: ShardManifest = {
    format: 'gazette-search-shards',
    version: 2,
    count: articles.length,
    docsPerPack,
    firsts,
  };
  const files: ShardFile[] = [{ path: MANIFEST_PATH, body: JSON.stringify(manifest) }];
  shards.forEach((s, i) => {
    files.push({ path: termShardPath(i), body: JSON.stringify(s) });
  });
  for (let i = 0; i * docsPerPack < articles.length; i++)
    files.push({
      path: docPackPath(i),
      body: JSON.stringify(articles.slice(i * docsPerPack, (i + 1) * docsPerPack).map(searchRecord)),
    });
  return files;
}
