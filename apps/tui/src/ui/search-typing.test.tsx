import { createCorpus } from '@gazette/core';
import type { SearchParams } from '@gazette/core/query';
import { afterEach, describe, expect, it } from 'vitest';
import type { GazetteSource } from '../source/gazette-source';
import { localSource } from '../source/local-source';
import { macronArticle, nigerArticle } from '../testing/fixture-articles';
import { eventually, plain, renderApp } from '../testing/render-app';

let unmounts: Array<() => void> = [];
afterEach(() => {
  for (const u of unmounts) u();
  unmounts = [];
});

/** The fixture corpus as a source that records the queries searched; `slow` delays some. */
function recorded(slow: (q: string) => number = () => 0) {
  const local = localSource(createCorpus([nigerArticle(), macronArticle()]), 'test corpus');
  const searched: string[] = [];
  const source: GazetteSource = {
    ...local,
    search: async (p: SearchParams) => {
      searched.push(p.q);
      const ms = slow(p.q);
      if (ms) await new Promise((r) => setTimeout(r, ms));
      return local.search(p);
    },
  };
  const ui = renderApp(source);
  unmounts.push(ui.unmount);
  return {
    ui,
    searched,
    total: (q: string) => createCorpus([nigerArticle(), macronArticle()]).search({ q }).total,
  };
}

describe('search as you type', () => {
  it('searches only the last of keys typed within one turn, and shows its hits', async () => {
    const { ui, searched } = recorded();
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('/');
    await ui.waitFor((s) => s.includes('type to search'), 'the search prompt');
    // Three keys, each its own read, before the event loop turns: n and ni are replaced before they run.
    ui.stdin.write('a');
    ui.stdin.write('m');
    ui.stdin.write('b');
    await ui.waitFor((s) => s.includes('/ amb') && /\b1 result\b/.test(s), 'the hits of amb');
    expect(searched).toEqual(['amb*']);
    expect(ui.screen()).toContain('Macron recalls ambassador');
  });

  it('shows the text typed and its hits in the same frame, never the text with an empty list', async () => {
    const { ui } = recorded();
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('/', ...'niger');
    await ui.waitFor((s) => s.includes('/ niger') && /\b2 results\b/.test(s), 'two results');
    const typed = ui.frames.map(plain).filter((f) => /\/ n/.test(f));
    expect(typed.length).toBeGreaterThan(0);
    for (const frame of typed) expect(frame).toMatch(/\b\d+ results?\b/);
  });

  it('never shows the answer to a text replaced while its search ran', async () => {
    // The search for m* takes long; mac* is typed meanwhile and answers first.
    const { ui, searched, total } = recorded((q) => (q === 'm*' ? 400 : 0));
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('/', 'm');
    await eventually(() => searched.includes('m*'));
    await ui.press('a', 'c');
    const macs = total('mac*');
    const count = new RegExp(`\\b${macs} results?\\b`);
    await ui.waitFor((s) => s.includes('/ mac') && count.test(s), 'the hits of mac');
    // Past the slow answer: the screen still shows mac and its hits.
    await new Promise((r) => setTimeout(r, 600));
    expect(ui.screen()).toContain('/ mac');
    expect(ui.screen()).toMatch(count);
    expect(ui.screen()).not.toMatch(/\/ m\s/);
  });
});
