// The reader's quotations on a real terminal: a quotation over two paragraphs is marked in both, and its
// speaker is named once, where it closes, only when the text does not already name them.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCorpus, parseText } from '@gazette/core';
import { writeSnapshotFile } from '@gazette/core/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { testTempDir } from '../support/test-resources';
import { HAS_TMUX, NO_TMUX, TmuxTerminal } from './tmux-terminal';

const BIN = `${REPO_ROOT}apps/tui/bin/gazette.js`;
const TEXT = [
  'Mrs Jane Smith, the finance minister, spoke first on Monday.',
  '“Our budget is balanced. We have cut waste everywhere.',
  '“And we will keep doing so,” she said.',
  '“We have the figures,” Jane Smith told reporters.',
].join('\n');

/**
 * The SGR parameters in force where `needle` starts on a styled screen (tmux capture-pane -e). tmux writes
 * only changes, so a style carries over line ends: the whole screen is replayed up to the needle.
 */
function styleAt(styled: string, needle: string): Set<string> {
  let active = new Set<string>();
  let plain = '';
  for (const part of styled.split(/(\u001b\[[0-9;:]*m)/)) {
    const sgr = /^\u001b\[([0-9;:]*)m$/.exec(part);
    if (!sgr) {
      plain += part;
      if (plain.includes(needle)) return active;
      continue;
    }
    for (const p of sgr[1]!.split(/[;:]/)) {
      if (p === '' || p === '0') active = new Set();
      else active.add(p);
    }
  }
  throw new Error(`"${needle}" is not on the screen:\n${styled}`);
}

let snapshot = '';
let terminal: TmuxTerminal | undefined;
beforeAll(() => {
  const article = parseText(TEXT, { title: 'Budget speech', publishedAt: '2024-03-02T09:00:00Z' });
  // The enrichment's reading is the premise: one quotation over paragraphs 2 and 3, spoken by Jane Smith.
  expect(article.quotes[0]).toMatchObject({ block: 1, endBlock: 2, speaker: 'Jane Smith' });
  snapshot = join(testTempDir('tui-quotes'), 'corpus.snapshot');
  writeSnapshotFile(snapshot, createCorpus([article]));
});
afterEach(() => {
  terminal?.close();
  terminal = undefined;
});
afterAll(() => {
  rmSync(dirname(snapshot), { recursive: true, force: true });
});

describe.skipIf(!HAS_TMUX)(`the reader's quotations in a terminal (tmux) ${HAS_TMUX ? '' : NO_TMUX}`, () => {
  it('marks both paragraphs of a quotation over two, and names the speaker once, where it closes', async () => {
    // NO_COLOR: the quotation style is then italic alone (SGR 3), the speaker bold (SGR 1).
    terminal = new TmuxTerminal([process.execPath, BIN], {
      env: { GAZETTE_SNAPSHOT: snapshot, NO_COLOR: '1' },
      width: 100,
    });
    const t = terminal;
    await t.waitFor((s) => s.includes('Budget speech'), 'the list');
    t.keys('Enter');
    const screen = await t.waitFor((s) => s.includes('keep doing so'), 'the reader');
    const styled = t.styledScreen();
    expect(styleAt(styled, 'Our budget is balanced').has('3')).toBe(true);
    expect(styleAt(styled, 'And we will keep doing so').has('3')).toBe(true);
    expect(styleAt(styled, 'she said').has('3')).toBe(false);
    // Named after the closing mark, in the second paragraph; not at the end of the first.
    expect(screen).toMatch(/keep doing so,” ‹Jane Smith› she said\./);
    expect(screen).toMatch(/cut waste everywhere\.\s*$/m);
    // The last paragraph names her: no second name tag.
    expect(screen).toMatch(/“We have the figures,” Jane Smith told reporters\./);
    expect(screen.match(/‹Jane Smith›/g)).toHaveLength(1);
    t.keys('q');
    await t.waitFor((s) => s.includes('[exit 0]'), 'a clean exit');
  });
});
