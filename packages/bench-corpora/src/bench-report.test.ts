import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownTable, writeBenchSection } from './bench-report';

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
});
