// Ingest benchmarks: parse throughput (HTML pages, plain text), store writes (memory vs SQLite),
// store size per 1,000 articles, and how far each backend goes (articles, memory, query time).
// Peers run in the same process on the same data; ratios are printed. The tables are written to the
// section `ingest-speed` of docs/benchmarks.md.
// Run: npm run bench:ingest -w @gazette/core            (scale: 1k and 10k articles)
//      npm run bench:ingest -w @gazette/core -- --scale 1000,10000,50000
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Readability } from '@mozilla/readability';
import {
  type BbcRecord,
  bbcAsText,
  benchLog,
  readBbc,
  seededRandom,
  writeBenchSection,
} from '@gazette/bench-corpora';
import { createDocument } from '../../src/formats/html/create-document';
import { parseHtml } from '../../src/formats/html/parse-html';
import { articleId } from '../../src/ids/article-id';
import { sha256Hex } from '../../src/ids/sha256-hex';
import { articleSlug } from '../../src/ids/slugify';
import type { Article } from '../../src/model/article-schema';
import { openSqliteStore } from '../../src/node/sqlite-store';
import { createMemoryStore } from '../../src/store/memory-store';
import { parseText } from '../../src/formats/text/parse-text';
import { HAS_SHARED, SHARED_CORPORA, SHARED_MISSING } from '../../test-support/shared-corpora';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SCALES = (arg('--scale') ?? '1000,10000').split(',').map(Number);

function time<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}
const rate = (n: number, ms: number) => `${((1000 * n) / ms).toFixed(0)}/s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function fileBytes(path: string): number {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return ['', '-wal', '-shm'].reduce(
    (s, ext) => s + (existsSync(path + ext) ? statSync(path + ext).size : 0),
    0,
  );
}

/**
 * GENERATED articles for scale: each mixes paragraphs drawn at random from many BBC articles, so that no
 * two are near-duplicates (the store would link them otherwise). Enrichment is dropped (positions would
 * not match the mixed body). Labelled generated in the source name.
 */
function generatedArticles(base: readonly Article[], count: number): Article[] {
  const rand = seededRandom(7);
  const paragraphs = base.flatMap((a) => a.body.filter((b) => b.text.length > 80));
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const template = base[Math.floor(rand() * base.length)]!;
    const body = Array.from({ length: 8 }, () => paragraphs[Math.floor(rand() * paragraphs.length)]!);
    const url = `https://generated.example/${i}`;
    const contentHash = sha256Hex(body.map((b) => b.text).join('\n\n'));
    const id = articleId({ url, contentHash });
    const title = `${template.title} (${i})`;
    out.push({
      ...template,
      id,
      slug: articleSlug(title, id),
      title,
      url,
      source: { name: 'Generated from BBC News' },
      body,
      related: [],
      quotes: [],
      entities: [],
      dates: [],
      amounts: [],
      provenance: { ...template.provenance, contentHash },
    });
  }
  return out;
}

