import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE, REPO_ROOT } from '../support/paths';
import { gazette } from '../support/run-process';
import { startPrintingApi } from './support/start-api';

describe('npm start (scripts/start.mjs)', () => {
  it('serves the API over the built-in corpus and prints its URL', async () => {
    const api = await startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], { GAZETTE_SITE_PORT: '0' });
    try {
      const res = await fetch(`${api.url}/healthz`);
      expect(((await res.json()) as { status: string }).status).toBe('ok');
    } finally {
      await api.stop();
    }
  });

  it('serves the store named by GAZETTE_DB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-api-store-'));
    try {
      const db = join(dir, 'gazette.db');
      const ingest = await gazette(['ingest', REFERENCE_ARTICLE, '--db', db], { timeoutMs: 60_000 });
      expect(ingest.code, ingest.stderr).toBe(0);
      const api = await startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], {
        GAZETTE_DB: db,
        GAZETTE_SITE_PORT: '0',
      });
      try {
        const list = (await (await fetch(`${api.url}/v1/articles`)).json()) as { total: number };
        const health = (await (await fetch(`${api.url}/healthz`)).json()) as { articles: number };
        expect(list.total).toBe(1);
        expect(health.articles).toBe(1);
      } finally {
        await api.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when GAZETTE_DB names no store', async () => {
    await expect(
      startPrintingApi([`${REPO_ROOT}scripts/start.mjs`], { GAZETTE_DB: '/nonexistent/db' }),
    ).rejects.toThrow(/GAZETTE_DB/);
  });
});
