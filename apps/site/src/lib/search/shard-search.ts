import { type Article, type Corpus, createCorpus, type SearchParams, type SearchResult } from '@gazette/core';
import { decodePostings, type SearchManifest, type SearchShard, shardKey } from './index-terms';
import { queryTerms, termMatches } from './query-terms';

/** How many candidate documents are fetched per step; the core then ranks them. */
export const CANDIDATES_PER_STEP = 40;

export interface ShardSearchResult {
  result: SearchResult;
  /** Documents that may match (from the index); the core ranked the first `loaded` of them. */
  candidates: number;
  loaded: number;
}

type Fetch = (path: string) => Promise<unknown>;

/**
 * Search over the split index: the query's words pick the shards and candidate documents (a superset of
 * the matches, best guesses first), those documents are fetched, and the core's corpus.search ranks them
 * with its own query language. Nothing but the shards and documents a query needs is downloaded.
 */
export class ShardSearch {
  private manifest: SearchManifest | undefined;
  private readonly shards = new Map<string, Promise<SearchShard | undefined>>();
  private readonly docs = new Map<number, Promise<Article>>();

  constructor(private readonly fetchJson: Fetch) {}

  private async getManifest(): Promise<SearchManifest> {
    this.manifest ??= (await this.fetchJson('/search/manifest.json')) as SearchManifest;
    return this.manifest;
  }

  private shard(key: string, known: ReadonlySet<string>): Promise<SearchShard | undefined> {
    if (!known.has(key)) return Promise.resolve(undefined);
    let p = this.shards.get(key);
    if (!p) {
      p = this.fetchJson(`/search/t/${key}.json`) as Promise<SearchShard>;
      this.shards.set(key, p);
    }
    return p;
  }

  private doc(n: number): Promise<Article> {
    let p = this.docs.get(n);
    if (!p) {
      p = this.fetchJson(`/search/d/${n}.json`) as Promise<Article>;
      this.docs.set(n, p);
    }
    return p;
  }

  /** Candidate document numbers, most promising first (rarer words weigh more; then newest). */
  async candidates(q: string): Promise<number[]> {
    const manifest = await this.getManifest();
    const known = new Set(manifest.shards);
    const { groups, union } = queryTerms(q);
    const all = () => Array.from({ length: manifest.count }, (_, i) => i);
    if (!groups.length) return all();
    await Promise.all(groups.flatMap((g) => g.terms).map((t) => this.shard(shardKey(t), known)));
    const sets: Array<Set<number>> = [];
    for (const g of groups) {
      const docs = new Set<number>();
      let first = true;
      for (const term of g.terms) {
        const shard = await this.shard(shardKey(term), known);
        const mine = new Set<number>();
        if (shard)
          for (const [t, postings] of Object.entries(shard))
            if (termMatches(term, t, g.prefix)) for (const d of decodePostings(postings)) mine.add(d);
        if (first) for (const d of mine) docs.add(d);
        else for (const d of docs) if (!mine.has(d)) docs.delete(d);
        first = false;
      }
      sets.push(docs);
    }
    const weight = sets.map((s) => Math.log(1 + manifest.count / (1 + s.size)));
    const score = new Map<number, number>();
    sets.forEach((s, i) => {
      for (const d of s) score.set(d, (score.get(d) ?? 0) + weight[i]!);
    });
    let ids = [...score.keys()];
    // AND: every word present. A word found nowhere is left out rather than emptying the result: the core
    // may drop it (a stop word) or match it another way, and it still decides what matches.
    const needed = sets.filter((s) => s.size > 0);
    if (!union) ids = ids.filter((d) => needed.every((s) => s.has(d)));
    return ids.sort((a, b) => score.get(b)! - score.get(a)! || a - b);
  }

  /** Runs the core's search over the first `want` candidates (at least one step's worth). */
  async search(params: SearchParams, want = CANDIDATES_PER_STEP): Promise<ShardSearchResult> {
    const ids = await this.candidates(params.q);
    const chosen = ids.slice(0, Math.max(want, CANDIDATES_PER_STEP));
    const articles = await Promise.all(chosen.map((n) => this.doc(n)));
    const corpus: Corpus = createCorpus(articles);
    return { result: corpus.search(params), candidates: ids.length, loaded: chosen.length };
  }
}
