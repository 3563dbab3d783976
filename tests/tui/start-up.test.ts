import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAZETTE_BIN } from '../support/paths';
import { testTempDir } from '../support/test-resources';
import { writeFixtureSnapshot } from './fixture-corpus';

// The parsers' dependencies, as the bundle names the files it took them from.
const PARSERS = /node_modules\/(linkedom|@mozilla\/readability|yaml)\//;

let dir = '';
let snapshot = '';
beforeAll(() => {
  dir = testTempDir('start-up');
  snapshot = writeFixtureSnapshot();
  // Records every module file the process loads (Node's synchronous module hooks, in the same thread).
  writeFileSync(
    join(dir, 'record.mjs'),
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ load(url, context, next) { if (url.startsWith('file:')) appendFileSync(process.env.RECORD, url + '\\n'); return next(url, context); } });
`,
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(snapshot), { recursive: true, force: true });
});

/** Runs the built `gazette` and returns the text of every module file it loaded. */
function loadedCode(args: string[], env: Record<string, string> = {}, input = ''): string {
  const record = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(record, '');
  execFileSync(process.execPath, ['--import', join(dir, 'record.mjs'), GAZETTE_BIN, ...args], {
    env: { ...process.env, ...env, RECORD: record },
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const files = [...new Set(readFileSync(record, 'utf8').split('\n').filter(Boolean))];
  expect(files.length).toBeGreaterThan(1);
  return files.map((url) => readFileSync(new URL(url), 'utf8')).join('\n');
}

describe('what `gazette` loads', () => {
  it('reads a corpus without loading the parsers (linkedom, Readability, YAML)', () => {
    const code = loadedCode(['list', '--limit', '1'], { GAZETTE_SNAPSHOT: snapshot });
    // The corpus code itself was loaded (so the check below looks at the right files).
    expect(code).toMatch(/function loadCorpus\b/);
    expect(code).not.toMatch(PARSERS);
    expect(loadedCode(['search', 'ambassador'], { GAZETTE_SNAPSHOT: snapshot })).not.toMatch(PARSERS);
  });

  it('loads them for parse, which needs them', () => {
    const code = loadedCode(['parse', '-', '--format', 'html'], {}, '<title>T</title><p>Some text here.</p>');
    expect(code).toMatch(PARSERS);
  });
});
