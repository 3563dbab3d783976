import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyArticle } from '../../test-support/store-contract';
import { ingestSources, STORE_BATCH } from './ingest-sources';
import { readStoreCorpus } from './read-store-corpus';
import { openSqliteStore } from './sqlite-store';
import { asyncOf } from '../../test-support/async-of';

const CHILD = fileURLToPath(new URL('../../test-support/store-writer-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gazette-writers-'));
const children = new Set<ChildProcess>();
const hanging = new Set<ServerResponse>();
let server: Server;
let base = '';

const PAGE = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>The council voted to close the old harbour bridge to cars after engineers found corrosion in its supports.</p>'.repeat(4)}</article></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/never/'))
      hanging.add(res); // answers only when the test ends
    else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE(`Page ${path}`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** A child process whose stdout lines are collected; `line(prefix)` resolves at the first line with it. */
function child(args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '--conditions=@gazette/source' },
  });
  children.add(proc);
  const lines: string[] = [];
  const waiters: Array<{ prefix: string; resolve: (line: string) => void }> = [];
  let buffer = '';
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  proc.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const l of parts) {
      lines.push(l);
      for (const w of waiters.filter((x) => l.startsWith(x.prefix))) w.resolve(l);
    }
  });
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => {
      children.delete(proc);
      resolve(code);
    }),
  );
  return {
    lines,
    stderr: () => stderr,
    exited,
    send: (text: string) => proc.stdin!.write(text),
    line: (prefix: string) =>
      new Promise<string>((resolve, reject) => {
        const found = lines.find((l) => l.startsWith(prefix));
        if (found) return resolve(found);
        waiters.push({ prefix, resolve });
        exited.then((code) => reject(new Error(`child exited (${code}) before "${prefix}": ${stderr}`)));
      }),
  };
}

const writeJsonArticles = (file: string, count: number, host: string) =>
  writeFileSync(
    file,
    JSON.stringify(
      Array.from({ length: count }, (_, i) => ({
        title: `Record ${i} from ${host}`,
        url: `https://${host}/r/${i}`,
        body: `Record number ${i} of a large export from ${host}.`,
      })),
    ),
  );

