import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countingBuild, ingestStory } from './test-store';
import { afterAll, describe, expect, it } from 'vitest';
import { siteEveryMs, siteRebuilder } from './site-rebuilder';

const dir = mkdtempSync(join(tmpdir(), 'gazette-site-rebuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'news.db');
const site = join(dir, 'site');

const ingest = (n: number) => ingestStory(db, n);

function rebuilder(everyMs: number, lines: string[]) {
  const report = (line: string) => void lines.push(line);
  return siteRebuilder({ db, dir: site, everyMs, report, fail: report, build: countingBuild });
}

// Issue 16: the site is rebuilt whenever the store's revision changed, at most once per --site-every.
describe('siteRebuilder', () => {
  it('rebuilds when the store changed since DIR was built, at most once per interval', async () => {
    ingest(1);
    const lines: string[] = [];
    const hourly = rebuilder(3_600_000, lines);
    try {
      expect(await hourly.check()).toBe('rebuilt');
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('1 articles');
      ingest(2);
      expect(await hourly.check()).toBe('later');
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('1 articles');
    } finally {
      await hourly.close();
    }
    // A new watch (no build yet within its interval) sees DIR is of an older revision.
    const next = rebuilder(3_600_000, lines);
    try {
      expect(await next.check()).toBe('rebuilt');
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('2 articles');
    } finally {
      await next.close();
    }
    const unchanged = rebuilder(0, lines);
    expect(await unchanged.check()).toBe('current');
    await unchanged.close();
    expect(lines.filter((l) => l.startsWith('site: rebuilt'))).toHaveLength(2);
  });

  it('takes --site-every from 1 minute to 1 day (default 10 minutes)', () => {
    expect(siteEveryMs(undefined)).toBe(600_000);
    expect(siteEveryMs('1m')).toBe(60_000);
    expect(() => siteEveryMs('30s')).toThrow(/between 1m and 1d/);
    expect(() => siteEveryMs('2d')).toThrow(/between 1m and 1d/);
    expect(() => siteEveryMs('5s', 'GAZETTE_SITE_EVERY')).toThrow(/GAZETTE_SITE_EVERY must be between/);
  });
});
