// Issue 17's store figures, SQLite and PostgreSQL in the same run on the same articles (BBC, parsed):
// - writers: 1, 2 and 4 writers (each its own connection / handle) storing disjoint shares of the articles
//   at once, in batches of 50, into a fresh store: articles per second. The articles are parsed beforehand,
//   so this is the store's share of an ingest (a watch worker's fetch and parse run on its own core).
// - replica catch-up: a reader following the store (openLiveCorpus: LISTEN/NOTIFY on PostgreSQL, the 250 ms
//   poll on SQLite) while a writer commits one article every 100 ms: commit to the reader's corpus holding it.
// PostgreSQL is a throwaway local cluster (fsync on) on 127.0.0.1. Writes the `store-scale` section.
//   cd packages/core && npx tsx --conditions=@gazette/source bench/store/postgres-scale.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { quantile, writeBenchSection } from '@gazette/bench-corpora';
import type { Article } from '../../src/model/article-schema';
import { openLiveCorpus } from '../../src/node/open-live-corpus';
import { migratePostgres } from '../../src/node/postgres/migrate-postgres';
import { openPostgresStore } from '../../src/node/postgres/postgres-store';
import { openSqliteStore } from '../../src/node/sqlite-store';
import { asAsyncStore } from '../../src/store/as-async-store';
import type { AsyncArticleStore } from '../../src/store/async-store-types';
import { createDatabase, startPostgres } from '../../test-support/postgres-cluster';
import { bbcArticles } from '../search/articles';

const BATCH = 50;
const COMMITS = 60;
const WRITERS = [1, 2, 4];

type Backend = { name: string; fresh(label: string): Promise<() => Promise<AsyncArticleStore>> };

/** `k` writers storing disjoint shares of `articles` at once: articles stored per second. */
async function writersRate(open: () => Promise<AsyncArticleStore>, articles: readonly Article[], k: number) {
  const stores = await Promise.all(Array.from({ length: k }, open));
  const t = performance.now();
  await Promise.all(
    stores.map(async (store, w) => {
      const mine = articles.filter((_, i) => i % k === w);
      for (let i = 0; i < mine.length; i += BATCH) await store.putMany(mine.slice(i, i + BATCH));
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  const stored = await stores[0]!.count();
  await Promise.all(stores.map((s) => s.close()));
  return { perSecond: articles.length / seconds, stored };
}

/** Commit to visible in a reader following the store, over `COMMITS` commits 100 ms apart. */
async function catchUp(
  open: () => Promise<AsyncArticleStore>,
  preload: readonly Article[],
  next: readonly Article[],
) {
  const writer = await open();
  for (let i = 0; i < preload.length; i += BATCH) await writer.putMany(preload.slice(i, i + BATCH));
  const reader = await openLiveCorpus(await open(), { keep: false, merge: true });
  const seen = new Map<string, number>();
  const unsubscribe = reader.subscribe((_v, changed) => {
    const at = performance.now();
    for (const id of changed) if (!seen.has(id)) seen.set(id, at);
  });
  const committed = new Map<string, number>();
  for (const a of next.slice(0, COMMITS)) {
    // A near-duplicate of a stored story is linked, not stored: no change for the reader to see.
    const put = await writer.put(a);
    if (put.status === 'added' || put.status === 'updated') committed.set(a.id, performance.now());
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 2000));
  unsubscribe();
  const lags = [...committed].filter(([id]) => seen.has(id)).map(([id, t]) => Math.max(0, seen.get(id)! - t));
  await reader.close();
  await writer.close();
  return { p50: quantile(lags, 0.5), p95: quantile(lags, 0.95), found: lags.length, stored: committed.size };
}

async function main() {
  const articles = bbcArticles().map((x) => x.article);
  const dir = mkdtempSync(join(tmpdir(), 'gazette-store-scale-'));
  const cluster = await startPostgres({ durable: true });
  const backends: Backend[] = [
    {
      name: 'SQLite (one file)',
      fresh: async (label) => {
        const file = join(dir, `${label}.db`);
        asAsyncStore(openSqliteStore(file), file).close();
        return async () => asAsyncStore(openSqliteStore(file), file);
      },
    },
    {
      name: 'PostgreSQL (127.0.0.1)',
      fresh: async (label) => {
        const url = await createDatabase(cluster, label.replace(/\W/g, '_'));
        await migratePostgres(url);
        return () => openPostgresStore(url);
      },
    },
  ];
  const rows: string[] = [];
  try {
    const cells = new Map<string, string[]>();
    for (const b of backends) {
      const out: string[] = [];
      for (const k of WRITERS) {
        const r = await writersRate(await b.fresh(`w${k}-${b.name.slice(0, 3)}`), articles, k);
        console.log(`${b.name}: ${k} writers ${r.perSecond.toFixed(0)} articles/s (${r.stored} stored)`);
        out.push(`${r.perSecond.toFixed(0)}/s`);
      }
      const c = await catchUp(
        await b.fresh(`c-${b.name.slice(0, 3)}`),
        articles.slice(0, 1000),
        articles.slice(1000),
      );
      console.log(
        `${b.name}: catch-up p50/p95 ${c.p50.toFixed(0)}/${c.p95.toFixed(0)} ms (${c.found} of ${c.stored})`,
      );
      out.push(`${c.p50.toFixed(0)} / ${c.p95.toFixed(0)} ms (${c.found} of ${c.stored} seen)`);
      cells.set(b.name, out);
    }
    const names = backends.map((b) => b.name);
    const measures = [
      ...WRITERS.map(
        (k) =>
          `${k} writer${k > 1 ? 's' : ''} at once, ${articles.length.toLocaleString('en')} parsed BBC articles in batches of ${BATCH}`,
      ),
      `commit (1 article every 100 ms, over 1,000 stored) to visible in a following reader (LISTEN/NOTIFY on PostgreSQL, the 250 ms poll on SQLite), p50 / p95`,
    ];
    rows.push(`| measure | ${names.join(' | ')} |`, `| --- | ${names.map(() => '---').join(' | ')} |`);
    for (const [i, m] of measures.entries())
      rows.push(`| ${m} | ${names.map((n) => cells.get(n)![i]).join(' | ')} |`);
    rows.push(
      '',
      `${cpus().length} cores; fsync on for both. PostgreSQL article writes take one advisory lock (the change log's order), so writers beyond one add no store throughput: they overlap their fetch and parse, not their commits.`,
    );
    writeBenchSection(
      'store-scale',
      'Store: writers at once and replica catch-up, SQLite and PostgreSQL',
      rows.join('\n'),
      {
        now: new Date(),
        command: 'cd packages/core && npx tsx --conditions=@gazette/source bench/store/postgres-scale.ts',
      },
    );
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
