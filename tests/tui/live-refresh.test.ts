import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GAZETTE_BIN } from '../support/paths';
import { gazette } from '../support/run-process';
import { testTempDir } from '../support/test-resources';
import { HAS_TMUX, NO_TMUX, TmuxTerminal } from './tmux-terminal';

const ui = (...args: string[]) => [process.execPath, GAZETTE_BIN, ...args];

let dir = '';
let terminals: TmuxTerminal[] = [];
beforeAll(() => {
  dir = testTempDir('tui-live');
});
afterEach(() => {
  for (const t of terminals) t.close();
  terminals = [];
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const BRIDGE = {
  title: 'Harbour bridge to close for repairs',
  url: 'https://a.example/bridge',
  publishedAt: '2024-03-01T08:00:00Z',
  body: 'The harbour bridge closes for three weeks of repairs from Monday, the council said.',
};
// Newer than the others: it comes first in the newest-first list.
const LIGHTHOUSE = {
  title: 'Lighthouse reopens to visitors',
  url: 'https://b.example/lighthouse',
  publishedAt: '2025-06-01T08:00:00Z',
  body: 'The old lighthouse reopens to visitors this weekend after a long restoration.',
};

/** Ingests one JSON article into `db` with the CLI, in a process of its own. */
async function ingest(db: string, name: string, article: Record<string, string>) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(article));
  const r = await gazette(['ingest', file, '--db', db], { timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBe(0);
}

describe.skipIf(!HAS_TMUX)(`the UI following a store or API ${HAS_TMUX ? '' : NO_TMUX}`, () => {
  it('counts an article ingested meanwhile as "1 new", and shows it in place on R', async () => {
    const db = join(dir, 'live.db');
    await ingest(db, 'old', BRIDGE);
    await ingest(db, 'older', {
      title: 'Ferry timetable out',
      url: 'https://a.example/ferry',
      publishedAt: '2024-02-01T08:00:00Z',
      body: 'The ferry runs every twenty minutes from May, the operator said on Tuesday.',
    });
    const t = new TmuxTerminal(ui('--db', db));
    terminals.push(t);
    await t.waitFor((s) => s.includes('Ferry timetable'), 'the list', 30_000);
    // The second row selected: after the refresh, the selection stays on the ferry story.
    t.keys('j');
    await t.waitFor((s) => s.includes('2/2'), 'the second row selected');
    await ingest(db, 'new', LIGHTHOUSE);
    const counted = await t.waitFor((s) => s.includes('1 new'), '"1 new" in the header', 20_000);
    expect(counted).not.toContain('Lighthouse reopens');
    t.keys('R');
    const after = await t.waitFor((s) => s.includes('Lighthouse reopens'), 'the new article', 20_000);
    expect(after).not.toContain('1 new');
    // Newest first: the new article on top, the selection still on the ferry story (now row 3 of 3).
    expect(after.indexOf('Lighthouse reopens')).toBeLessThan(after.indexOf('Harbour bridge'));
    await t.waitFor((s) => s.includes('3/3'), 'the selection kept on its article');
    t.keys('q');
    await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
  }, 180_000);

  it("says so when another file is put in the store's place, keeps the list, and asks for a restart", async () => {
    const db = join(dir, 'replaced.db');
    await ingest(db, 'replaced-old', BRIDGE);
    const other = join(dir, 'replacement.db');
    await ingest(other, 'replacement', LIGHTHOUSE);
    const t = new TmuxTerminal(ui('--db', db), { width: 200 });
    terminals.push(t);
    await t.waitFor((s) => s.includes('Harbour bridge'), 'the list', 30_000);
    renameSync(other, db);
    const said = await t.waitFor(
      (s) => s.includes('was replaced') && s.includes('restart to read the new one'),
      'the status line saying the store was replaced',
      20_000,
    );
    expect(said).toContain('not live: restart');
    // What it loaded, whole; nothing of the new file.
    expect(said).toContain('Harbour bridge');
    expect(said).not.toContain('Lighthouse reopens');
    expect(said).not.toMatch(/^\s+at |^gazette: /m);
    t.keys('q');
    await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
  }, 180_000);

  it('over --api, counts an article ingested into the API\'s store as "1 new", and shows it on R', async () => {
    const db = join(dir, 'served.db');
    await ingest(db, 'served-old', BRIDGE);
    const { openCorpus, serveApi } = await import('@gazette/api/node');
    const opened = await openCorpus({ GAZETTE_DB: db });
    const api = await serveApi({ ...opened.source, port: 0, host: '127.0.0.1' });
    try {
      const t = new TmuxTerminal(ui('--api', api.url));
      terminals.push(t);
      await t.waitFor((s) => s.includes('Harbour bridge'), 'the list', 30_000);
      await ingest(db, 'served-new', LIGHTHOUSE);
      const counted = await t.waitFor((s) => s.includes('1 new'), '"1 new" in the header', 20_000);
      expect(counted).not.toContain('Lighthouse reopens');
      expect(counted).not.toContain('not live');
      t.keys('R');
      const after = await t.waitFor((s) => s.includes('Lighthouse reopens'), 'the new article', 20_000);
      expect(after.indexOf('Lighthouse reopens')).toBeLessThan(after.indexOf('Harbour bridge'));
      t.keys('q');
      await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
    } finally {
      await api.close();
      await opened.close();
    }
  }, 180_000);

  it('over an API that serves a fixed corpus, says "not live" and goes on working', async () => {
    const { createCorpus, parseText } = await import('@gazette/core');
    const { serveApi } = await import('@gazette/api/node');
    const corpus = createCorpus([
      parseText('A calm paragraph about the harbour.\n', {
        title: 'Harbour notes',
        source: { name: 'Wire' },
      }),
    ]);
    const api = await serveApi({ corpus, port: 0, host: '127.0.0.1' });
    try {
      const t = new TmuxTerminal(ui('--api', api.url));
      terminals.push(t);
      await t.waitFor(
        (s) => s.includes('not live') && s.includes('Harbour notes'),
        '"not live" in the header, and the list',
        30_000,
      );
      t.keys('q');
      await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
    } finally {
      await api.close();
    }
  }, 120_000);
});
