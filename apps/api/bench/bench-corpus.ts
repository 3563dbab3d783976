// The parent side of the API bench: the parsed articles (read from .bench/), what the load is made of (ids,
// queries, never-seen searches), and the corpus's binary snapshot, built once and kept under .bench/. The
// server process then loads only the snapshot, so its memory is the memory of a server, not of a parse.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PARSED_CACHE_DIR, parsedBbc, parsedGenerated, seededRandom } from '@gazette/bench-corpora';
import { type Article, createCorpus, isGazetteError } from '@gazette/core';
import { PARSER_VERSION } from '@gazette/core/query';
import { readSnapshotFile, writeSnapshotFile } from '@gazette/core/node';

const CORE_SRC = fileURLToPath(new URL('../../../packages/core/src/', import.meta.url));

export interface BenchCorpus {
  /** The snapshot file the server loads. */
  snapshot: string;
  articles: number;
  /** Reading the parsed articles back from .bench/. */
  readMs: number;
  /** Building the corpus and writing its snapshot, when it had to be (else 0). */
  buildMs: number;
  /** 1000 ids drawn at random (seeded), repeats included. */
  ids: string[];
  /** A small set of queries, repeated through the run (the cache-warm case). */
  queries: string[];
  /** Distinct search paths, none of them in `queries`, more than a run sends (the cache-cold case). */
  freshSearches: string[];
  /** The id of the article whose JSON is the median size. */
  medianId: string;
}

const titleWords = (a: Article) =>
  a.title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2);

/** 1-3 consecutive words of article titles, lower-cased: queries a reader would type, seeded. */
function queriesFrom(articles: readonly Article[], count: number): string[] {
  const rand = seededRandom(7);
  const out: string[] = [];
  while (out.length < count) {
    const words = titleWords(articles[Math.floor(rand() * articles.length)]!);
    if (!words.length) continue;
    const n = 1 + Math.floor(rand() * 3);
    const at = Math.floor(rand() * Math.max(1, words.length - n + 1));
    out.push(words.slice(at, at + n).join(' '));
  }
  return out;
}

/**
 * Search paths that were never asked before: every distinct 1-3 word window of every title (not among
 * `seen`), in a seeded order; when there are fewer than `count`, the list repeats with another page size
 * (19, 21, 18, 22, …: near the default 20, so the work per query stays about the same), which is another
 * cache key. Each path is distinct, so while the run sends fewer than `count` requests, none can hit.
 */
function freshSearchesFrom(articles: readonly Article[], seen: ReadonlySet<string>, count: number): string[] {
  const windows = new Set<string>();
  for (const a of articles) {
    const words = titleWords(a);
    for (let n = 1; n <= 3; n++)
      for (let at = 0; at + n <= words.length; at++) {
        const q = words.slice(at, at + n).join(' ');
        if (!seen.has(q)) windows.add(q);
      }
  }
  const qs = [...windows];
  const rand = seededRandom(13);
  for (let i = qs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [qs[i], qs[j]] = [qs[j]!, qs[i]!];
  }
  const out: string[] = [];
  const limits = [undefined, 19, 21, 18, 22, 17, 23, 16, 24];
  for (const limit of limits) {
    for (const q of qs) {
      if (out.length >= count) return out;
      out.push(`/v1/search?q=${encodeURIComponent(q)}${limit === undefined ? '' : `&limit=${limit}`}`);
    }
  }
  return out;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.ts'))
      newest = Math.max(newest, statSync(`${e.parentPath}/${e.name}`).mtimeMs);
  return newest;
}

/**
 * The snapshot of the corpus over `articles`, kept under .bench/: rebuilt when the core's source is newer
 * than the file, or when the file no longer loads (another snapshot format). Returns the time spent building.
 */
function ensureSnapshot(path: string, articles: Article[]): number {
  if (existsSync(path) && statSync(path).mtimeMs > newestSource(CORE_SRC)) {
    try {
      readSnapshotFile(path);
      return 0;
    } catch (error) {
      if (!isGazetteError(error)) throw error;
    }
  }
  const t = performance.now();
  writeSnapshotFile(path, createCorpus(articles));
  return performance.now() - t;
}

/** `bbc` or `generated:N`: the parsed articles, the load made from them, and the snapshot to serve. */
export function benchCorpus(which: string): BenchCorpus {
  const t0 = performance.now();
  // Parsed once and cached under .bench/ by @gazette/bench-corpora (the first run of a size parses:
  // minutes for 100k); later runs only read the JSON back.
  const articles =
    which === 'bbc'
      ? [...new Map(parsedBbc().map((a) => [a.id, a])).values()]
      : parsedGenerated(Number(which.replace('generated:', '')));
  const readMs = performance.now() - t0;
  const snapshot = `${PARSED_CACHE_DIR}api-${which.replace(':', '-')}-${PARSER_VERSION.replace(/[^\w.-]/g, '_')}.snapshot`;
  const buildMs = ensureSnapshot(snapshot, articles);
  const bySize = articles
    .map((a) => ({ id: a.id, size: JSON.stringify(a).length }))
    .sort((x, y) => x.size - y.size);
  const rand = seededRandom(11);
  const ids = Array.from({ length: 1000 }, () => articles[Math.floor(rand() * articles.length)]!.id);
  const queries = queriesFrom(articles, 500);
  return {
    snapshot,
    articles: articles.length,
    readMs,
    buildMs,
    ids,
    queries,
    freshSearches: freshSearchesFrom(articles, new Set(queries), 200_000),
    medianId: bySize[Math.floor(bySize.length / 2)]!.id,
  };
}
