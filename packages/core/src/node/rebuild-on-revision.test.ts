import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseText } from '../formats/text/parse-text';
import { corpusRevision } from './corpus-revision';
import { type BuildInto, rebuildEveryMs, rebuildOnRevision } from './rebuild-on-revision';
import { openSqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'gazette-rebuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'news.db');
const site = join(dir, 'site');

function ingest(n: number): void {
  const store = openSqliteStore(db);
  try {
    store.put(
      parseText(`Story ${n} about the harbour and the quay, told in full, number ${n}.`, {
        title: `Story ${n}`,
        url: `https://example.com/${n}`,
      }),
    );
  } finally {
    store.close();
  }
}

/** A build that writes how many articles the store had, as the site's build would show them. */
const countingBuild: BuildInto = async ({ db: path, out }) => {
  const store = openSqliteStore(path, { readOnly: true });
  writeFileSync(join(out, 'index.html'), `${store.count()} articles`);
  store.close();
};

function rebuilder(everyMs: number, lines: string[], build = countingBuild) {
  const report = (line: string) => void lines.push(line);
  return rebuildOnRevision({ db, dir: site, everyMs, what: 'site', report, fail: report, build });
}

// Issue 16: the site is rebuilt whenever the store's revision changed, at most once per --site-every; the
// pacing and the swap are the core's, shared by `gazette watch --site` and `npm start` (apps import no apps).
describe('rebuildOnRevision', () => {
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

  it('tells the build the store, its revision and a fresh folder; a failed build leaves DIR as it was', async () => {
    ingest(3);
    const lines: string[] = [];
    const jobs: { db: string; revision: string; out: string }[] = [];
    const failing = rebuilder(0, lines, async (job) => {
      jobs.push(job);
      expect(readdirSync(job.out)).toEqual([]);
      throw new Error('no room left');
    });
    expect(await failing.check()).toBe('failed');
    await failing.close();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.db).toBe(db);
    expect(jobs[0]!.revision).toBe(await corpusRevision({ db }));
    expect(jobs[0]!.out).not.toBe(site);
    expect(lines.at(-1)).toMatch(/the site was not rebuilt \(.*site keeps the one before\): no room left/);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('2 articles');
  });

  it('stops a build in progress on close, leaving the site before', async () => {
    const lines: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((r) => {
      started = r;
    });
    const hanging = rebuilder(0, lines, ({ signal }) => {
      started();
      return new Promise<void>((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('stopped'))),
      );
    });
    const checked = hanging.check();
    await running;
    await hanging.close();
    expect(await checked).toBe('failed');
    expect(lines.join('\n')).toMatch(/not rebuilt .*stopped/);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('2 articles');
  });

  it('takes --site-every from 1 minute to 1 day (default 10 minutes)', () => {
    expect(rebuildEveryMs(undefined, '--site-every')).toBe(600_000);
    expect(rebuildEveryMs('1m', '--site-every')).toBe(60_000);
    expect(() => rebuildEveryMs('30s', '--site-every')).toThrow(/--site-every must be between 1m and 1d/);
    expect(() => rebuildEveryMs('2d', '--site-every')).toThrow(/between 1m and 1d/);
    expect(() => rebuildEveryMs('5s', 'GAZETTE_SITE_EVERY')).toThrow(/GAZETTE_SITE_EVERY must be between/);
  });
});
