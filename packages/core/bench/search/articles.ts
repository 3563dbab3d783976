// Articles for the benchmarks, parsed once and cached under .bench/ (gitignored): parsing 100k texts
// with parseText takes minutes, and the benchmarks measure the index, not the parser.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type BbcRecord, bbcAsText, generateCorpus, readBbc } from '@gazette/bench-corpora';
import { type Article, PARSER_VERSION, parseText } from '@gazette/core';

const DIR = new URL('../../../../.bench/', import.meta.url);

const SHARD = 5000;

// Shards of 5000 articles: one file of 100k articles would pass the longest string V8 allows.
function cached(name: string, make: () => Article[]): Article[] {
  mkdirSync(DIR, { recursive: true });
  const base = `${name}-${PARSER_VERSION.replace(/[^\w.-]/g, '_')}`;
  const done = new URL(`${base}.done`, DIR);
  const shard = (i: number) => new URL(`${base}.${i}.jsonl`, DIR);
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
  writeFileSync(done, String(articles.length));
  return articles;
}

export interface BbcItem {
  record: BbcRecord;
  article: Article;
}

/** BBC records with their parsed articles (section = the record's category) (records whose text repeats another's are dropped). */
export function bbcArticles(): BbcItem[] {
  const records = readBbc();
  const articles = cached('bbc', () => records.map((r) => parseText(bbcAsText(r), { section: r.category })));
  const seen = new Set<string>();
  const out: BbcItem[] = [];
  records.forEach((record, i) => {
    const article = articles[i]!;
    if (seen.has(article.id)) return;
    seen.add(article.id);
    out.push({ record, article });
  });
  return out;
}

/**
 * The generated corpus (seed 42) as articles; the first run parses and caches it. Records whose text
 * repeats another's get the same id; like createCorpus, the last one is kept.
 */
export function generatedArticles(count: number): Article[] {
  const all = cached(`generated-${count}`, () => {
    const records = generateCorpus(readBbc(), count, 42);
    const out: Article[] = [];
    for (const [i, r] of records.entries()) {
      out.push(parseText(r.text, r.meta));
      if (i % 10_000 === 0) console.error(`  parsed ${i}/${count}…`);
    }
    return out;
  });
  return [...new Map(all.map((a) => [a.id, a])).values()];
}
