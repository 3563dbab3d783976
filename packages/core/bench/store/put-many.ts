// putMany of 1,000 BBC articles into a fresh store: SQLite (a file, synchronous=FULL) against PostgreSQL
// (a throwaway local cluster with fsync on, as deployed, over 127.0.0.1). Prints ms; writes no doc section.
//   cd packages/core && npx tsx --conditions=@gazette/source bench/store/put-many.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/model/article-schema';
import { migratePostgres } from '../../src/node/postgres/migrate-postgres';
import { openPostgresStore } from '../../src/node/postgres/postgres-store';
import { openSqliteStore } from '../../src/node/sqlite-store';
import { asAsyncStore } from '../../src/store/as-async-store';
import type { AsyncArticleStore } from '../../src/store/async-store-types';
import { startPostgres } from '../../test-support/postgres-cluster';
import { bbcArticles } from '../search/articles';

const N = 1_000;

async function timed(label: string, fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  const ms = performance.now() - t;
  console.log(`  ${label}: ${ms.toFixed(0)} ms`);
  return ms;
}

/** The same sequence on each backend: one batch of N new, the same batch again (unchanged), 10 batches of N/10 updated. */
async function run(name: string, store: AsyncArticleStore, articles: readonly Article[]): Promise<void> {
  console.log(`${name}:`);
  await timed(`putMany ${N} new`, () => store.putMany(articles, { now: '2026-03-04T10:00:00Z' }));
  await timed(`putMany ${N} unchanged`, () => store.putMany(articles, { now: '2026-03-04T11:00:00Z' }));
  const updated = articles.map((a) => ({ ...a, title: `${a.title} (updated)` }));
  await timed(`10 x putMany ${N / 10} updated`, async () => {
    for (let i = 0; i < N; i += N / 10) await store.putMany(updated.slice(i, i + N / 10));
  });
  // Near-duplicates among the BBC texts are linked, not stored: both backends must store the same count.
  console.log(
    `  stored ${await store.count()} articles, ${(await store.duplicates()).length} linked as duplicates`,
  );
  await store.close();
}

const articles = bbcArticles()
  .slice(0, N)
  .map((x) => x.article);
const dir = mkdtempSync(join(tmpdir(), 'gazette-put-many-'));
const cluster = await startPostgres({ durable: true });
try {
  const file = join(dir, 'store.db');
  await run('SQLite', asAsyncStore(openSqliteStore(file), file), articles);
  await migratePostgres(cluster.url);
  await run('PostgreSQL', await openPostgresStore(cluster.url), articles);
} finally {
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
