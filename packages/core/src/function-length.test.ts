// The engine's functions fit on a screen (issue 14, "rooms with one job"): none over about 80 lines in
// search/, corpus/, query-schema/, static-index/, binary/, nor in the readers enrich/, formats/ and article/
// (sub-folders included). A long function is read as one block of named steps.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLongFunctions } from '../test-support/long-functions';

const SRC = dirname(fileURLToPath(import.meta.url));
const MAX_LINES = 80;

/** A body of `lines` lines in all, first and last included. */
const body = (lines: number) =>
  Array.from({ length: lines - 2 }, (_, i) => `  const v${i} = ${i};`).join('\n');

describe('function length in the engine', () => {
  it('finds long functions, methods and arrows, nested ones too, and no short ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-long-functions-'));
    try {
      writeFileSync(
        join(dir, 'sample.ts'),
        [
          `export function long() {\n${body(81)}\n}`,
          `export function fits() {\n${body(80)}\n}`,
          `export class Holder {\n  method() {\n${body(90)}\n  }\n}`,
          `export const outer = () => {\n  const inner = () => {\n${body(85)}\n  };\n  return inner;\n};`,
        ].join('\n'),
      );
      writeFileSync(join(dir, 'skipped.ts'), `export function alsoLong() {\n${body(100)}\n}`);
      const found = findLongFunctions(dir, MAX_LINES, ['skipped.ts']);
      expect(found.map((f) => [f.name, f.lines])).toEqual([
        ['long', 81],
        ['method', 90],
        ['outer', 88],
        ['inner', 85],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['search', 'corpus', 'query-schema', 'static-index', 'binary', 'enrich', 'formats', 'article'])(
    `no function in %s/ is over ${MAX_LINES} lines`,
    (room) => {
      expect(findLongFunctions(join(SRC, room), MAX_LINES, [])).toEqual([]);
    },
  );
});
