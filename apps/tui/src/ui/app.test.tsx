import { type Article, createCorpus } from '@gazette/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { GazetteSource } from '../source/gazette-source';
import { localSource } from '../source/local-source';
import {
  HOSTILE_TEXT,
  hostileArticle,
  macronArticle,
  manyArticles,
  manyCopies,
  nigerArticle,
} from '../testing/fixture-articles';
import { render } from 'ink-testing-library';
import { eventually, plain, renderApp } from '../testing/render-app';
import { App } from './app';
import { themeFor } from './theme';

const ESC = '\u001b';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
let opened: string[] = [];
let unmounts: Array<() => void> = [];
afterEach(() => {
  for (const u of unmounts) u();
  unmounts = [];
  opened = [];
});

function start(articles: Article[] | GazetteSource, env: Record<string, string> = {}) {
  const ui = renderApp(articles, { env, openUrl: (u) => opened.push(u) });
  unmounts.push(ui.unmount);
  return ui;
}

describe('the article list', () => {
  it('shows the schema columns and the articles newest first, and sorts oldest first with s', async () => {
    const ui = start([nigerArticle(), macronArticle()]);
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    const s = ui.screen();
    expect(s).toMatch(/Title +Source +Published at +Word count/);
    expect(s.indexOf('Macron recalls')).toBeLessThan(s.indexOf('Niger junta'));
    expect(s).toMatch(/Le Monde +2024-03-02/);
    await ui.press('s');
    await ui.waitFor((s) => s.includes('oldest first'), 'oldest first');
    await ui.waitFor((s) => s.indexOf('Niger junta') < s.indexOf('Macron recalls'), 'the oldest on top');
  });

  it('renders only the rows that fit, however long the list, and pages on as you scroll', async () => {
    const ui = start(manyArticles(1500));
    await ui.waitFor((s) => s.includes('Story 0 '), 'the first rows');
    const rows = ui.screen().match(/Story \d+ /g) ?? [];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(ui.screen()).toContain('1,500');
    // Far past the first page: the rows there load and show.
    await ui.press(...Array(12).fill(' '));
    await ui.waitFor((s) => /Story 2\d\d /.test(s), 'rows beyond the first page');
    await ui.press('G');
    await ui.waitFor((s) => s.includes('Story 1499 '), 'the last row');
    expect(ui.screen()).not.toContain('Story 0 ');
  });

  it('jumps to the end of a long list without reading the rows in between, and scrolls back up from there', async () => {
    await jumpToEnd(manyCopies(5000), 'Story 4999', /Story 48[0-4]\d /);
  });

  it('jumps with G to the last of more than 10,000 undated articles, reading one page from the end', async () => {
    const undated = manyCopies(10_050).map(({ publishedAt: _, ...a }) => a as Article);
    // Undated rows come in id order: the last is the last copy.
    await jumpToEnd(undated, 'Story 10049', /Story 99[0-4]\d /);
  });
});

/**
 * G on a long list: its last row shows after one page read from the end (the list read in reverse), not
 * every page in between; scrolling up past that page loads the rows before it, in order.
 */
async function jumpToEnd(articles: Article[], last: string, furtherUp: RegExp) {
  const local = localSource(createCorpus(articles), 'test corpus');
  let lists = 0;
  const ui = start({
    ...local,
    list: (p) => {
      lists++;
      return local.list(p);
    },
  });
  await ui.waitFor((s) => s.includes('Story 0 '), 'the first rows');
  const before = lists;
  await ui.press('G');
  const n = articles.length.toLocaleString('en');
  await ui.waitFor((s) => s.includes(`${last} `) && s.includes(`${n}/${n}`), 'the last row');
  expect(lists - before).toBeLessThanOrEqual(2);
  await ui.press(...Array(8).fill('b'));
  await ui.waitFor((s) => furtherUp.test(s) && !s.includes('…'), 'rows further up');
  const shown = [...ui.screen().matchAll(/Story (\d+) /g)].map((m) => Number(m[1]));
  expect(shown).toEqual(shown.map((_, i) => shown[0]! + i));
  expect(lists - before).toBeLessThan(10);
}

