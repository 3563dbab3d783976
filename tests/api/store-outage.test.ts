import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migratePostgres } from '@gazette/core/node';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type PostgresCluster,
  postgresUnavailable,
  startPostgres,
} from '../../packages/core/test-support/postgres-cluster';
import { waitFor } from '../support/sse-collector';
import { testTempDir } from '../support/test-resources';
import { ingestTopic } from './support/ingest-topic';
import { NODE_CLI, startPrintingApi } from './support/start-api';

// A replica whose PostgreSQL goes away (the server stopped mid-run): it keeps answering from the index it
// holds, /healthz says the store cannot be reached (no crash, no stack trace), and once the server is
// back it catches up with what was committed meanwhile, without a restart.
const unavailable = postgresUnavailable();
const dir = testTempDir('store-outage');
let cluster: PostgresCluster | undefined;
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = (db: string, topic: string, count: number) => ingestTopic(dir, db, topic, count);

interface Health {
  status: string;
  articles: number;
  corpus: string;
  store?: string;
  detail?: string;
}

describe.skipIf(unavailable)(unavailable ?? 'an API replica whose PostgreSQL goes away', () => {
  it('answers from memory while the server is down, says so on /healthz, and catches up when it is back', async () => {
    cluster = await startPostgres();
    const db = cluster.url;
    await migratePostgres(db);
    await ingest(db, 'harbour', 3);
    const api = await startPrintingApi([NODE_CLI], { GAZETTE_DB: db });
    let stderr = '';
    api.child.stderr?.on('data', (d: Buffer | string) => {
      stderr += String(d);
    });
    const get = async <T>(path: string) => {
      const res = await fetch(`${api.url}${path}`);
      return { status: res.status, body: (await res.json()) as T };
    };
    const hits = async (q: string) => (await get<{ total: number }>(`/v1/search?q=${q}`)).body.total;
    try {
      expect(await hits('harbour')).toBe(3);
      expect((await get<Health>('/healthz')).body).toMatchObject({ status: 'ok', store: 'reachable' });
      cluster.pause();
      const down = await waitFor(
        async () => (await get<Health>('/healthz')).body.store === 'unreachable',
        30_000,
      );
      expect(down, '/healthz says the store is unreachable within 30 s').toBe(true);
      const health = await get<Health>('/healthz');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', articles: 3, corpus: 'live' });
      expect(health.body.detail).toMatch(/cannot be read now; answering from the corpus as of change \d+/);
      expect(health.body.detail).not.toContain('127.0.0.1');
      // Still answering what it holds; what needs the store says so, as a problem, not a 500.
      expect(await hits('harbour')).toBe(3);
      const changes = await fetch(`${api.url}/v1/changes`);
      expect(changes.status).toBe(503);
      const problem = (await changes.json()) as { type: string; detail: string };
      expect(problem.type).toMatch(/store-unavailable/);
      expect(problem.detail).not.toContain('127.0.0.1');

      cluster.resume();
      await ingest(db, 'lighthouse', 2);
      expect(await waitFor(async () => (await hits('lighthouse')) === 2, 60_000)).toBe(true);
      expect((await get<Health>('/healthz')).body).toMatchObject({ status: 'ok', store: 'reachable' });
      expect(api.child.exitCode).toBeNull();
      // One line when the store went away, one when it came back; no stack trace.
      expect(stderr.match(/could not follow the store/g)).toHaveLength(1);
      expect(stderr).toContain('following the store again');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await api.stop();
    }
  }, 240_000);
});

describe('an API replica whose SQLite file is replaced under it', () => {
  it('stops following, answers what it loaded, and says on /healthz that a restart reads the new file', async () => {
    const db = join(dir, 'replaced.db');
    const other = join(dir, 'replacement.db');
    await ingest(db, 'quay', 2);
    await ingest(other, 'beacon', 3);
    const api = await startPrintingApi([NODE_CLI], { GAZETTE_DB: db });
    let stderr = '';
    api.child.stderr?.on('data', (d: Buffer | string) => {
      stderr += String(d);
    });
    const health = async () => (await (await fetch(`${api.url}/healthz`)).json()) as Health;
    const hits = async (q: string) =>
      ((await (await fetch(`${api.url}/v1/search?q=${q}`)).json()) as { total: number }).total;
    try {
      expect(await hits('quay')).toBe(2);
      renameSync(other, db);
      expect(await waitFor(async () => (await health()).store === 'unreachable', 30_000)).toBe(true);
      const said = await health();
      expect(said).toMatchObject({ status: 'degraded', articles: 2, corpus: 'live' });
      expect(said.detail).toMatch(/replaced under this server.*Restart the server to read the new one/);
      expect(said.detail).not.toContain(dir);
      // What it loaded, whole; nothing of the file now at the path.
      expect(await hits('quay')).toBe(2);
      expect(await hits('beacon')).toBe(0);
      expect(stderr).toContain(`the store ${db} was replaced`);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(api.child.exitCode).toBeNull();
    } finally {
      await api.stop();
    }
  }, 120_000);
});
