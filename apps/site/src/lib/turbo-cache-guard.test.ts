import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusRevision } from '@gazette/core/node/query';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCorpusRevision, checkOutDir } from './turbo-cache-guard';

const dir = mkdtempSync(join(tmpdir(), 'gazette-site-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const snapshot = join(dir, 'corpus.snapshot');
writeFileSync(snapshot, 'a corpus');

const siteBuildTask = { TURBO_HASH: 'abc', npm_lifecycle_event: 'build', npm_package_name: '@gazette/site' };
const defaults = { GAZETTE_SITE_URL: 'http://127.0.0.1:4321' };

// Issue 16: turbo cached the site's build under the GAZETTE_DB/GAZETTE_SNAPSHOT path, not what it holds.
describe('the site build under turbo', () => {
  it('refuses a corpus path without its revision, or with another revision', async () => {
    await expect(
      checkCorpusRevision({ ...defaults, ...siteBuildTask, GAZETTE_SNAPSHOT: snapshot }),
    ).rejects.toThrow(/build with "npm run build" or "npm start"/);
    await expect(
      checkCorpusRevision({
        ...defaults,
        ...siteBuildTask,
        GAZETTE_SNAPSHOT: snapshot,
        GAZETTE_CORPUS_REVISION: 'snapshot sha256:0',
      }),
    ).rejects.toThrow(/changed while the site was built/);
    const revision = await corpusRevision({ snapshot });
    await expect(
      checkCorpusRevision({
        ...defaults,
        ...siteBuildTask,
        GAZETTE_SNAPSHOT: snapshot,
        GAZETTE_CORPUS_REVISION: revision,
      }),
    ).resolves.toBeUndefined();
    expect(() => checkOutDir({ ...defaults, ...siteBuildTask, GAZETTE_SITE_OUT: join(dir, 'out') })).toThrow(
      /GAZETTE_SITE_OUT is not kept by turbo's cache/,
    );
  });

  // Turbo's TURBO_HASH is inherited by what its tasks spawn: a test or bench building the site itself
  // (astro build into GAZETTE_SITE_OUT) is not the cached build task.
  it('lets a build spawned by another task (a test, a bench) or run directly through', async () => {
    const testTask = { TURBO_HASH: 'abc', npm_lifecycle_event: 'test', npm_package_name: '@gazette/tests' };
    const env = { ...defaults, ...testTask, GAZETTE_SNAPSHOT: snapshot, GAZETTE_SITE_OUT: join(dir, 'out') };
    await expect(checkCorpusRevision(env)).resolves.toBeUndefined();
    expect(() => checkOutDir(env)).not.toThrow();
    expect(() => checkOutDir({ ...defaults, GAZETTE_SITE_OUT: join(dir, 'out') })).not.toThrow();
  });
});
