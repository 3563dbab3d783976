import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import type { CliIo } from '../cli-io';

const dir = mkdtempSync(join(tmpdir(), 'gazette-cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (n: number) =>
  JSON.stringify({
    headline: `Story ${n} of the export`,
    content: `Paragraph ${n} of a story with enough words to be stored as an article of its own, number ${n}.`,
    link: `https://example.com/export/${n}`,
  });

describe('gazette export', () => {
  it('writes at the pace of the reader: no article is written while standard output is backed up', async () => {
    const db = join(dir, 'store.db');
    writeFileSync(join(dir, 'records.ndjson'), `${[1, 2, 3, 4].map(record).join('\n')}\n`);
    const ingest: CliIo = { stdout: () => {}, stderr: () => {}, stdin: async () => '', isTTY: false };
    expect(await runCli(['ingest', join(dir, 'records.ndjson'), '--db', db], ingest)).toBe(0);

    // A reader that takes one article, then makes the command wait until it is let go.
    const lines: string[] = [];
    const waiting: Array<() => void> = [];
    const io: CliIo = {
      stdout: (t) => lines.push(t),
      drained: () => new Promise<void>((resolve) => waiting.push(resolve)),
      stderr: () => {},
      stdin: async () => '',
      isTTY: false,
    };
    let finished = false;
    const exported = runCli(['export', '--db', db], io).finally(() => {
      finished = true;
    });
    for (let written = 1; written <= 4; written++) {
      while (waiting.length === 0 && !finished) await new Promise((r) => setTimeout(r, 5));
      expect(lines).toHaveLength(written);
      waiting.shift()!();
    }
    expect(await exported).toBe(0);
    expect(lines.map((l) => JSON.parse(l).title).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `Story ${n} of the export`),
    );
  });
});
