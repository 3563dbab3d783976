import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

type TestConfig = { test: { testTimeout?: number; hookTimeout?: number; globalSetup?: string[] } };
const config = async (pkg: string): Promise<TestConfig> =>
  (await import(`${REPO_ROOT}${pkg}/vitest.config.ts`)).default;

describe('npm test on a shared 2-core machine', () => {
  it('reports every package: one failing does not cancel the others (turbo --continue)', () => {
    const { scripts } = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8'));
    expect(scripts.test).toMatch(/^turbo run lint typecheck test --continue=dependencies-successful$/);
  });

  it('gives the packages whose tests render the UI, run servers or spawn processes more than 5 s a test', async () => {
    // Under a load average of ~29 these took 5-36 s each (TUI renders, store and ingest tests, tmux).
    for (const pkg of ['apps/tui', 'apps/api', 'packages/core', 'tests']) {
      const { test } = await config(pkg);
      expect({
        pkg,
        testTimeout: test.testTimeout! >= 30_000,
        hookTimeout: test.hookTimeout! >= 60_000,
      }).toEqual({ pkg, testTimeout: true, hookTimeout: true });
    }
  });

  it('sweeps what killed runs left before and after the black-box tests', async () => {
    expect((await config('tests')).test.globalSetup).toEqual(['./support/global-setup.ts']);
  });
});
