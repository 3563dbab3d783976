import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { gazette, runProcess } from '../support/run-process';

// Issue 16: turbo keyed the site's build by the GAZETTE_DB path, not by the store: after a new ingest,
// `npm start` served the site of the earlier store from turbo's cache (the API said 6 articles, the site 5).
const dir = mkdtempSync(join(tmpdir(), 'gazette-site-rev-'));
const db = join(dir, 'news.db');
// apps/site/dist is left as npm start builds it (the built-in corpus, from turbo's cache), not this test's store.
afterAll(async () => {
  try {
    await buildSite(undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
const home = () => readFileSync(join(REPO_ROOT, 'apps/site/dist/index.html'), 'utf8');

function article(topic: string): string {
  const file = join(dir, `${topic}.md`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    file,
    `---\nurl: https://example.com/${topic}\n---\n# The ${topic} report\n\nThe ${topic} council met on Monday and told the ${topic} hall what it had decided about the ${topic} plan.\n`,
  );
  return file;
}

/** The build step of `npm start` (scripts/build-then-run.mjs: turbo, cached) for the site alone, over `store`. */
async function buildSite(store: string | undefined = db): Promise<string> {
  const { GAZETTE_DB: _unset, ...env } = process.env;
  const r = await runProcess(
    process.execPath,
    ['scripts/build-then-run.mjs', '--filter=@gazette/site', '--', 'node', '-e', '0'],
    { cwd: REPO_ROOT, env: store ? { ...env, GAZETTE_DB: store } : env, timeoutMs: 240_000 },
  );
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

describe('the site built by npm start over GAZETTE_DB', () => {
  it('is rebuilt after an ingest into the same store (never served from the cache of another revision)', {
    timeout: 600_000,
  }, async () => {
    expect((await gazette(['ingest', article('harbour'), '--db', db], { timeoutMs: 60_000 })).code).toBe(0);
    await buildSite();
    expect(home()).toContain('The harbour report');
    expect(home()).not.toContain('The orchard report');
    expect((await gazette(['ingest', article('orchard'), '--db', db], { timeoutMs: 60_000 })).code).toBe(0);
    await buildSite();
    expect(home()).toContain('The harbour report');
    expect(home()).toContain('The orchard report');
    // Nothing changed: every task (the site's too) comes from turbo's cache.
    expect(await buildSite()).toMatch(/Cached:\s+(\d+) cached, \1 total/);
  });

  it('is refused when turbo is run without the store’s revision (it would be cached under the path)', {
    timeout: 600_000,
  }, async () => {
    expect((await gazette(['ingest', article('quarry'), '--db', db], { timeoutMs: 60_000 })).code).toBe(0);
    const before = home();
    const { GAZETTE_CORPUS_REVISION: _none, ...env } = process.env;
    const r = await runProcess(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/turbo/bin/turbo'), 'run', 'build', '--filter=@gazette/site'],
      { cwd: REPO_ROOT, env: { ...env, GAZETTE_DB: db }, timeoutMs: 240_000 },
    );
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/build with "npm run build" or "npm start"/);
    // Refused before anything was written: the site built before is still whole (npm start serves it).
    expect(home()).toBe(before);
  });
});