describe('writers that run at once', () => {
  it('commits a large source in bounded batches, each article acknowledged once its batch committed', async () => {
    const file = join(dir, 'large.json');
    const total = STORE_BATCH * 2 + 50;
    writeJsonArticles(file, total, 'big.example');
    const path = join(dir, 'batches.db');
    const store = openSqliteStore(path);
    const committedAtAck: number[] = [];
    const reader = new DatabaseSync(path, { readOnly: true });
    const summary = await ingestSources(asyncOf(store), [file], {
      onStored: () => {
        committedAtAck.push(
          Number((reader.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n),
        );
      },
    });
    reader.close();
    store.close();
    expect(summary.added).toBe(total);
    // Another connection sees the first batch committed, and only it, when its first article is acknowledged.
    expect(committedAtAck[0]).toBe(STORE_BATCH);
    expect(committedAtAck.at(-1)).toBe(total);
    expect(STORE_BATCH).toBeLessThanOrEqual(500);
  }, 60_000);

  it('gives --full an overall deadline, reporting each page not fetched by then, and keeps the feed text', async () => {
    const feed = join(dir, 'slow-pages.rss');
    const items = [1, 2, 3]
      .map(
        (n) =>
          `<item><title>Slow item ${n}</title><link>${base}/never/${n}</link><description>Feed text of item ${n}.</description></item>`,
      )
      .join('');
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>${items}</channel></rss>`,
    );
    const store = openSqliteStore(join(dir, 'deadline.db'));
    const started = Date.now();
    const summary = await ingestSources(asyncOf(store), [feed], { full: true, fullDeadlineMs: 500 });
    store.close();
    // Far sooner than the 20 s each page's own timeout would take.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(summary.added).toBe(3);
    expect(summary.warnings.map((w) => w.source).sort()).toEqual([1, 2, 3].map((n) => `${base}/never/${n}`));
    for (const w of summary.warnings)
      expect(w.reason).toMatch(/overall deadline of 0.5 s.*feed's own text was stored/);
  }, 60_000);

  it('stops at the signal with what was committed, and stores nothing after it', async () => {
    const store = openSqliteStore(join(dir, 'signal.db'));
    const stop = new AbortController();
    const summary = await ingestSources(asyncOf(store), [`${base}/page/1`, `${base}/never/page`], {
      concurrency: 2,
      signal: stop.signal,
      onStored: () => stop.abort(),
    });
    expect(summary.interrupted).toBe(true);
    expect(summary.added).toBe(1);
    expect(store.count()).toBe(1);
    store.close();
  }, 60_000);

  it('two processes ingesting the same story at once store it once: the near-duplicate is decided against the store', async () => {
    for (let round = 0; round < 3; round++) {
      const db = join(dir, `race-${round}.db`);
      const sources = ['a.example', 'b.example'].map((host) => {
        const folder = join(dir, `race-${round}-${host}`);
        mkdirSync(folder);
        const a = storyArticle(`https://${host}/bridge`);
        writeFileSync(join(folder, 'story.json'), JSON.stringify(a));
        return folder;
      });
      openSqliteStore(db).close();
      const writers = sources.map((src) => child(['ingest', db, src]));
      await Promise.all(writers.map((w) => w.line('READY')));
      for (const w of writers) w.send('go\n');
      const done = await Promise.all(writers.map((w) => w.line('DONE ')));
      const summaries = done.map((l) => JSON.parse(l.slice(5)) as { added: number; duplicates: number });
      expect(summaries.map((s) => s.added).sort()).toEqual([0, 1]);
      expect(summaries.map((s) => s.duplicates).sort()).toEqual([0, 1]);
      const store = openSqliteStore(db);
      expect(store.count()).toBe(1);
      expect(store.duplicates()).toHaveLength(1);
      store.close();
    }
  }, 120_000);

  it('opens a store another process holds locked, and waits for it saying so instead of failing after 5 s', async () => {
    const db = join(dir, 'locked.db');
    openSqliteStore(db).close();
    const src = join(dir, 'locked.json');
    writeJsonArticles(src, 3, 'locked.example');
    // Held until the test says so (a minute at most): on a loaded machine a timed hold ran out before
    // the writer had even started.
    const holder = child(['hold-until', db, '60000']);
    await holder.line('LOCKED');
    const lockedAt = Date.now();
    const writer = child(['ingest', db, src]);
    // Opening needs no lock: the writer is ready while the other process still holds it.
    await writer.line('READY');
    expect(holder.lines).not.toContain('RELEASED');
    writer.send('go\n');
    expect(await writer.line('WAIT ')).toMatch(/waiting for the store .*locked\.db/);
    expect(holder.lines).not.toContain('RELEASED');
    // Held past SQLite's usual 5 s busy timeout, so the writer shows it waits longer than that.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lockedAt + 5500 - Date.now())));
    holder.send('release\n');
    const done = JSON.parse((await writer.line('DONE ')).slice(5)) as { added: number; failed: unknown[] };
    expect(holder.lines).toContain('RELEASED');
    expect(done).toMatchObject({ added: 3, failed: [] });
    expect(await writer.exited).toBe(0);
  }, 120_000);

  it('gives up after the wait it was given, with an error that says why', async () => {
    const db = join(dir, 'gives-up.db');
    openSqliteStore(db).close();
    const holder = child(['hold', db, '5000']);
    await holder.line('LOCKED');
    const store = openSqliteStore(db, { waitMs: 2000 });
    expect(() => store.put(storyArticle('https://example.com/late'))).toThrow(
      /Cannot write to the store .*gives-up\.db: another process held the store locked/,
    );
    store.close();
    expect(await holder.exited).toBe(0);
  }, 60_000);

  it('a reader waits for a store another process holds exclusively, saying so', async () => {
    const db = join(dir, 'exclusive.db');
    const store = openSqliteStore(db);
    store.put(storyArticle('https://example.com/kept'));
    store.close();
    const holder = child(['hold-all', db, '3000']);
    await holder.line('LOCKED');
    const waits: string[] = [];
    const corpus = await readStoreCorpus(db, { onWait: (m) => waits.push(m) });
    expect(waits).toEqual([expect.stringMatching(/waiting for the store .*exclusive\.db/)]);
    expect(corpus.size).toBe(1);
    expect(await holder.exited).toBe(0);
  }, 60_000);
});
