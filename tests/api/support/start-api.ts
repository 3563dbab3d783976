import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Miniflare } from 'miniflare';
import { REPO_ROOT } from '../../support/paths';
import { onProcessEnd, testTempDir } from '../../support/test-resources';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
  /** The folder a workerd instance keeps its scratch files in (removed by stop). */
  scratch?: string;
}

export const NODE_CLI = `${REPO_ROOT}apps/api/dist/node/cli.js`;
const WORKER = `${REPO_ROOT}apps/api/dist/worker/worker.js`;

function requireBuilt(path: string): void {
  if (!existsSync(path))
    throw new Error(
      `${path} is missing: build the API first (npm run build, or turbo runs it before the tests).`,
    );
}

/** Waits for a line of output matching `pattern`, or fails when the process exits or time runs out. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`no "${pattern}" in ${timeoutMs} ms: ${out}${err}`)),
      timeoutMs,
    );
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = out.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before "${pattern}": ${out}${err}`));
    });
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts a Node process with `args` and waits for it to print `API: <url>`. */
export async function startPrintingApi(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<RunningApi & { child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer | string) => {
    output += String(d);
  });
  // Killed with the test process too (a run stopped by Ctrl-C or turbo), not only by stop().
  child.once(
    'exit',
    onProcessEnd(() => child.kill('SIGKILL')),
  );
  try {
    const [, url] = await waitForLine(child, /API: (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
    return { url: url!, child, output: () => output, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** The built Node server (`npm start -w @gazette/api`) on a free loopback port. */
export async function startNodeApi(): Promise<RunningApi> {
  requireBuilt(NODE_CLI);
  return startPrintingApi([NODE_CLI]);
}

/**
 * The built worker (`wrangler deploy --dry-run` output) in real workerd, through Miniflare, on loopback;
 * `vars` are its variables (wrangler `[vars]`).
 */
export async function startWorkerdApi(vars: Record<string, string> = {}): Promise<RunningApi> {
  requireBuilt(WORKER);
  const scratch = testTempDir('workerd');
  const mf = withTmpDir(
    scratch,
    () =>
      new Miniflare({
        scriptPath: WORKER,
        modulesRoot: dirname(WORKER),
        modules: true,
        // The same date the worker is deployed with.
        compatibilityDate: readFileSync(`${REPO_ROOT}apps/api/wrangler.toml`, 'utf8').match(
          /^compatibility_date\s*=\s*"([^"]+)"/m,
        )![1]!,
        host: '127.0.0.1',
        port: 0,
        bindings: vars,
      }),
  );
  const stop = async () => {
    await mf.dispose();
    rmSync(scratch, { recursive: true, force: true });
  };
  let url: URL;
  try {
    url = await mf.ready;
  } catch (error) {
    // workerd did not start: nothing is left running, nor its folder.
    await stop().catch(() => {});
    throw error;
  }
  return { url: url.origin, scratch, stop };
}

/**
 * Runs `make` with the OS temp folder set to `dir`. Miniflare names its scratch folder (workerd's cache
 * database) in the temp folder when it is made, and its dispose() removes it without waiting: a test
 * process that ends soon after left one `miniflare-…` folder in /tmp per worker started. In a folder of the
 * test's own it goes with the test's other temp folders, whichever way the test process ends.
 */
function withTmpDir<T>(dir: string, make: () => T): T {
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = dir;
  try {
    return make();
  } finally {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
  }
}
