import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temp folders and tmux sockets the tests make are named `gazette-test-<pid>-…` after the test process
 * that made them: a sweep can then tell what a killed run left (its process is gone) from what a run
 * going on at the same time on the same machine still uses.
 */
const PREFIX = /^gazette-test-(\d+)-/;
const MINE = `gazette-test-${process.pid}-`;

const cleanups = new Set<() => void>();
let installed = false;

function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {} // one failed cleanup must not keep the others from running
  }
  cleanups.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runCleanups);
  // A run stopped by Ctrl-C, `kill` or turbo cancelling it: clean up, then end as the signal would have.
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const)
    process.once(signal, () => {
      runCleanups();
      process.exit(128 + number);
    });
}

/**
 * Runs `cleanup` when the test process ends, however it ends (normally, on a failure, or on SIGINT,
 * SIGTERM or SIGHUP); returns a function that drops it once the test cleaned up by itself.
 */
export function onProcessEnd(cleanup: () => void): () => void {
  install();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** A new temp folder, removed when the test process ends in any case (tests still remove it in afterAll). */
export function testTempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${MINE}${label}-`));
  onProcessEnd(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A tmux socket name (`tmux -L`) of this test process's own. */
export function tmuxSocketName(label: string): string {
  return `${MINE}${label}`;
}

/** Where tmux keeps the sockets named with -L (it leaves the file behind when its server ends). */
export const TMUX_SOCKETS = join(process.env['TMUX_TMPDIR'] ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function leftovers(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const pid = PREFIX.exec(name)?.[1];
    return pid !== undefined && !isRunning(Number(pid));
  });
}

/**
 * Removes what earlier runs left when they were killed: temp folders, and tmux servers (with the
 * programs in their panes) named for a test process that no longer runs. Returns what it removed.
 */
export function sweepLeftovers(): string[] {
  const removed: string[] = [];
  for (const name of leftovers(tmpdir())) {
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
    removed.push(join(tmpdir(), name));
  }
  for (const name of leftovers(TMUX_SOCKETS)) {
    spawnSync('tmux', ['-L', name, 'kill-server'], { stdio: 'ignore', timeout: 10_000 });
    rmSync(join(TMUX_SOCKETS, name), { force: true });
    removed.push(join(TMUX_SOCKETS, name));
  }
  return removed;
}
