import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { childExit } from '../../test-support/child-exit';
import { afterAll, describe, expect, it } from 'vitest';
import { initialState } from '../follow/poll-schedule';
import { sourceId } from '../follow/source-id';
import { openSqliteStore } from './sqlite-store';

const CHILD = fileURLToPath(new URL('../../test-support/lease-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gazette-leases-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A lease child over `db`: `next()` resolves with its next stdout line. */
function leaser(db: string, worker: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, db, worker], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '--conditions=@gazette/source' },
  });
  children.add(proc);
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  return {
    send: (line: string) => proc.stdin!.write(`${line}\n`),
    next: async () => {
      const { value, done } = await lines.next();
      if (done) throw new Error(`lease child ${worker} ended (exit ${proc.exitCode})`);
      return value as string;
    },
    done: () => childExit(proc),
  };
}

const SOURCES = 120;
const ROUNDS = 5;
const at = (round: number) => new Date(Date.UTC(2026, 2, 4, 10, round)).toISOString();

describe('SQLite leases across processes', () => {
  it('leases every due source to exactly one of two processes leasing from one file at once, round after round', async () => {
    const db = join(dir, 'two-processes.db');
    const store = openSqliteStore(db);
    const ids = Array.from({ length: SOURCES }, (_, i) => {
      const url = `http://127.0.0.1/feed-${i}.xml`;
      store.sources.follow({
        id: sourceId(url),
        url,
        full: false,
        addedAt: at(0),
        state: initialState(at(0)),
      });
      return sourceId(url);
    });
    store.close();
    const workers = [leaser(db, 'one'), leaser(db, 'two')];
    for (const w of workers) expect(await w.next()).toBe('READY');
    const shares: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Both start the round at once: they race for the same due sources.
      for (const w of workers) w.send(`${round} ${at(round)} ${at(round + 1)}`);
      const answers = await Promise.all(workers.map((w) => w.next()));
      const leased = answers.map((a) => {
        const [r, list, refused] = a.split(' ');
        expect([Number(r), Number(refused)]).toEqual([round, 0]);
        return list ? list.split(',') : [];
      });
      const all = leased.flat();
      expect(all.length).toBe(SOURCES);
      expect([...all].sort()).toEqual([...ids].sort());
      shares.push(leased.map((l) => l.length));
    }
    for (const w of workers) w.send('quit');
    expect(await Promise.all(workers.map((w) => w.done()))).toEqual([0, 0]);
    const after = openSqliteStore(db);
    expect(new Set(after.sources.list().map((s) => s.state.polls))).toEqual(new Set([ROUNDS]));
    after.close();
    // Both took part: the rounds were raced, not run one process after the other.
    expect(shares.every(([one, two]) => one! + two! === SOURCES)).toBe(true);
    expect(shares.map(([one]) => one!).reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(shares.map(([, two]) => two!).reduce((a, b) => a + b)).toBeGreaterThan(0);
    console.log(`sources leased per round by each process: ${JSON.stringify(shares)}`);
  }, 120_000);
});
