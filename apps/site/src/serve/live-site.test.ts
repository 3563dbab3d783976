import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusRevision } from '@gazette/core/node/query';
import { countingBuild, ingestStory } from './test-store';
import { afterAll, describe, expect, it } from 'vitest';
import { type LiveSiteOptions, liveSiteDir, startLiveSite } from './live-site';

const root = mkdtempSync(join(tmpdir(), 'gazette-live-site-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const db = join(root, 'news.db');
const dist = join(root, 'dist');
const dir = join(root, 'live', 'site');
mkdirSync(dist);
writeFileSync(join(dist, 'index.html'), 'the site built at start');

const ingest = (n: number) => ingestStory(db, n);

function start(
  env: LiveSiteOptions['env'],
  lines: string[],
  build: LiveSiteOptions['build'] = countingBuild,
) {
  const report = (line: string) => void lines.push(line);
  return startLiveSite({ db, dist, dir, env, everyMs: 0, port: 0, report, fail: report, build });
}

const page = async (url: string) => (await fetch(url)).text();

// Issue 16: npm start over GAZETTE_DB serves a site that follows the store, not the one built at start.
describe('startLiveSite (npm start over GAZETTE_DB)', () => {
  it('serves the site built at start, then the store’s new revision once rebuilt', async () => {
    ingest(1);
    const lines: string[] = [];
    const site = await start({ GAZETTE_CORPUS_REVISION: await corpusRevision({ db }) }, lines);
    try {
      expect(await site.rebuilder.check()).toBe('current');
      expect(await page(site.url)).toBe('the site built at start');
      ingest(2);
      expect(await site.rebuilder.check()).toBe('rebuilt');
      expect(await page(site.url)).toBe('2 articles');
    } finally {
      await site.close();
    }
    expect(lines.filter((l) => l.startsWith('site: rebuilt'))).toHaveLength(1);
  });

  it('reuses its folder across restarts, and never takes a build of no known revision for the store’s', async () => {
    const lines: string[] = [];
    // Restarted with a build at start of an older revision: the folder's newer site is kept.
    const again = await start({ GAZETTE_CORPUS_REVISION: 'store x@1' }, lines);
    try {
      expect(await page(again.url)).toBe('2 articles');
      expect(await again.rebuilder.check()).toBe('current');
    } finally {
      await again.close();
    }
    rmSync(join(root, 'live'), { recursive: true });
    const unknown = await start({}, lines);
    try {
      // Published as "unknown" and rebuilt at once (startLiveSite's own check is the one running).
      expect(await unknown.rebuilder.check()).toMatch(/rebuilt|current/);
      expect(await page(unknown.url)).toBe('2 articles');
    } finally {
      await unknown.close();
    }
  });

  it('stops a build in progress on close, leaving the site before', async () => {
    ingest(3);
    const lines: string[] = [];
    let started = false;
    const hanging: LiveSiteOptions['build'] = ({ signal }) =>
      new Promise<void>((_, reject) => {
        started = true;
        signal.addEventListener('abort', () => reject(new Error('stopped')));
      });
    const site = await start({}, lines, hanging);
    // The first check reads the store's revision (asynchronously) before its build starts.
    for (let i = 0; i < 500 && !started; i++) await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(true);
    const builds = () => readdirSync(join(root, 'live')).filter((n) => n.startsWith('.site.'));
    const during = builds();
    await site.close();
    expect(lines.join('\n')).toMatch(/not rebuilt .*stopped/);
    // The stopped build's folder is gone; the published one (and the one kept before it) stay.
    const after = builds();
    expect(after).toHaveLength(during.length - 1);
    expect(after.every((n) => during.includes(n))).toBe(true);
  });

  it('keeps one folder per store, beside it', () => {
    expect(liveSiteDir('/a/news.db')).toBe('/a/.news.db-site');
    expect(liveSiteDir('/a/other.db')).not.toBe(liveSiteDir('/a/news.db'));
  });
});
