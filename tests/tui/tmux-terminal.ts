import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { onProcessEnd, TMUX_SOCKETS, tmuxSocketName } from '../support/test-resources';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
export const NO_TMUX =
  'skipped: tmux is not installed (apt-get install -y tmux); these tests drive the UI in a real terminal';

let sessions = 0;

/**
 * A real terminal (a tmux pane) running one command; read its screen, type into it. Each has its own tmux
 * server (socket `-L`), killed with the program in it by close(), and when the test process ends anyhow.
 */
export class TmuxTerminal {
  readonly socket = tmuxSocketName(`tmux-${++sessions}`);
  readonly #forget = onProcessEnd(() => this.close());

  constructor(
    command: readonly string[],
    options: { env?: Record<string, string>; width?: number; height?: number } = {},
  ) {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${quote(v)}`);
    // After the program ends the pane stays, showing how it exited, so a test can check the terminal it left.
    // The pane is a person's terminal, not CI's: with CI set, chalk (through Ink) drops every style.
    const script = `env -u CI ${env.join(' ')} ${command.map(quote).join(' ')}; echo "[exit $?]"; sleep 600`;
    this.tmux(
      'new-session',
      '-d',
      '-x',
      String(options.width ?? 100),
      '-y',
      String(options.height ?? 30),
      'sh',
      '-c',
      script,
    );
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** The visible screen as text. */
  screen(): string {
    return this.tmux('capture-pane', '-p');
  }

  /** The visible screen with the attributes as escape sequences (what the terminal holds, styled). */
  styledScreen(): string {
    return this.tmux('capture-pane', '-p', '-e');
  }

  title(): string {
    return this.tmux('display-message', '-p', '#{pane_title}').trim();
  }

  /** tmux key names (Enter, Escape, C-c, BSpace) or, with literal, text typed as is. */
  keys(keys: string, literal = false): void {
    this.tmux('send-keys', ...(literal ? ['-l'] : []), keys);
  }

  resize(width: number, height: number): void {
    this.tmux('resize-window', '-x', String(width), '-y', String(height));
  }

  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let s = '';
    while (Date.now() < until) {
      s = this.screen();
      if (test(s)) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}; the screen shows:\n${s}`);
  }

  cursorVisible(): boolean {
    return this.tmux('display-message', '-p', '#{cursor_flag}').trim() === '1';
  }

  /** The pid of the program the pane runs (the child of the pane's shell). */
  programPid(): number {
    const shell = this.tmux('display-message', '-p', '#{pane_pid}').trim();
    // On a loaded machine the shell may not have started the program yet: ask again, for 20 s at most.
    const until = Date.now() + 20_000;
    for (;;) {
      try {
        return Number(execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]);
      } catch (error) {
        if (Date.now() > until) throw error; // pgrep exits 1 while the shell has no child
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      }
    }
  }

  close(): void {
    this.#forget();
    try {
      this.tmux('kill-server');
    } catch {} // already gone
    rmSync(join(TMUX_SOCKETS, this.socket), { force: true });
  }
}
