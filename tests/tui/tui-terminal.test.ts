import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createCorpus } from '@gazette/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { fixtureArticles, writeFixtureSnapshot } from './fixture-corpus';
import { HAS_TMUX, NO_TMUX, TmuxTerminal } from './tmux-terminal';

const BIN = `${REPO_ROOT}apps/tui/bin/gazette.js`;
// The Node that runs the tests is the repository's Node 24.
const gazette = (...args: string[]) => [process.execPath, BIN, ...args];
const API_ENTRY = `${REPO_ROOT}apps/api/src/node/index.ts`;
// Nothing a terminal would act on: only the colour/attribute codes tmux itself writes for -e.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let terminals: TmuxTerminal[] = [];
const open = (...args: ConstructorParameters<typeof TmuxTerminal>) => {
  const t = new TmuxTerminal(...args);
  terminals.push(t);
  return t;
};
afterEach(() => {
  for (const t of terminals) t.close();
  terminals = [];
});

let snapshot = '';
beforeAll(() => {
  snapshot = writeFixtureSnapshot();
});
afterAll(() => {
  rmSync(dirname(snapshot), { recursive: true, force: true });
});

/** list -> search -> reader -> back -> quit, the same whatever the source. */
async function browse(t: TmuxTerminal, label: RegExp) {
  const list = await t.waitFor((s) => s.includes('Macron recalls ambassador'), 'the article list');
  expect(list).toMatch(label);
  expect(list).toMatch(/Title +Source +Published at +Word count/);
  expect(list.indexOf('Macron recalls')).toBeLessThan(list.indexOf('Niger junta'));
  t.keys('/');
  t.keys('ambassador', true);
  // Searched as typed: "ambassado" already finds the one article, so the screen is read once the whole
  // word is in the box (a busy machine showed the result of the word less its last letter).
  const search = await t.waitFor(
    (s) => s.includes('/ ambassador') && /\b1 result\b/.test(s),
    'one search result for the whole word',
  );
  expect(search).not.toContain('Niger junta bans French');
  t.keys('Enter');
  t.keys('Enter');
  const reader = await t.waitFor((s) => s.includes('We will not accept this'), 'the reader');
  // The paragraph names him (“…,” Emmanuel Macron said): no name tag repeats it.
  expect(reader).toContain('Emmanuel Macron said');
  expect(reader).not.toContain('‹Emmanuel Macron›');
  t.keys('Escape');
  await t.waitFor((s) => s.includes('/ ambassador') && /\b1 result\b/.test(s), 'the search, query kept');
  t.keys('Escape');
  await t.waitFor((s) => s.includes('Niger junta') && s.includes('Word count'), 'the list again');
  t.keys('q');
  const after = await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
  // The alternate screen is gone: the UI left nothing behind.
  expect(after).not.toContain('Word count');
}

describe.skipIf(!HAS_TMUX)(`gazette in a terminal (tmux) ${HAS_TMUX ? '' : NO_TMUX}`, () => {
  it('local mode: list, search, reader, back, quit', async () => {
    const t = open(gazette(), { env: { GAZETTE_SNAPSHOT: snapshot } });
    await browse(t, /snapshot/);
  });

  it('the built-in corpus opens with no arguments at all', async () => {
    const t = open(gazette());
    const s = await t.waitFor((s) => /Articles +1 ·/.test(s), 'the built-in article');
    expect(s).toContain('built-in corpus');
    t.keys('q');
    await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
  });

  it('shows none of the escape sequences, controls or bidi overrides in article text', async () => {
    const t = open(gazette(), { env: { GAZETTE_SNAPSHOT: snapshot } });
    await t.waitFor((s) => s.includes('Harbour notes'), 'the list');
    const check = () => {
      const s = t.screen();
      // Had a clear-screen or a leave-alternate-screen got through, the UI's header would be gone.
      expect(s).toContain('Gazette');
      expect(s).not.toMatch(CONTROL);
      // Had OSC 0 got through, the terminal's title would say so.
      expect(t.title()).not.toContain('pwned');
      expect(s).not.toContain('pwned');
      // The styled screen holds only the SGR codes tmux writes for colours and attributes.
      expect(t.styledScreen().replace(/\u001b\[[0-9;:]*m/g, '')).not.toMatch(CONTROL);
    };
    check();
    // The hostile one is the oldest: last row.
    t.keys('G');
    t.keys('Enter');
    // Its title is in the list too: wait for its text in the reader, past "Loading the article…".
    await t.waitFor((s) => s.includes('Reader') && s.includes('evil'), 'the hostile article in the reader');
    check();
    expect(t.screen()).toContain('Screen wiped');
    t.keys('G');
    await t.waitFor((s) => s.includes('Teaser'), 'the related stories');
    check();
    t.keys('q');
    await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
  });

  it('reflows on resize, honours NO_COLOR, and gives the terminal back on Ctrl-C', async () => {
    const t = open(gazette(), { env: { GAZETTE_SNAPSHOT: snapshot, NO_COLOR: '1' }, width: 100, height: 30 });
    await t.waitFor((s) => s.includes('Macron recalls'), 'the list');
    t.keys('Enter');
    await t.waitFor((s) => s.includes('We will not accept this'), 'the reader');
    const colours = [...t.styledScreen().matchAll(/\u001b\[([0-9;:]*)m/g)].flatMap((m) =>
      m[1]!.split(/[;:]/),
    );
    expect(colours.filter((c) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(c))).toEqual([]);
    t.resize(50, 30);
    const narrow = await t.waitFor(
      (s) => s.split('\n').some((l) => l.startsWith('Niamey on Tuesday')),
      'the text rewrapped to 50 columns',
    );
    for (const line of narrow.split('\n')) expect(line.trimEnd().length).toBeLessThanOrEqual(50);
    t.keys('C-c');
    const after = await t.waitFor((s) => /\[exit \d+\]/.test(s), 'the exit');
    expect(after).not.toContain('We will not accept this');
    expect(t.cursorVisible()).toBe(true);
  });

  it('gives the terminal back when killed (SIGTERM)', async () => {
    const t = open(gazette(), { env: { GAZETTE_SNAPSHOT: snapshot } });
    await t.waitFor((s) => s.includes('Macron recalls'), 'the list');
    process.kill(t.programPid(), 'SIGTERM');
    const after = await t.waitFor((s) => /\[exit \d+\]/.test(s), 'the exit');
    expect(after).not.toContain('Word count');
    // Cursor shown again and keys echo: the shell prints what is typed after the program ended.
    expect(t.cursorVisible()).toBe(true);
  });

  describe.skipIf(!existsSync(API_ENTRY))('--api mode, against the Node API', () => {
    let api: { url: string; close(): Promise<void> } | undefined;
    beforeAll(async () => {
      const { serveApi } = await import('@gazette/api/node');
      api = await serveApi({ corpus: createCorpus(fixtureArticles()), port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await api?.close();
    });

    it('list, search, reader, back, quit over HTTP', async () => {
      const t = open(gazette('--api', api!.url));
      await browse(t, new RegExp(api!.url.replace(/[.:/]/g, '\\$&')));
    });

    it('says so, in the UI, when the API cannot be reached', async () => {
      const t = open(gazette('--api', 'http://127.0.0.1:9'));
      const s = await t.waitFor((s) => /unreachable/.test(s), 'the error');
      expect(s).toContain('127.0.0.1:9');
      t.keys('q');
      await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
    });
  });
});
