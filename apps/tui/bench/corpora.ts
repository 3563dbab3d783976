import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbcAsText, generateCorpus, readBbc } from '@gazette/bench-corpora';
import { type Article, createCorpus, loadCorpus, PARSER_VERSION, parseText } from '@gazette/core';

const CACHE = join(tmpdir(), 'gazette-tui-bench');

/** The BBC articles parsed, as a snapshot file (cached by parser version): what GAZETTE_SNAPSHOT reads. */
export function bbcSnapshotFile(): { file: string; articles: number; newestTitle: string } {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `bbc-${PARSER_VERSION.replace(/[^\w.-]+/g, '-')}.json`);
  const meta = `${file}.meta.json`;
  // A cached snapshot from another version of the core is rebuilt (the format can change under one parser version).
  let stale = !existsSync(file) || !existsSync(meta);
  if (!stale) {
    try {
      loadCorpus(JSON.parse(readFileSync(file, 'utf8'))).list({ limit: 1 });
    } catch {
      stale = true;
    }
  }
  if (stale) {
    const corpus = createCorpus(readBbc().map((r) => parseText(bbcAsText(r))));
    writeFileSync(file, JSON.stringify(corpus.toSnapshot()));
    const first = corpus.list({ limit: 1 }).items[0]!;
    writeFileSync(meta, JSON.stringify({ articles: corpus.size, newestTitle: first.title }));
  }
  return { file, ...(JSON.parse(readFileSync(meta, 'utf8')) as { articles: number; newestTitle: string }) };
}

/**
 * A generated corpus of `count` articles from BBC text (seeded). Parsing (with enrichment) costs ~5 ms an
 * article here, so at most `parsed` are parsed and the rest are copies of them, each with its own id, slug,
 * title and date (the UI's costs depend on the number of articles and the index, not on unique prose).
 */
export function generatedArticles(count: number, parsed = 10_000): Article[] {
  const records = generateCorpus(readBbc(), count, 42);
  const base = records.slice(0, Math.min(parsed, count)).map((r) => parseText(r.text, r.meta));
  const out = [...base];
  for (let i = base.length; i < count; i++) {
    const from = base[i % base.length]!;
    const meta = records[i]!.meta;
    const id = `a_${i.toString(16).padStart(16, '0')}`;
    out.push({ ...from, id, slug: `${from.slug}-${i}`, title: meta.title, publishedAt: meta.publishedAt });
  }
  return out;
}
