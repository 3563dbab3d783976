// Parsed articles for the benchmarks, cached under .bench/ at the repository root (gitignored): parsing
// 100k texts with parseText takes minutes, and the benchmarks measure the index and the API, not the parser.
// The cache is keyed by the parser version, so a new parser re-parses.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Article, parseText } from '@gazette/core';
import { PARSER_VERSION } from '@gazette/core/query';
import { type BbcRecord, bbcAsText, readBbc } from './bbc';
import { type GeneratedRecord, generateCorpus } from './generate-corpus';
import { generateNewsCorpus, NEWS_CORPUS_VERSION, newsRecords } from './news-corpus';

/** Where the parsed shards live: `.bench/` beside the workspace's package.json. */
export const PARSED_CACHE_DIR = fileURLToPath(new URL('../../../.bench/', import.meta.url));

// Shards of 5000 articles: one file of 100k articles would pass the longest string V8 allows.
const SHARD = 5000;

/** The files of one cached corpus: `.done` holds its article count once every shard is written. */
function cacheFiles(name: string): { done: string; shard: (i: number) => string } {
  mkdirSync(PARSED_CACHE_DIR, { recursive: true });
  const base = `${PARSED_CACHE_DIR}${name}-${PARSER_VERSION.replace(/[^\w.-]/g, '_')}`;
  return { done: `${base}.done`, shard: (i: number) => `${base}.${i}.jsonl` };
}

function cached(name: string, make: () => Article[]): Article[] {
  const { done, shard } = cacheFiles(name);
  if (existsSync(done)) {
    const count = Number(readFileSync(done, 'utf8'));
    const out: Article[] = [];
    for (let i = 0; i * SHARD < count; i++)
      for (const line of readFileSync(shard(i), 'utf8').split('\n'))
        if (line) out.push(JSON.parse(line) as Article);
    return out;
  }
  const articles = make();
  for (let i = 0; i * SHARD < articles.length; i++)
    writeFileSync(
      shard(i),
      articles
        .slice(i * SHARD, (i + 1) * SHARD)
        .map((a) => JSON.stringify(a))
        .join('\n'),
    );
  // Written last: a run killed half-way leaves no `.done`, so the next run parses again.
  writeFileSync(done, String(articles.length));
  return articles;
}

/**
 * The BBC records parsed (section = the record's category), one article per record of `readBbc()`, in
 * the same order; records whose text repeats another's give the same id.
 */
export function parsedBbc(records: readonly BbcRecord[] = readBbc()): Article[] {
  return cached('bbc', () => records.map((r) => parseText(bbcAsText(r), { section: r.category })));
}

/**
 * The generated corpus of `count` records (seed 42) parsed; the first run parses and caches it (minutes
 * for 100k). Records whose text repeats another's get the same id; like createCorpus, the last is kept.
 */
export function parsedGenerated(count: number): Article[] {
  return parsedRecords(`generated-${count}`, () => generateCorpus(readBbc(), count, 42));
}

/**
 * The GENERATED news corpus with a growing vocabulary (generateNewsCorpus, seed 42) of `count` records,
 * parsed and cached like parsedGenerated (the cache is named by the generator's version too).
 */
export function parsedNews(count: number): Article[] {
  return parsedRecords(
    `news-v${NEWS_CORPUS_VERSION}-${count}`,
    () => generateNewsCorpus(readBbc(), count, 42).records,
  );
}

function parsedRecords(name: string, make: () => GeneratedRecord[]): Article[] {
  const all = cached(name, () => {
    const records = make();
    const out: Article[] = [];
    for (const [i, r] of records.entries()) {
      out.push(parseText(r.text, r.meta));
      if (i % 10_000 === 0) console.error(`  ${name}: parsed ${i}/${records.length}…`);
    }
    return out;
  });
  return [...new Map(all.map((a) => [a.id, a])).values()];
}

/**
 * The shard files of the parsed news corpus of `count` records (a multiple of 5000), written one shard at
 * a time so a million articles never sit in memory (parsedNews would hold them all). A killed run keeps
 * its finished shards (each is renamed into place whole) and the next run goes on; `mine` lets several
 * processes share the parsing (each writes the shards it owns; `.done` comes once all are there).
 */
export function parsedNewsShards(
  count: number,
  mine: (shard: number) => boolean = () => true,
  log: (line: string) => void = console.error,
): string[] {
  if (count % SHARD) throw new Error(`parsedNewsShards: ${count} is not a multiple of ${SHARD}`);
  const name = `news-v${NEWS_CORPUS_VERSION}-${count}`;
  const { done, shard } = cacheFiles(name);
  const shards = Array.from({ length: count / SHARD }, (_, i) => shard(i));
  if (existsSync(done)) return shards;
  const todo = shards.map((f, i) => mine(i) && !existsSync(f));
  // Records are generated in order up to the last shard left to write (generating costs too, at 1M).
  const end = (todo.lastIndexOf(true) + 1) * SHARD;
  let batch: string[] = [];
  let i = 0;
  for (const r of newsRecords(readBbc(), end, 42)) {
    const index = Math.floor(i++ / SHARD);
    if (!todo[index]) continue;
    batch.push(JSON.stringify(parseText(r.text, r.meta)));
    if (batch.length < SHARD) continue;
    writeFileSync(`${shard(index)}.part`, batch.join('\n'));
    renameSync(`${shard(index)}.part`, shard(index));
    log(`  ${name}: parsed shard ${index + 1}/${shards.length}`);
    batch = [];
  }
  if (shards.every((f) => existsSync(f))) writeFileSync(done, String(count));
  return shards;
}
