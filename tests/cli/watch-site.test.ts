import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRevision } from '@gazette/core/node/query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../packages/core/test-support/local-server';
import { gazette } from '../support/run-process';
import { testTempDir } from '../support/test-resources';

// Issue 16: `gazette watch --site DIR` keeps a static site built from the store, rebuilt when the store
// changed and swapped in whole, so a reader of DIR never finds it missing or half-written.
const dir = testTempDir('watch-site');
const db = join(dir, 'news.db');
const site = join(dir, 'site');
const index = join(site, 'index.html');
let server: Awaited<ReturnType<typeof startLocalServer>>;
let base = '';
let items = 1;

const rss = () =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay News</title><link>${base}/</link>${Array.from(
    { length: items },
    (_, i) =>
      `<item><title>Quay story ${i + 1}</title><link>${base}/story/${i + 1}</link><guid>q-${i + 1}</guid><description>The port authority met about quay plan ${i + 1} and voted on the new crane number ${i + 1}.</description></item>`,
  ).join('')}</channel></rss>`;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss());
    else res.writeHead(404).end();
  });
  base = server.base;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Reads DIR/index.html until stopped, between the test's turns: how often it was missing, which pages it saw. */
function pollReader() {
  let stop = false;
  let missing = 0;
  const seen = new Set<string>();
  const done = (async () => {
    while (!stop) {
      try {
        seen.add(readFileSync(index, 'utf8'));
      } catch {
        missing++;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  return {
    stop: async () => {
      stop = true;
      await done;
      return { missing, pages: seen.size };
    },
  };
}

const builds = () => readdirSync(dir).filter((n) => n.startsWith('.site.'));
const watchOnce = (env: NodeJS.ProcessEnv = process.env) =>
  gazette(['watch', '--once', '--db', db, '--site', site], { env, timeoutMs: 300_000 });

describe('gazette watch --site DIR', { timeout: 600_000 }, () => {
  it('builds the site after a round, and leaves it alone while the store has not changed', async () => {
    expect((await gazette(['follow', `${base}/feed.xml`, '--db', db])).code).toBe(0);
    const first = await watchOnce();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/site: rebuilt .*site in [\d.]+ s/);
    expect(readFileSync(index, 'utf8')).toContain('Quay story 1');
    const again = await watchOnce();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('site: rebuilt');
  });

  it('keeps the previous site when a build fails, and says why', async () => {
    items = 2;
    const failed = await watchOnce({ ...process.env, GAZETTE_SITE_URL: 'not a url' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /the site was not rebuilt \(.*site keeps the one before\): .*GAZETTE_SITE_URL/s,
    );
    expect(readFileSync(index, 'utf8')).not.toContain('Quay story 2');
    expect(builds()).toHaveLength(1);
  });

  it('swaps the new site in whole: a reader never finds index.html missing, the old build kept until the next swap', async () => {
    const reader = pollReader();
    const swapped = await watchOnce();
    const read = await reader.stop();
    expect(swapped.code, swapped.stderr).toBe(0);
    expect(readFileSync(index, 'utf8')).toContain('Quay story 2');
    expect(read.missing).toBe(0);
    expect(read.pages).toBe(2);
    // The build it replaced stays until the next swap (a reader may have resolved the link just before).
    expect(builds()).toHaveLength(2);
    expect(existsSync(join(site, 'articles'))).toBe(true);
  });

  it('refuses a folder it did not make, and --site-every out of bounds', async () => {
    const taken = await gazette(['watch', '--once', '--db', db, '--site', dir]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/is not a site published by gazette watch/);
    const tooOften = await gazette(['watch', '--db', db, '--site', site, '--site-every', '10s']);
    expect(tooOften.code).toBe(2);
    expect(tooOften.stderr).toMatch(/--site-every must be between 1m and 1d/);
    const alone = await gazette(['watch', '--db', db, '--site-build', 'true']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--site-build goes with --site DIR/);
  });

  // The site's build is a child process (an app imports no app): --site-build names another one, told the
  // store, its revision and the folder to fill.
  it('runs the command --site-build names, with GAZETTE_DB, GAZETTE_CORPUS_REVISION and GAZETTE_SITE_OUT', async () => {
    const custom = join(dir, 'custom');
    const write = `require('node:fs').writeFileSync(require('node:path').join(process.env.GAZETTE_SITE_OUT, 'index.html'), process.env.GAZETTE_DB + ' @ ' + process.env.GAZETTE_CORPUS_REVISION)`;
    const run = () =>
      gazette([
        'watch',
        '--once',
        '--db',
        db,
        '--site',
        custom,
        '--site-build',
        `"${process.execPath}" -e "${write}"`,
      ]);
    const built = await run();
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/site: rebuilt .*custom in [\d.]+ s/);
    expect(readFileSync(join(custom, 'index.html'), 'utf8')).toBe(`${db} @ ${await corpusRevision({ db })}`);
    const again = await run();
    expect(again.stdout).not.toContain('site: rebuilt');
    const failing = await gazette([
      'watch',
      '--once',
      '--db',
      db,
      '--site',
      join(dir, 'failing'),
      '--site-build',
      'echo no astro here >&2; exit 7',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(
      /the site was not rebuilt .*: the site build \(--site-build\) exited with 7:\n\s+no astro here/,
    );
  });
});
