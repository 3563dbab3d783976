import { render } from 'ink';
import type { GazetteSource } from './source/gazette-source';
import { App } from './ui/app';
import { themeFor } from './ui/theme';
import { openUrl } from './open-url';

// Shown cursor, primary screen, no mouse or bracketed paste, attributes reset: a usable terminal.
const RESTORE = '\u001b[?25h\u001b[?1049l\u001b[?2004l\u001b[0m';
const SHOW_CURSOR = '\u001b[?25h';

/** How Ink runs the UI (the benchmark renders with the same). */
export const RENDER_OPTIONS = {
  exitOnCtrlC: true,
  alternateScreen: true,
  // Ink's default 30 fps can hold a frame back 33 ms; search results deserve better (frames only go out on change).
  maxFps: 120,
  patchConsole: true,
} as const;

/**
 * Runs the interactive UI until the user quits. The terminal is given back in every case: quit, Ctrl-C,
 * SIGTERM/SIGHUP, and a crash (the error is printed after the screen is restored). Returns the exit code.
 */
export async function runTui(openSource: () => Promise<GazetteSource>): Promise<number> {
  const stdout = process.stdout;
  const stdin = process.stdin;
  let restored = false;
  // Ink gives the terminal back on a clean exit; after a crash, do it all again to be sure.
  const restore = (full = true) => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {}
    if (stdout.isTTY) stdout.write(full ? RESTORE : SHOW_CURSOR);
  };

  // The first frame goes out before the corpus loads, so the spinner shows during a long load.
  const source = new Promise<GazetteSource>((resolve, reject) => {
    setImmediate(() => openSource().then(resolve, reject));
  });
  const instance = render(
    <App source={source} theme={themeFor(process.env)} openUrl={(url) => openUrl(url, () => {})} />,
    {
      ...RENDER_OPTIONS,
      stdout,
      stdin,
      // CI=true would make Ink print only the last frame; a real terminal is interactive whatever CI says.
      interactive: Boolean(stdout.isTTY),
    },
  );

  const crash = (error: unknown) => {
    try {
      instance.unmount();
    } catch {}
    restore();
    process.stderr.write(
      `gazette: the terminal UI stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}\nThis is a bug; please report it.\n`,
    );
    process.exit(70);
  };
  const stop = () => {
    instance.unmount();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  process.on('exit', () => restore());
  try {
    await instance.waitUntilExit();
    restore(false);
    // Stop following the store or API (its polls would otherwise outlive the UI).
    await source.then((s) => s.live?.close()).catch(() => {});
    return 0;
  } catch (error) {
    restore();
    process.stderr.write(
      `gazette: the terminal UI stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}\n`,
    );
    return 70;
  } finally {
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
  }
}
