import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from '../support/feed-server';
import { GAZETTE_BIN } from '../support/paths';
import { gazette } from '../support/run-process';
import { onProcessEnd, testTempDir } from '../support/test-resources';

// Found by the multi-process test: `gazette watch` stopped with SIGTERM (Ctrl-C) in the middle of a round
// over many feeds of one host. Every source of the round starts at once and waits for the host's turn, so
// the polls "under way" are all of them; each then fetches its feed, skips storing its items (the ingest
// sees the stop) and still saved the feed's ETag as polled. The next poll got a 304: those items were never
// stored. Now a poll stopped before it fetched, or before it stored all it fetched, leaves the source as it was.
const FEEDS = 30;
const dir = testTempDir('watch-stop');
let server: FeedServer;
beforeAll(async () => {
  // Each answer held 60 ms: a round over 30 feeds of one host takes about 2 s.
  server = await startFeedServer({ delayMs: 60 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = async (args: string[]) => {
  const r = await gazette(args, { timeoutMs: 120_000 });
  expect(r.code, `gazette ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};

describe('gazette watch stopped in the middle of a round', () => {
  it('loses no item: a feed it fetched but did not store is polled again in full', async () => {
    const db = join(dir, 'stopped.db');
    const urls = Array.from({ length: FEEDS }, (_, f) => {
      server.feeds.set(`/stop-${f}.xml`, [
        {
          guid: `s${f}-a`,
          title: `Sluice report ${f} a`,
          text: `Sluice gate number ${f * 7} opened at dawn.`,
        },
        { guid: `s${f}-b`, title: `Sluice report ${f} b`, text: `Sluice keeper ${f * 11} logged the tide.` },
      ]);
      return `${server.base}/stop-${f}.xml`;
    });
    await cli(['follow', ...urls, '--db', db]);
    const child = spawn(process.execPath, [GAZETTE_BIN, 'watch', '--db', db], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const forget = onProcessEnd(() => child.kill('SIGKILL'));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Stopped once it is polling (its first line), a few feeds into the round.
    await new Promise<void>((resolve) => child.stderr!.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGTERM');
    await exited;
    forget();
    await cli(['watch', '--once', '--db', db]);
    const stored = (await cli(['export', '--format', 'ndjson', '--db', db])).split('\n').filter(Boolean);
    expect(stored).toHaveLength(FEEDS * 2);
  }, 120_000);
});
