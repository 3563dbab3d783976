import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbcAsText, generateCorpus, NEWS_CORPUS_VERSION, parsedNews, readBbc } from '@gazette/bench-corpora';
import { type Article, type Corpus, createCorpus, parseText } from '@gazette/core';
import { PARSER_VERSION } from '@gazette/core/query';
import { readSnapshotFile, writeSnapshotFile } from '@gazette/core/node';

const CACHE = join(tmpdir(), 'gazette-tui-bench');

export interface SnapshotFile {
  file: string;
  articles: number;
  /** The title of the first row of the list (newest first), which the first frame must show. */
  newestTitle: string;
}

/**
 * A corpus as a snapshot file (what GAZETTE_SNAPSHOT reads), made once and cached by parser version. A
 * cached file the core no longer reads (its format changed) is made again.
 */
/** Whether the last snapshotFile() call had to make its file (rather than find it cached). */
export let made = false;

function snapshotFile(name: string, make: () => Corpus): SnapshotFile {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${name}-${PARSER_VERSION.replace(/[^\w.-]+/g, '-')}.snapshot`);
  const meta = `${file}.meta.json`;
  let stale = !existsSync(file) || !existsSync(meta);
  if (!stale) {
    try {
      // Every part read once: a file of an older layout can load and fail later, on its postings.
      const corpus = readSnapshotFile(file);
      corpus.get(corpus.list({ limit: 1 }).items[0]!.id);
      for (const q of ['minister', 'economy growth', 'film award', 'chelsea', 'election campaign', 'the'])
        corpus.search({ q, limit: 50, facets: ['person', 'place', 'organization', 'source'] });
    } catch {
      stale = true;
    }
  }
  made = stale;
  if (stale) {
    const corpus = make();
    writeSnapshotFile(file, corpus);
    const first = corpus.list({ limit: 1 }).items[0]!;
    writeFileSync(meta, JSON.stringify({ articles: corpus.size, newestTitle: first.title }));
  }
  return { file, ...(JSON.parse(readFileSync(meta, 'utf8')) as Omit<SnapshotFile, 'file'>) };
}

/** The BBC articles parsed, as a snapshot file. */
export function bbcSnapshotFile(): SnapshotFile {
  return snapshotFile('bbc', () => createCorpus(readBbc().map((r) => parseText(bbcAsText(r)))));
}

/** The generated corpus of `count` articles (see generatedArticles), as a snapshot file. */
export function generatedSnapshotFile(count: number): SnapshotFile {
  return snapshotFile(`generated-${count}`, () => createCorpus(generatedArticles(count)));
}

/**
 * The GENERATED news corpus with a growing vocabulary (parsedNews: seed 42, every article parsed, the parse
 * cached under .bench/) of `count` articles, as a snapshot file: the search bench's default large corpus.
 */
export function newsSnapshotFile(count: number): SnapshotFile {
  return snapshotFile(`news-v${NEWS_CORPUS_VERSION}-${count}`, () => createCorpus(parsedNews(count)));
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