function main(): void {
  if (!HAS_SHARED) {
    console.log(SHARED_MISSING);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'gazette-bench-ingest-'));
  const log = benchLog();
  try {
    // 1. Parse throughput.
    const root = join(SHARED_CORPORA, 'readability');
    const pages = readdirSync(root)
      .filter((d) => existsSync(join(root, d, 'source.html')))
      .map((d) => readFileSync(join(root, d, 'source.html'), 'utf8'));
    const bytes = pages.reduce((s, p) => s + p.length, 0);
    parseHtml(pages[0]!); // warm-up
    const ours = time(() => pages.map((p) => parseHtml(p, { url: 'http://fakehost/test/page.html' })));
    const readabilityOnly = time(() => pages.map((p) => new Readability(createDocument(p)).parse()));
    const records: BbcRecord[] = readBbc();
    const texts = records.map(bbcAsText);
    const text = time(() => texts.map((t) => parseText(t)));
    log.line('### Parse throughput (one core, same process)');
    log.table(
      ['input', 'pages', 'Gazette', 'peer', 'ratio'],
      [
        [
          `HTML (Readability test pages, ${mb(bytes)})`,
          String(pages.length),
          rate(pages.length, ours.ms),
          `linkedom+Readability alone ${rate(pages.length, readabilityOnly.ms)}`,
          `${(ours.ms / readabilityOnly.ms).toFixed(2)}x the time`,
        ],
        [
          'plain text (BBC, enrichment included)',
          String(texts.length),
          rate(texts.length, text.ms),
          '–',
          '–',
        ],
      ],
    );

    // 2. Store writes and size per 1,000 articles.
    const unique = new Map<string, Article>();
    for (const a of text.value) unique.set(a.id, a);
    const thousand = [...unique.values()].slice(0, 1000);
    createMemoryStore().putMany(thousand.slice(0, 100)); // warm-up (zod, JIT) before either is timed
    const memory = time(() => createMemoryStore().putMany(thousand));
    const batchPath = join(tmp, 'batch.db');
    const batch = openSqliteStore(batchPath);
    const batched = time(() => {
      for (let i = 0; i < thousand.length; i += 100) batch.putMany(thousand.slice(i, i + 100));
    });
    const statuses = new Map<string, number>();
    for (const r of memory.value) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    const stored = batch.count();
    batch.close();
    const singlePath = join(tmp, 'single.db');
    const single = openSqliteStore(singlePath);
    const singles = time(() => {
      for (const a of thousand.slice(0, 300)) single.put(a);
    });
    single.close();
    const size = fileBytes(batchPath);
    log.line('\n### Store writes (1,000 parsed BBC articles)');
    log.line(
      `outcome: ${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')} (BBC repeats some stories: those are linked as duplicates)`,
    );
    const sqlite = 'SQLite (WAL, synchronous=FULL)';
    log.table(
      ['backend', 'write', 'articles/s', 'vs memory'],
      [
        ['memory', 'putMany', rate(1000, memory.ms), '1.00x'],
        [
          sqlite,
          'putMany, 100 per transaction',
          rate(1000, batched.ms),
          `${(batched.ms / memory.ms).toFixed(2)}x the time`,
        ],
        [
          sqlite,
          'put, one transaction each',
          rate(300, singles.ms),
          `${(singles.ms / 300 / (memory.ms / 1000)).toFixed(2)}x the time`,
        ],
      ],
    );
    log.line(
      `store size: ${mb(size)} for ${stored} articles = ${mb((size * 1000) / stored)} per 1,000 articles (JSON with enrichment, plus indexes)`,
    );

    // 3. Scale: how far each backend goes.
    log.line('\n### Scale (GENERATED articles mixed from BBC paragraphs, enrichment dropped)');
    const scaleRows: string[][] = [];
    for (const n of SCALES) {
      const articles = generatedArticles([...unique.values()], n);
      const path = join(tmp, `scale-${n}.db`);
      const store = openSqliteStore(path);
      const ingest = time(() => {
        for (let i = 0; i < articles.length; i += 500) store.putMany(articles.slice(i, i + 500));
      });
      const count = store.count();
      store.close();
      const fsize = fileBytes(path);
      globalThis.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const reopened = openSqliteStore(path);
      const built = time(() => reopened.corpus());
      globalThis.gc?.();
      const heap = process.memoryUsage().heapUsed - heapBefore;
      const queries = ['government', 'football match', 'oil prices', 'election campaign', 'mobile phone'];
      const times: number[] = [];
      for (let r = 0; r < 3; r++)
        for (const q of queries) times.push(time(() => built.value.search({ q } as never)).ms);
      times.sort((a, b) => a - b);
      const ids = articles.slice(0, 200).map((a) => a.id);
      const gets = time(() => {
        for (const id of ids) reopened.get(id);
      });
      reopened.close();
      scaleRows.push([
        count.toLocaleString('en'),
        rate(count, ingest.ms),
        mb(fsize),
        `${(built.ms / 1000).toFixed(1)} s`,
        mb(heap),
        `${times[Math.floor(times.length / 2)]!.toFixed(1)} ms`,
        `${(gets.ms / ids.length).toFixed(3)} ms`,
      ]);
    }
    log.table(
      [
        'articles',
        'SQLite ingest (500 per transaction)',
        'file',
        'reopen + corpus()',
        'heap after corpus',
        'search p50',
        'get by id (SQLite)',
      ],
      scaleRows,
    );
    log.line(
      'heap: measured with --expose-gc when given; the memory backend holds the same corpus plus its versions.',
    );
    writeBenchSection('ingest-speed', 'Ingest speed', log.markdown(), {
      now: new Date(),
      command: `npm run bench:ingest -w @gazette/core -- --scale ${SCALES.join(',')}`,
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
