import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepLeftovers } from '../support/test-resources';
import { HAS_TMUX, NO_TMUX } from './tmux-terminal';

const CHILD = fileURLToPath(new URL('../support/hold-resources-child.ts', import.meta.url));
type Held = { dir: string; socket: string; pid: number };

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  sweepLeftovers();
});

/** Starts a stand-in test process holding a temp folder and a tmux server; resolves with where they are. */
function holdResources(): Promise<Held> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d;
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out));
    });
    child.on('exit', (code) => reject(new Error(`the stand-in exited (${code}) early: ${err}`)));
  });
}

function exited(c: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    c.exitCode !== null || c.signalCode ? resolve() : c.once('exit', () => resolve()),
  );
}

const serverRuns = (socket: string) => spawnSync('tmux', ['-L', socket, 'list-sessions']).status === 0;
const processRuns = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits (bounded) for a process killed with its tmux server to be gone. */
async function gone(pid: number): Promise<boolean> {
  for (const until = Date.now() + 10_000; Date.now() < until; ) {
    if (!processRuns(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe.skipIf(!HAS_TMUX)(`test runs leave nothing behind ${HAS_TMUX ? '' : NO_TMUX}`, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    it(`a test process stopped with ${signal} removes its temp folder and kills its tmux server and the program in it`, async () => {
      const held = await holdResources();
      expect(existsSync(held.dir)).toBe(true);
      expect(serverRuns(held.socket)).toBe(true);
      expect(processRuns(held.pid)).toBe(true);
      child!.kill(signal);
      await exited(child!);
      expect(existsSync(held.dir)).toBe(false);
      expect(serverRuns(held.socket)).toBe(false);
      expect(await gone(held.pid)).toBe(true);
    });

  it('the next run sweeps what a SIGKILLed test process left (by its name), and nothing of a live one', async () => {
    const held = await holdResources();
    const live = sweepLeftovers();
    expect(live.filter((p) => p.includes(held.socket) || p === held.dir)).toEqual([]);
    expect(existsSync(held.dir)).toBe(true);
    child!.kill('SIGKILL');
    await exited(child!);
    // A kill -9 gives no chance to clean up: everything is still there.
    expect(existsSync(held.dir)).toBe(true);
    expect(serverRuns(held.socket)).toBe(true);
    const removed = sweepLeftovers();
    expect(removed).toContain(held.dir);
    expect(existsSync(held.dir)).toBe(false);
    expect(serverRuns(held.socket)).toBe(false);
    expect(await gone(held.pid)).toBe(true);
  });
});
