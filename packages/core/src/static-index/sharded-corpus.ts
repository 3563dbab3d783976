import { z } from 'zod';
import type { Corpus } from '../corpus/components/corpus-types';
import { createCorpus } from '../corpus/create-corpus';
import type { SearchParams } from '../query-schema/query-params-schema';
import type { SearchResult } from '../query-schema/query-result-schema';
import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import { parseQuery } from '../search/query/parse-query';
import { queryNeeds, wordNeeds } from '../search/query/query-words';
import { type Candidate, rankCandidates, shardsOf } from './shard-candidates';
import {
  docPackPath,
  MANIFEST_PATH,
  type ShardManifest,
  ShardManifestSchema,
  type TermShard,
  TermShardSchema,
  termShardPath,
} from './shard-format';

// A pack is checked for its shape, not re-validated article by article: the build wrote it from a corpus.
const DocPackSchema = z.array(z.looseObject({ id: z.string(), slug: z.string(), title: z.string() }));

/** Reads one index file (a path relative to the index, e.g. `t/3.json`) as parsed JSON. */
export type FetchJson = (path: string) => Promise<unknown>;

/** Candidate documents a search ranks at least (a page's worth and some). */
export const CANDIDATES_PER_STEP = 40;

export interface ShardedSearchResult {
  result: SearchResult;
  /** Documents that may match (from the shards); the core ranked `loaded` of them. */
  candidates: number;
  loaded: number;
}

export interface ShardedCorpus {
  /** Candidate document numbers for a query, most promising first. */
  candidates(q: string): Promise<number[]>;
  /** `corpus.search` over the best `want` candidates (and the rest of their packs' candidates). */
  search(params: SearchParams, want?: number): Promise<ShardedSearchResult>;
}

function checked<T>(what: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }) {
  return (value: unknown): T => {
    const r = schema.safeParse(value);
    if (!r.success)
      throw new GazetteError(
        'INVALID_SNAPSHOT',
        `The search index file ${what} is not one searchShards wrote (or is from another version): rebuild the site.`,
        {
          where: what,
        },
      );
    return r.data as T;
  };
}

/**
 * The static index written by `searchShards`, read on demand through `fetchJson`: a query fetches the
 * manifest once, then only the term shards of its words and the document packs of its best candidates,
 * and the core's own `corpus.search` ranks those documents.
 */
export function loadShardedCorpus(fetchJson: FetchJson): ShardedCorpus {
  let manifest: Promise<ShardManifest> | undefined;
  const shards = new Map<number, Promise<TermShard>>();
  const loadedShards = new Map<number, TermShard>();
  const packs = new Map<number, Promise<Article[]>>();

  const getManifest = () => {
    manifest ??= fetchJson(MANIFEST_PATH).then(checked(MANIFEST_PATH, ShardManifestSchema));
    return manifest;
  };
  const fetchShard = (i: number) =>
    once(shards, i, () =>
      fetchJson(termShardPath(i))
        .then(checked(termShardPath(i), TermShardSchema))
        .then((s) => {
          loadedShards.set(i, s);
          return s;
        }),
    );
  const fetchPack = (i: number) =>
    once(packs, i, () =>
      fetchJson(docPackPath(i))
        .then(checked(docPackPath(i), DocPackSchema))
        .then((pack) => pack as unknown as Article[]),
    );

  async function ranked(q: string): Promise<Candidate[]> {
    const m = await getManifest();
    const tree = queryNeeds(parseQuery(q));
    const words = wordNeeds(tree);
    const rank = async (force: boolean) => {
      await Promise.all(words.flatMap((w) => shardsOf(m.firsts, w, force)).map(fetchShard));
      return rankCandidates(tree, m.firsts, (i) => loadedShards.get(i), m.count, force);
    };
    const found = await rank(false);
    // The engine retries with typos on every word when the exact words find nothing: so does this.
    return found.length || !words.length ? found : rank(true);
  }

  const candidates = async (q: string) => (await ranked(q)).map((c) => c.n);

  async function search(params: SearchParams, want = CANDIDATES_PER_STEP): Promise<ShardedSearchResult> {
    const m = await getManifest();
    const found = await ranked(params.q);
    const packOf = (n: number) => Math.floor(n / m.docsPerPack);
    const perPack = new Map<number, number>();
    for (const { n } of found) perPack.set(packOf(n), (perPack.get(packOf(n)) ?? 0) + 1);
    // Among equally promising candidates, those sharing a pack come first: fewer, fuller packs to fetch.
    const ids = found
      .sort((a, b) => b.score - a.score || perPack.get(packOf(b.n))! - perPack.get(packOf(a.n))! || a.n - b.n)
      .map((c) => c.n);
    // Packs of the best candidates until enough are in hand; every candidate of a fetched pack is ranked.
    const chosen = new Set<number>();
    let loaded = 0;
    for (const n of ids) {
      if (loaded >= Math.max(want, CANDIDATES_PER_STEP)) break;
      const p = packOf(n);
      if (chosen.has(p)) continue;
      chosen.add(p);
      loaded += perPack.get(p)!;
    }
    const wanted = new Set(ids.filter((n) => chosen.has(packOf(n))));
    const fetched = await Promise.all([...chosen].map(async (p) => ({ p, pack: await fetchPack(p) })));
    const docs = fetched.flatMap(({ p, pack }) => pack.filter((_, k) => wanted.has(p * m.docsPerPack + k)));
    const corpus: Corpus = createCorpus(docs);
    return { result: corpus.search(params), candidates: ids.length, loaded: docs.length };
  }

  return { candidates, search };
}

/** The file's promise, fetched the first time it is asked for: each file is read once per page. */
function once<T>(cache: Map<number, Promise<T>>, i: number, load: () => Promise<T>): Promise<T> {
  let p = cache.get(i);
  if (!p) {
    p = load();
    cache.set(i, p);
  }
  return p;
}
