import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAZETTE_BIN } from '../support/paths';
import { gazette } from '../support/run-process';

const dir = mkdtempSync(join(tmpdir(), 'gazette-cli-writers-'));
const children = new Set<ChildProcess>();
const hanging = new Set<ServerResponse>();
let server: Server;
let base = '';

const STORY = Array.from(
  { length: 4 },
  (_, i) =>
    `<p>Paragraph ${i}: the council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found corrosion in three of its steel supports, and promised a ferry.</p>`,
).join('');
const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${STORY}</article></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/never'))
      hanging.add(res); // never answered while the test runs
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page('Harbour bridge to close'));
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

/** Starts `gazette ARGS`; `until(text)` resolves once stderr holds it. */
function start(args: string[]) {
  const proc = spawn(process.execPath, [GAZETTE_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(proc);
  let stdout = '';
  let stderr = '';
  const seen: Array<() => void> = [];
  proc.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const check of seen) check();
  });
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => {
      children.delete(proc);
      resolve(code);
    }),
  );
  return {
    proc,
    exited,
    out: () => stdout,
    err: () => stderr,
    until: (text: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => stderr.includes(text) && resolve();
        seen.push(check);
        check();
        exited.then(() => reject(new Error(`gazette exited before "${text}": ${stderr}`)));
      }),
  };
}

const count = (db: string) => {
  const raw = new DatabaseSync(db, { readOnly: true });
  const n = (raw.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  raw.close();
  return Number(n);
};

describe('gazette ingest with other writers and signals', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`stopped by ${signal}, prints what was committed and exits ${code}`, async () => {
      const db = join(dir, `${signal}.db`);
      const run = start(['ingest', `${base}/page`, `${base}/never`, '--db', db]);
      await run.until('[1/2]');
      run.proc.kill(signal);
      expect(await run.exited).toBe(code);
      expect(run.out()).toMatch(/Interrupted/);
      expect(run.out()).toMatch(/added 1, updated 0, unchanged 0, duplicates 0/);
      expect(run.err()).not.toMatch(/\n\s+at /);
      expect(count(db)).toBe(1);
    }, 60_000);
  }

  it('two runs into one store at once store a near-duplicate once', async () => {
    for (let round = 0; round < 3; round++) {
      const db = join(dir, `twice-${round}.db`);
      const files = ['a', 'b'].map((host) => {
        const file = join(dir, `story-${round}-${host}.json`);
        const body = STORY.replace(/<\/?p>/g, ' ');
        writeFileSync(
          file,
          JSON.stringify({ title: 'Harbour bridge to close', url: `https://${host}.example/bridge`, body }),
        );
        return file;
      });
      const runs = await Promise.all(
        files.map((f) => gazette(['ingest', f, '--db', db], { timeoutMs: 60_000 })),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      expect(runs.map((r) => /added (\d+)/.exec(r.stdout)?.[1]).sort()).toEqual(['0', '1']);
      expect(runs.map((r) => /duplicates (\d+)/.exec(r.stdout)?.[1]).sort()).toEqual(['0', '1']);
      expect(count(db)).toBe(1);
    }
  }, 180_000);

  it('waits for a store another process holds locked, saying so on stderr, then stores', async () => {
    const db = join(dir, 'locked.db');
    const file = join(dir, 'locked.json');
    writeFileSync(
      file,
      JSON.stringify({
        title: 'Ferry timetable out',
        url: 'https://c.example/ferry',
        body: 'The ferry runs every twenty minutes from May.',
      }),
    );
    expect((await gazette(['ingest', file, '--db', db])).code).toBe(0);
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(${JSON.stringify(db)}); db.exec('BEGIN IMMEDIATE'); console.log('LOCKED'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 6500); db.exec('COMMIT');`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.add(holder);
    holder.on('exit', () => children.delete(holder));
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    writeFileSync(
      file,
      JSON.stringify({
        title: 'Ferry timetable out',
        url: 'https://c.example/ferry',
        body: 'The ferry now runs every fifteen minutes from May.',
      }),
    );
    const r = await gazette(['ingest', file, '--db', db], { timeoutMs: 60_000 });
    expect(r.stderr).toMatch(/waiting for the store .*locked\.db/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/updated 1/);
  }, 60_000);
});
