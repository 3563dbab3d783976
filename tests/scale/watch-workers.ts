import { type ChildProcess, spawn } from 'node:child_process';
import { GAZETTE_BIN } from '../support/paths';
import { onProcessEnd } from '../support/test-resources';

/** A `gazette watch` process that can be killed and started again, with the end of what it printed. */
interface Worker {
  child: ChildProcess;
  exited: Promise<void>;
  output: string;
}

/**
 * `count` long-running `gazette watch --db DB` processes, as a user starts them on several machines: each
 * can be killed with SIGKILL (and started again). Every process is killed when the test process ends,
 * however it ends.
 */
export function watchWorkers(db: string, count: number) {
  const workers: Worker[] = [];
  const start = (i: number) => {
    const child = spawn(process.execPath, [GAZETTE_BIN, 'watch', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forget = onProcessEnd(() => child.kill('SIGKILL'));
    const worker: Worker = {
      child,
      output: '',
      exited: new Promise<void>((resolve) =>
        child.once('exit', () => {
          forget();
          resolve();
        }),
      ),
    };
    const keep = (d: Buffer) => {
      worker.output = (worker.output + String(d)).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    workers[i] = worker;
  };
  for (let i = 0; i < count; i++) start(i);
  return {
    /** kill -9 worker `i`, then start it again; whether it was still running when killed. */
    async killAndRestart(i: number): Promise<boolean> {
      const w = workers[i]!;
      const running = w.child.exitCode === null && w.child.signalCode === null;
      w.child.kill('SIGKILL');
      await w.exited;
      start(i);
      return running;
    },
    /** kill -9 every worker (the end of a run, or afterAll on a failure). */
    async kill(): Promise<void> {
      await Promise.all(
        workers.map(async (w) => {
          w.child.kill('SIGKILL');
          await w.exited;
        }),
      );
    },
  };
}
