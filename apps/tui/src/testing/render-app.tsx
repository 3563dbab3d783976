import { type Article, createCorpus } from '@gazette/core';
import { render } from 'ink-testing-library';
import type { GazetteSource } from '../source/gazette-source';
import { localSource } from '../source/local-source';
import { App } from '../ui/app';
import { themeFor } from '../ui/theme';

// Frames as the user sees them: the styling Ink adds is not part of the text.
export const plain = (frame: string | undefined) => (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '');

/**
 * Polls until `test` holds, for up to 20 s of wall-clock time (not a count of polls: on a loaded machine
 * each poll takes longer, and a render can take seconds); false if it never did.
 */
export async function eventually(test: () => boolean, ms = 20_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** The app rendered in a test terminal, with ways to wait for a screen and to type; unmount when done. */
export function renderApp(
  articles: Article[] | GazetteSource,
  options: { env?: Record<string, string>; openUrl?: (url: string) => void } = {},
) {
  const source = Array.isArray(articles) ? localSource(createCorpus(articles), 'test corpus') : articles;
  const r = render(
    <App source={source} theme={themeFor(options.env ?? {})} openUrl={options.openUrl ?? (() => {})} />,
  );
  const screen = () => plain(r.lastFrame());
  const waitFor = async (test: (s: string) => boolean, what: string) => {
    if (!(await eventually(() => test(screen()))))
      throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
  };
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  };
  return { ...r, screen, waitFor, press };
}