describe('search, reader and back', () => {
  it('searches as you type, highlights, keeps the query, opens the reader and comes back', async () => {
    const ui = start([nigerArticle(), macronArticle()]);
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('/', ...'ambassador');
    await ui.waitFor((s) => s.includes('/ ambassador'), 'the query');
    await ui.waitFor((s) => /1 result\b/.test(s), 'one result');
    expect(ui.screen()).toContain('Macron recalls ambassador');
    expect(ui.screen()).not.toContain('Niger junta bans');
    // The match is marked in the frame's styling.
    expect(ui.lastFrame()).toMatch(/\u001b\[[0-9;]*m[Aa]mbassador/);
    await ui.press('\r', '\r');
    await ui.waitFor((s) => s.includes('We will not accept this'), 'the reader');
    const reader = ui.screen();
    expect(reader).toContain('We will not accept this');
    // The paragraph names him (“…,” Emmanuel Macron said): no name tag repeats it.
    expect(reader).toContain('Emmanuel Macron said');
    expect(reader).not.toContain('‹Emmanuel Macron›');
    expect(reader).toContain('Le Monde');
    await ui.press('o');
    expect(opened).toEqual(['https://example.org/macron-recalls-ambassador']);
    await ui.press(ESC);
    await ui.waitFor((s) => s.includes('/ ambassador'), 'the search with its query kept');
    await ui.press(ESC);
    await ui.waitFor((s) => s.includes('Title') && s.includes('Niger junta'), 'the list again');
    await ui.press('/');
    await ui.waitFor((s) => s.includes('/ ambassador'), 'the query still there');
  });

  it('matches the word being typed as a prefix: m and mac find Macron, as the core reads mac*', async () => {
    const articles = [nigerArticle(), macronArticle()];
    const corpus = createCorpus(articles);
    expect(corpus.search({ q: 'mac' }).total).toBe(0);
    const macs = corpus.search({ q: 'mac*' }).total;
    expect(macs).toBeGreaterThan(0);
    const ui = start(articles);
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('/', 'm');
    await ui.waitFor((s) => s.includes('/ m') && /\d+ results?\b/.test(s), 'results for m');
    expect(ui.screen()).not.toMatch(/\b0 results/);
    await ui.press('a', 'c');
    const count = new RegExp(`\\b${macs} results?\\b`);
    await ui.waitFor((s) => s.includes('/ mac') && count.test(s), `${macs} result(s) for mac`);
    expect(ui.screen()).toContain('Macron recalls ambassador');
    // The whole word the prefix found is marked, by the core's word rule (not the typed letters only).
    expect(ui.lastFrame()).toMatch(/\u001b\[[0-9;]*mMacron\u001b/);
  });

  it('offers facets and filters by one', async () => {
    const ui = start([nigerArticle(), macronArticle()]);
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('/', 'n', 'i', 'g', 'e', 'r');
    await ui.waitFor((s) => /2 results/.test(s), 'two results');
    await ui.waitFor((s) => s.includes('Sources'), 'the facets, counted once typing pauses');
    // Tab to the results, Tab to the facets; the first facet is a value of the first facet group.
    await ui.press('\t', '\t');
    const before = ui.screen();
    const first = /\[ \] (\S+)/.exec(before)?.[1];
    expect(first).toBeDefined();
    await ui.press(' ');
    await ui.waitFor((s) => s.includes('filters:') && /1 result\b/.test(s), 'one filtered result');
  });
});

describe('entities, quotes, help, colour and safety', () => {
  it('lists entities by mentions and lists the articles of one', async () => {
    const ui = start([nigerArticle(), macronArticle()]);
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('e');
    await ui.waitFor((s) => s.includes('Emmanuel Macron'), 'the entities');
    // Down to Macron's row, wherever the ranking put it.
    const rows = ui.screen().split('\n');
    const header = rows.findIndex((l) => l.startsWith('Name'));
    const macron = rows.findIndex((l) => l.startsWith('Emmanuel Macron'));
    await ui.press(...Array(macron - header - 1).fill('j'), '\r');
    await ui.waitFor((s) => s.includes('Articles naming Emmanuel Macron'), 'the articles of an entity');
    await ui.waitFor((s) => s.includes('Macron recalls'), 'its article');
    expect(ui.screen()).not.toContain('Niger junta');
  });

  it('lists quotes with their speaker', async () => {
    const ui = start([nigerArticle(), macronArticle()]);
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('w');
    await ui.waitFor((s) => s.includes('We will not accept this'), 'the quotes');
    expect(ui.screen()).toMatch(/Emmanuel Macron +“We will not/);
    await ui.press('\r');
    await ui.waitFor((s) => s.includes('Articles naming Emmanuel Macron'), "the speaker's articles");
  });

  it('shows every key with ?', async () => {
    const ui = start([macronArticle()]);
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('?');
    await ui.waitFor((s) => s.includes('Keys'), 'the help');
    for (const k of ['Esc', '/', 'open the article URL', 'Reader', 'Search'])
      expect(ui.screen()).toContain(k);
    await ui.press(ESC);
    await ui.waitFor((s) => s.includes('Word count'), 'the list again after Esc');
  });

  it('sends no colour under NO_COLOR', async () => {
    const ui = start([macronArticle()], { NO_COLOR: '1' });
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    await ui.press('\r');
    await ui.waitFor((s) => s.includes('We will not accept this'), 'the reader');
    // SGR colour codes are 30-37, 90-97 (foreground), 40-47, 100-107 (background), 38/48 (extended).
    const codes = [...(ui.lastFrame() ?? '').matchAll(/\u001b\[([0-9;]*)m/g)].flatMap((m) =>
      m[1]!.split(';'),
    );
    expect(codes.filter((c) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(c))).toEqual([]);
  });

  it('never lets escape sequences, controls or bidi overrides from article text reach the screen', async () => {
    const ui = start([hostileArticle(), macronArticle()]);
    await ui.waitFor((s) => s.includes('Hostile'), 'the list');
    const check = () => {
      // What is left once Ink's own styling is taken out must hold no control at all.
      expect(ui.screen()).not.toMatch(UNSAFE);
      expect(ui.screen()).not.toContain('pwned');
    };
    check();
    await ui.press('j', 'k');
    const row = ui
      .screen()
      .split('\n')
      .findIndex((l) => l.includes('Hostile'));
    expect(row).toBeGreaterThan(0);
    // Open the hostile article (it is the older one: second row).
    await ui.press('j', '\r');
    await ui.waitFor((s) => s.includes('Cleared screen'), 'the hostile article');
    check();
    expect(ui.screen()).toContain('red');
    expect(ui.screen()).toContain('evil');
    expect(HOSTILE_TEXT).toMatch(UNSAFE);
  });

  it('shows a spinner while the source loads', async () => {
    let resolve!: (s: GazetteSource) => void;
    const pending = new Promise<GazetteSource>((r) => {
      resolve = r;
    });
    const r = render(<App source={pending} theme={themeFor({})} openUrl={() => {}} />);
    unmounts.push(r.unmount);
    await new Promise((x) => setTimeout(x, 50));
    expect(plain(r.lastFrame())).toContain('Loading the corpus');
    resolve(localSource(createCorpus([macronArticle()])));
    await eventually(() => plain(r.lastFrame()).includes('Macron recalls'));
    expect(plain(r.lastFrame())).toContain('Macron recalls');
  });
});
