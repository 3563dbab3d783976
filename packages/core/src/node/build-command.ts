import { spawn } from 'node:child_process';
import type { BuildInto } from './rebuild-on-revision';

// A build run as a child process (the site's Astro build, or a command the user named): it is told the store,
// its revision and the folder to write through its environment, and stopped with its whole process group
// (a shell, npm or Astro's workers under it), never left building after the watch stopped.

/** The end of a failed build's output kept for its report. */
const KEPT_OUTPUT = 4_000;

export interface BuildCommand {
  /** A program and its arguments, or a shell command line (run by the system's shell). */
  command: string | readonly [string, ...string[]];
  cwd?: string | undefined;
  /** Added to this process's environment. */
  env?: Record<string, string | undefined>;
  /** What the build is, for its failure ("the site build exited with 1"). */
  what: string;
}

/**
 * A build that runs `spec` with GAZETTE_DB (the store), GAZETTE_CORPUS_REVISION (its revision when read) and
 * GAZETTE_SITE_OUT (the empty folder to fill) in its environment; a non-zero exit rejects with the end of
 * its output.
 */
export function commandBuild(spec: BuildCommand): BuildInto {
  return ({ db, revision, out, signal }) =>
    runCommand(spec, signal, {
      GAZETTE_DB: db,
      GAZETTE_CORPUS_REVISION: revision,
      GAZETTE_SITE_OUT: out,
    });
}

function runCommand(spec: BuildCommand, signal: AbortSignal, job: Record<string, string>): Promise<void> {
  if (signal.aborted) return Promise.reject(new Error(`the ${spec.what} was stopped`));
  const [file, ...args] = typeof spec.command === 'string' ? [spec.command] : spec.command;
  const group = process.platform !== 'win32';
  const child = spawn(file, args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env, ...job },
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: typeof spec.command === 'string',
    // Its own process group, so that stopping it stops what it started too.
    detached: group,
  });
  const kill = () => {
    try {
      if (group && child.pid) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // Already gone.
    }
  };
  signal.addEventListener('abort', kill, { once: true });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`the ${spec.what} could not run: ${error.message}`)));
    child.once('close', (code, killedBy) => {
      signal.removeEventListener('abort', kill);
      if (signal.aborted) reject(new Error(`the ${spec.what} was stopped`));
      else if (code === 0) resolve();
      else reject(new Error(`the ${spec.what} exited with ${code ?? killedBy}:\n${lastLines(output, 12)}`));
    });
  });
}

const lastLines = (text: string, n: number) =>
  text
    .trimEnd()
    .split('\n')
    .slice(-n)
    .map((line) => `    ${line}`)
    .join('\n');
