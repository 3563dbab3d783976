// vitest setup file. A face over a postgres:// store keeps its index segments in the per-user cache
// (~/.cache/gazette/segments/<store id>) unless told otherwise, and a test must not write into the home of
// whoever runs it: each test file gets a cache folder of its own, which the processes it starts inherit,
// removed when the file ends. Named after this process as tests/support/test-resources names its folders,
// so the sweep there removes what a killed run left.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), `gazette-test-${process.pid}-cache-`));
process.env['XDG_CACHE_HOME'] = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
