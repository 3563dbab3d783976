// `npm start` (root and apps/api) and `npm run build`: builds what a command serves (turbo, cached, keyed by
// the corpus GAZETTE_DB or GAZETTE_SNAPSHOT names: see corpus-revision-env.mjs), then runs the command as a
// child (when one is given) and stays its parent, forwarding SIGINT/SIGTERM to whichever child runs and exiting as it exits.
// npm runs a script through `sh -c` and signals only that shell, which dies without passing the signal on:
// with `turbo run build && node server`, stopping `npm start` left the server running. So a parent that
// goes away counts as SIGTERM too.
//
//   node scripts/build-then-run.mjs --filter=@gazette/api [--filter=…] -- node dist/node/cli.js
//   node scripts/build-then-run.mjs                (npm run build: every package, no command after)
import { spawn } from 'node:child_process';
import { withCorpusRevision } from './corpus-revision-env.mjs';

const sep = process.argv.indexOf('--');
if (sep === process.argv.length - 1) {
  console.error('usage: build-then-run.mjs [--filter=PKG...] [-- COMMAND [ARGS...]]');
  process.exit(2);
}
const filters = process.argv.slice(2, sep === -1 ? undefined : sep);
const [command, ...args] = sep === -1 ? [] : process.argv.slice(sep + 1);

let child;
let stopping;
// The first signal is passed on; repeats are not (a terminal's Ctrl-C reaches the whole process group,
// and npm forwards it again): the child's own shutdown is bounded, so waiting for it is enough.
const stop = (signal) => {
  if (stopping) return;
  stopping = signal;
  child?.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop('SIGTERM'), 200).unref();

/** Runs a child to its end; resolves with its exit code (128 + n when a signal ended it). */
function run(cmd, argv, env = process.env) {
  return new Promise((resolve) => {
    child = spawn(cmd === 'node' ? process.execPath : cmd, argv, {
      env,
      stdio: 'inherit',
      shell: process.platform === 'win32' && cmd !== 'node',
    });
    child.once('error', (error) => {
      console.error(`gazette: could not run ${cmd}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 143)));
  });
}

const signalCode = () => (stopping === 'SIGINT' ? 130 : 143);
// Before a command, only a failing task's output is shown; `npm run build` shows turbo's usual output.
const logs = command ? ['--output-logs=errors-only'] : [];
const turboBuild = (only, env) => run('turbo', ['run', 'build', ...only, ...logs], env);
let env;
try {
  env = await withCorpusRevision(process.env, () => turboBuild(['--filter=@gazette/core']));
} catch (error) {
  console.error(`gazette: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(stopping ? signalCode() : 1);
}
const built = stopping ? signalCode() : await turboBuild(filters, env);
if (stopping) process.exit(signalCode());
if (built !== 0 || !command) process.exit(built);
// The command is told the revision it was built from too (npm start: the site it serves first).
process.exit(await run(command, args, env));
