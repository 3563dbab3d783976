import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { benchCommand, benchLog, markdownTable, writeBenchSection } from './bench-report';

const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeBenchSection', () => {
  it('appends a section once, then replaces it in place, leaving the others alone', () => {
    const file = join(dir, 'benchmarks.md');
    const now = new Date('2026-12-03T11:00:00Z');
    writeBenchSection('a', 'Search', 'first', { file, now, command: 'npm run bench:a' });
    writeBenchSection('b', 'Ingest', 'other', { file, now, command: 'npm run bench:b' });
    writeBenchSection('a', 'Search', 'second', { file, now, command: 'npm run bench:a' });
    const text = readFileSync(file, 'utf8');
    expect(text.match(/<!-- bench:a -->/g)).toHaveLength(1);
    expect(text).toContain('second');
    expect(text).not.toContain('first');
    expect(text.indexOf('## Search')).toBeLessThan(text.indexOf('## Ingest'));
    expect(text).toContain('`npm run bench:b` · 2026-12-03 11:00 UTC');
  });

  it('makes the folder of a document that does not exist yet', () => {
    const file = join(dir, 'docs', 'benchmarks.md');
    writeBenchSection('a', 'Search', 'body', { file, now: new Date(), command: 'npm run bench:a' });
    expect(readFileSync(file, 'utf8')).toContain('## Search');
  });
});

describe('markdownTable', () => {
  it('writes a header, a rule and one line per row', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });

  it('escapes a | inside a cell, so a route such as feed.atom|json stays one cell', () => {
    expect(markdownTable(['route'], [['/v1/feed.atom|json']])).toBe(
      '| route |\n| --- |\n| /v1/feed.atom\\|json |',
    );
  });
});

describe('benchLog', () => {
  it('keeps each printed line as its own paragraph and each table whole, in order', () => {
    const print = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const log = benchLog();
      log.line('### Scale');
      log.line('first figure');
      log.line('second figure');
      log.table(['n', 'ms'], [['1', '2']]);
      log.line('after');
      expect(log.markdown()).toBe(
        '### Scale\n\nfirst figure\n\nsecond figure\n\n| n | ms |\n| --- | --- |\n| 1 | 2 |\n\nafter',
      );
      expect(print).toHaveBeenCalledTimes(5);
    } finally {
      print.mockRestore();
    }
  });
});

describe('benchCommand', () => {
  it('puts the settings this run had before the command, and only those', () => {
    vi.stubEnv('GAZETTE_TEST_SET', '5');
    vi.stubEnv('GAZETTE_TEST_UNSET', '');
    try {
      expect(benchCommand('npm run bench', ['GAZETTE_TEST_UNSET', 'GAZETTE_TEST_SET'])).toBe(
        'GAZETTE_TEST_SET=5 npm run bench',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
