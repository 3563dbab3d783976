import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAZETTE_BIN, REFERENCE_ARTICLE } from '../support/paths';
import { gazette } from '../support/run-process';
import { onProcessEnd, testTempDir } from '../support/test-resources';

/** Runs gazette with its standard output going to `stdout`: a pipe whose reader is gone, or /dev/full. */
function run(args: string[], stdout: 'closed-pipe' | number) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [GAZETTE_BIN, ...args], {
      stdio: ['ignore', stdout === 'closed-pipe' ? 'pipe' : stdout, 'pipe'],
    });
    const forget = onProcessEnd(() => child.kill('SIGKILL'));
    // The reader leaves before the first line, as `head` does after its lines: every write is EPIPE.
    child.stdout?.destroy();
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gazette ${args.join(' ')} did not finish in 60 s`));
    }, 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      forget();
      resolve({ code, stderr });
    });
  });
}

let dir = '';
let db = '';
beforeAll(async () => {
  dir = testTempDir('closed-output');
  db = join(dir, 'store.db');
  const ingest = await gazette(['ingest', REFERENCE_ARTICLE, '--db', db]);
  expect(ingest.code, ingest.stderr).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('gazette when its output goes away', () => {
  it('exits 141 quietly, with no stack trace, when the reader closes the pipe (`gazette show ID | head -3`)', async () => {
    const commands = [
      ['show', 'a_a2f17033b12b3d6b'],
      ['show', 'a_a2f17033b12b3d6b', '--json'],
      ['list', '--json'],
      ['search', 'ambassador'],
      ['entities'],
      ['quotes'],
      ['parse', REFERENCE_ARTICLE, '--json'],
      ['export', '--db', db],
      ['export', '--db', db, '--format', 'json'],
      ['--help'],
    ];
    for (const args of commands) {
      const r = await run(args, 'closed-pipe');
      expect({ args, stderr: r.stderr, code: r.code }).toEqual({ args, stderr: '', code: 141 });
    }
  });

  it('says it cannot write, in one line, when standard output is a full disk (/dev/full)', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['show', 'a_a2f17033b12b3d6b'],
        ['export', '--db', db],
      ]) {
        const r = await run(args, full);
        expect(r.stderr, args.join(' ')).toBe('gazette: cannot write to standard output (ENOSPC).\n');
        expect(r.code, args.join(' ')).toBe(1);
      }
    } finally {
      closeSync(full);
    }
  });
});
