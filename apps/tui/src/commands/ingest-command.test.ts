import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import type { CliIo } from '../cli-io';

const dir = mkdtempSync(join(tmpdir(), 'gazette-cli-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: async () => '', isTTY };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour bridge closes</title>
<meta property="article:published_time" content="2026-03-04T08:00:00Z"><meta name="author" content="By Ana Ruiz and Tom Lee"></head>
<body><article><h1>Harbour bridge closes</h1>${'<p>The council voted to close the old harbour bridge to cars after engineers found corrosion in its supports, and promised a ferry.</p>'.repeat(4)}</article></body></html>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Ferry timetable out</title><link>https://harbour.example/ferry</link><description>The ferry runs every twenty minutes from May.</description></item></channel></rss>`;

describe('gazette ingest and export', () => {
  writeFileSync(join(dir, 'bridge.html'), PAGE);
  writeFileSync(join(dir, 'feed.xml'), FEED);
  const db = join(dir, 'store.db');

  it('ingests a page and a feed into the store, with a summary, and lists them with --db', async () => {
    const c = capture();
    expect(await runCli(['ingest', join(dir, 'bridge.html'), join(dir, 'feed.xml'), '--db', db], c.io)).toBe(
      0,
    );
    expect(c.out()).toMatch(/added 2, updated 0, unchanged 0, duplicates 0, failed 0/);
    expect(c.err()).toMatch(/\[2\/2\]/);
    const list = capture();
    expect(await runCli(['list', '--db', db, '--json'], list.io)).toBe(0);
    const titles = (JSON.parse(list.out()) as { items: Array<{ title: string }> }).items
      .map((i) => i.title)
      .sort();
    expect(titles).toEqual(['Ferry timetable out', 'Harbour bridge closes']);
  });

  it('draws a progress bar on a terminal and reports failures with reasons (exit 1)', async () => {
    const c = capture(true);
    expect(await runCli(['ingest', dir, join(dir, 'absent.html'), '--db', db], c.io)).toBe(1);
    expect(c.err()).toContain('\r');
    expect(c.err()).toMatch(/\[#+-*\] \d\/\d/);
    expect(c.out()).toMatch(/unchanged 2/);
    expect(c.out()).toMatch(/failed .*absent\.html: no such file/);
  });

  it('exports the store as NDJSON that ingests back unchanged', async () => {
    const c = capture();
    expect(await runCli(['export', '--db', db, '--format', 'ndjson'], c.io)).toBe(0);
    const lines = c.out().trim().split('\n');
    expect(lines).toHaveLength(2);
    // The two sources are ingested concurrently, so the store's order is not fixed: find the page.
    const articles = lines.map((l) => JSON.parse(l) as { title: string; byline: string[] });
    expect(articles.find((a) => a.title === 'Harbour bridge closes')?.byline).toEqual([
      'Ana Ruiz',
      'Tom Lee',
    ]);
    const file = join(dir, 'export.ndjson');
    writeFileSync(file, c.out());
    const again = capture();
    expect(await runCli(['ingest', file, '--db', db, '--json'], again.io)).toBe(0);
    expect(JSON.parse(again.out())).toMatchObject({ added: 0, unchanged: 2, failed: [] });
  });

  it('parses an HTML page of any format with parse --json', async () => {
    const c = capture();
    expect(await runCli(['parse', join(dir, 'bridge.html'), '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toMatchObject({
      title: 'Harbour bridge closes',
      publishedAt: '2026-03-04T08:00:00Z',
    });
  });

  it('says clearly when the store is missing or the command line is wrong', async () => {
    const missing = capture();
    expect(await runCli(['export', '--db', join(dir, 'none.db')], missing.io)).toBe(1);
    expect(missing.err()).toMatch(/no store at .*none\.db/);
    const usage = capture();
    expect(await runCli(['ingest', '--db', db], usage.io)).toBe(2);
    expect(await runCli(['ingest', dir, '--format', 'pdf', '--db', db], usage.io)).toBe(2);
    expect(await runCli(['ingest', dir, '--full', '--full-deadline', 'soon', '--db', db], usage.io)).toBe(2);
    expect(usage.err()).toMatch(/--full-deadline takes a number of seconds above 0; got "soon"/);
  });
});
