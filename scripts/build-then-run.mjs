// `npm start` (root and apps/api): builds what a command serves (turbo, cached), then runs the command as a
// child and stays its parent, forwarding SIGINT/SIGTERM to whichever child runs and exiting as it exits.
// npm runs a script through `sh -c` and signals only that shell, which dies without passing the signal on:
// with `turbo run build && node server`, stopping `npm start` left the server running. So a parent that
// goes away counts as SIGTERM too.
//
//   node scripts/build-then-run.mjs --filter=@gazette/api [--filter=…] -- node dist/node/cli.js
import { spawn } from 'node:child_process';

const sep = process.argv.indexOf('--');
if (sep === -1 || sep === process.argv.length - 1) {
  console.error('usage: build-then-run.mjs --filter=PKG... -- COMMAND [ARGS...]');
  process.exit(2);
}
const filters = process.argv.slice(2, sep);
const [command, ...args] = process.argv.slice(sep + 1);

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
function run(cmd, argv) {
  return new Promise((resolve) => {
    child = spawn(cmd === 'node' ? process.execPath : cmd, argv, {
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
const built = await run('turbo', ['run', 'build', ...filters, '--output-logs=errors-only']);
if (stopping) process.exit(signalCode());
if (built !== 0) process.exit(built);
process.exit(await run(command, args));
