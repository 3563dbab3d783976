import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { publishDirectory, publishedTag } from './publish-directory';

const dir = mkdtempSync(join(tmpdir(), 'gazette-publish-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (text: string) => async (out: string) => writeFileSync(join(out, 'index.html'), text);

// Reads DIR/index.html in a loop on another thread until told to stop; counts reads that found nothing.
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
let stop = false, reads = 0, missing = 0; const seen = new Set();
parentPort.on('message', () => { stop = true; });
let first = true;
(function loop() {
  for (let i = 0; i < 200; i++) {
    try { seen.add(readFileSync(workerData, 'utf8')); } catch { missing++; }
    reads++;
  }
  if (first) parentPort.postMessage('reading');
  first = false;
  if (stop) parentPort.postMessage({ reads, missing, versions: seen.size });
  else setImmediate(loop);
})();`;

// Issue 16: `gazette watch --site DIR` replaces a site while it is served.
describe('publishDirectory', () => {
  it('swaps a new build in atomically: a reader on another thread never finds index.html missing', async () => {
    const site = join(dir, 'site');
    await publishDirectory(site, 'v0', page('v0'));
    const reader = new Worker(READER, { eval: true, workerData: join(site, 'index.html') });
    const next = () => new Promise<unknown>((r) => reader.once('message', r));
    try {
      expect(await next()).toBe('reading');
      const done = next() as Promise<{ reads: number; missing: number; versions: number }>;
      for (let i = 1; i <= 30; i++) {
        await publishDirectory(site, `v${i}`, page(`v${i}`));
        await new Promise((r) => setTimeout(r, 5));
      }
      reader.postMessage('stop');
      const seen = await done;
      expect(seen.missing).toBe(0);
      expect(seen.versions).toBeGreaterThan(1);
    } finally {
      await reader.terminate();
    }
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('v30');
    expect(publishedTag(site)).toBe('v30');
    // The builds it replaced are gone but the last one (a reader that resolved the link before the last
    // swap may still be reading it): the link, the build it points to and the one before are left.
    expect(readdirSync(dir).filter((n) => n.startsWith('.site.'))).toHaveLength(2);
  });

  it('keeps the build it replaced until the next swap: a reader that resolved the link just before can still read it', async () => {
    // Found under load in npm test: the replaced build was removed at once, and a reader that had resolved
    // DIR to it a moment before found index.html missing (1 read in 30 swaps).
    const site = join(dir, 'resolved');
    await publishDirectory(site, 'a', page('a'));
    const resolvedBefore = realpathSync(site);
    await publishDirectory(site, 'b', page('b'));
    expect(readFileSync(join(resolvedBefore, 'index.html'), 'utf8')).toBe('a');
    const resolvedB = realpathSync(site);
    await publishDirectory(site, 'c', page('c'));
    expect(existsSync(resolvedBefore)).toBe(false);
    expect(readFileSync(join(resolvedB, 'index.html'), 'utf8')).toBe('b');
  });

  it('leaves the previous build in place when a build fails, and removes the failed one', async () => {
    const site = join(dir, 'failing');
    await publishDirectory(site, 'good', page('good'));
    await expect(
      publishDirectory(site, 'bad', async (out) => {
        writeFileSync(join(out, 'index.html'), 'half');
        throw new Error('astro failed');
      }),
    ).rejects.toThrow('astro failed');
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('good');
    expect(publishedTag(site)).toBe('good');
    expect(readdirSync(dir).filter((n) => n.startsWith('.failing.'))).toHaveLength(1);
  });

  it('refuses a folder it did not make (it may be the user’s), and takes an empty one', async () => {
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    await expect(publishDirectory(mine, 'v1', page('v1'))).rejects.toThrow(/is not a site published by/);
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('keep me');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await publishDirectory(empty, 'v1', page('v1'));
    expect(existsSync(join(empty, 'index.html'))).toBe(true);
  });
});
