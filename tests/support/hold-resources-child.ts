// A stand-in for a test process (used by tests/tui/cleanup.test.ts): it makes a temp folder and a tmux
// terminal running a long program, says where they are, and waits to be killed.
import { TmuxTerminal } from '../tui/tmux-terminal';
import { testTempDir } from './test-resources';

const dir = testTempDir('held');
const terminal = new TmuxTerminal(['sleep', '300']);
const pid = terminal.programPid();
process.stdout.write(`${JSON.stringify({ dir, socket: terminal.socket, pid })}\n`);
setTimeout(() => {}, 120_000);
