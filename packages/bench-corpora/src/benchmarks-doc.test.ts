// The rule of issue 14: README.md keeps the contract and links the figures; the figures live in
// docs/benchmarks.md, one section per bench, written by the bench itself (bench-report.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BENCHMARKS_FILE, sectionId } from './bench-report';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));
const readme = readFileSync(README, 'utf8');
const benchmarks = readFileSync(BENCHMARKS_FILE, 'utf8');

/**
 * A table row holding a measured figure: a time in ms or µs, a rate (`/s`), a percentage, or a size with
 * decimals (5.2 MB). A cap ("20 MB read", "10 s of silence") is contract and stays in the README.
 */
const MEASURED = [
  /\d\s*(ms|µs)\b/,
  /\d\s*(req|ops|articles|pages|tokens)?\/s\b/,
  /\d%/,
  /\d\.\d+\s*(B|kB|KB|MB|GB)\b/,
];
const measuredRows = (markdown: string) =>
  markdown
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .filter((row) => MEASURED.some((figure) => figure.test(row)));

describe('README and docs/benchmarks.md', () => {
  const links = [...readme.matchAll(/docs\/benchmarks\.md#([\w-]+)/g)].map((m) => m[1]!);

  it('links the figures it gives up, each to a section of docs/benchmarks.md that exists', () => {
    expect(links.length).toBeGreaterThan(0);
    for (const id of new Set(links)) {
      const start = benchmarks.indexOf(`<!-- bench:${id} -->`);
      const end = benchmarks.indexOf(`<!-- /bench:${id} -->`);
      expect(start, `section ${id} in docs/benchmarks.md`).toBeGreaterThanOrEqual(0);
      expect(end, `end of section ${id}`).toBeGreaterThan(start);
      // The link lands on the section only if GitHub's anchor for its title is the id.
      const heading = /^## (.+)$/m.exec(benchmarks.slice(start, end))?.[1] ?? '';
      expect(sectionId(heading), `the title of section ${id}`).toBe(id);
    }
  });

  it('holds no benchmark table: no table row with a measured time, rate, percentage or size', () => {
    expect(measuredRows(readme)).toEqual([]);
  });

  it('tells a benchmark row from a limit row (the check above can fail)', () => {
    expect(measuredRows('| 1,000 | 1,761/s | 5.2 MB | 1.0 s | 12 MB | 8.8 ms |')).toHaveLength(1);
    expect(measuredRows('| title agrees | 98.1% (103/105) |')).toHaveLength(1);
    expect(
      measuredRows('| one input | 20 MB read | refused |\n| a FIFO | 10 s of silence | exit 1 |'),
    ).toEqual([]);
    // The document the figures moved to does hold them.
    expect(measuredRows(benchmarks).length).toBeGreaterThan(0);
  });
});
