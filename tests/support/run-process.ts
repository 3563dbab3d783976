import { spawn } from 'node:child_process';
import { onProcessEnd } from './test-resources';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (bounded by a timeout), feeding it optional standard input. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Killed with the test process too (a run stopped by Ctrl-C or turbo), not only on its timeout.
    const forget = onProcessEnd(() => child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${options.timeoutMs ?? 30_000} ms`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      forget();
      resolve({ code, stdout, stderr });
    });
    // A process that exits without reading its input closes the pipe: that is not an error here.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the built `gazette` command with the Node that runs the tests (Node 24 under npm). */
export function gazette(
  args: readonly string[],
  options: Parameters<typeof runProcess>[2] = {},
): Promise<ProcessResult> {
  return runProcess(
    process.execPath,
    [new URL('../../apps/tui/bin/gazette.js', import.meta.url).pathname, ...args],
    options,
  );
}
