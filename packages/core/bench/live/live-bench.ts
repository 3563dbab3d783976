// Live corpus figures at 10k (GAZETTE_BENCH_SIZES picks another size): commit to visible over ~50 commits
// made by another process (p50/p95: when the new segment is published, and when a search finds the
// article), a 1,000-article segment's build, and a background merge of the whole corpus into one segment.
// Written to the section `live-index` of docs/benchmarks.md.
//   npm run bench:live -w @gazette/core   (with bench-follow.ts), or on its own:
//   npx tsx --conditions=@gazette/source bench/live/live-bench.ts
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchSection } from '@gazette/bench-corpora';
import { createCorpus, loadCorpus } from '../../src/corpus/create-corpus';
import type { Article } from '../../src/model/article-schema';
import { buildSegmentInWorker } from '../../src/node/build-segment';
import { openLiveCorpus } from '../../src/node/open-live-corpus';
import { openSqliteStore } from '../../src/node/sqlite-store';

const BENCH = fileURLToPath(new URL('../../../../.bench/', import.meta.url));
const SIZE = Number(process.env['GAZETTE_BENCH_SIZES']?.split(',')[0] ?? 10_000);
const COMMITS = 50;

/** `count` generated news articles, from the 100k corpus's shards (`skip` first). */
function articles(count: number, skip = 0): Article[] {
  const out: Article[] = [];
  let seen = 0;
  for (let s = 0; out.length < count; s++) {
    const file = join(BENCH, `news-v1-100000-gazette_0.1.0.${s}.jsonl`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run the search bench once to make it`);
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line && seen++ >= skip && out.length < count) out.push(JSON.parse(line) as Article);
  }
  return out;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function writer(db: string): Promise<void> {
  const store = openSqliteStore(db);
  for (const a of articles(COMMITS, SIZE)) {
    store.put(a);
    process.stdout.write(`${a.id} ${Date.now()}\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  store.close();
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const row = (what: string, figure: string) => {
    rows.push(`| ${what} | ${figure} |`);
    console.log(`${what}: ${figure}`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'gazette-live-bench-'));
  try {
    const db = join(dir, 'news.db');
    const store = openSqliteStore(db);
    let t = performance.now();
    store.putMany(articles(SIZE));
    store.close();
    row(
      `store ${SIZE.toLocaleString('en')} articles (SQLite, one batch)`,
      `${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    t = performance.now();
    const live = openLiveCorpus(db, { pollMs: 250 });
    row(
      'first open, nothing kept (the whole store indexed as one segment)',
      `${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const committed = new Map<string, number>();
    const published: number[] = [];
    const searchable: number[] = [];
    const titles = new Map(articles(COMMITS, SIZE).map((a) => [a.id, a.title]));
    const waiting = new Set<string>();
    live.subscribe((_, ids) => {
      const at = Date.now();
      for (const id of ids) {
        const c = committed.get(id);
        if (c === undefined) continue;
        published.push(at - c);
        waiting.add(id);
      }
    });
    // Found by search: each published article is looked for by its title, as a reader would.
    const searching = setInterval(() => {
      for (const id of waiting) {
        const title = titles.get(id) ?? '';
        if (
          live
            .corpus()
            .search({ q: title, limit: 50 })
            .hits.some((h) => h.id === id)
        ) {
          searchable.push(Date.now() - committed.get(id)!);
          waiting.delete(id);
        }
      }
    }, 50);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@gazette/source', fileURLToPath(import.meta.url), 'write', db],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [id, at] = line.split(' ');
        committed.set(id!, Number(at));
      }
    });
    await new Promise((resolve) => child.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    clearInterval(searching);
    row(
      `commit (by another process, one every 200 ms) to a new segment published, p50 / p95 over ${published.length} commits`,
      `${pct(published, 0.5)} / ${pct(published, 0.95)} ms`,
    );
    row(
      `commit to found by a search for its title, p50 / p95 (${searchable.length} of ${COMMITS} found)`,
      `${pct(searchable, 0.5)} / ${pct(searchable, 0.95)} ms`,
    );
    row('segments after the commits (merges in the background)', String(live.version().segments));
    await live.close();
    const batch = articles(1000, SIZE + COMMITS);
    t = performance.now();
    createCorpus(batch);
    row('a 1,000-article segment, built on one thread', `${((performance.now() - t) / 1000).toFixed(1)} s`);
    const ids = openSqliteStore(db, { readOnly: true })
      .list()
      .map((a) => a.id);
    t = performance.now();
    const reply = await buildSegmentInWorker({ db, ids }).done;
    const built = performance.now() - t;
    loadCorpus(reply.bytes);
    row(
      `a merge of all ${ids.length.toLocaleString('en')} articles into one segment, in a worker`,
      `${(built / 1000).toFixed(1)} s`,
    );
    row('… then loading it on the serving thread', `${(performance.now() - t - built).toFixed(0)} ms`);
    writeBenchSection(
      'live-index',
      `Live index: commit to visible, segments and merges (GENERATED news, ${SIZE.toLocaleString('en')} articles)`,
      ['| measure | figure |', '| --- | --- |', ...rows].join('\n'),
      { now: new Date(), command: 'npm run bench:live -w @gazette/core' },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'write') await writer(process.argv[3]!);
else await main();
