import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE, REPO_ROOT } from '../support/paths';
import { runProcess } from '../support/run-process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// The test itself runs under `npm test`: npm's own settings (workspace, prefix) must not leak into
// the consumer's install, which stands for a stranger's project.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const work = mkdtempSync(join(tmpdir(), 'gazette-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('@gazette/core as a published package', () => {
  it('installs from `npm pack` and imports from a plain Node ESM script outside the workspace', {
    timeout: 300_000,
  }, async () => {
    const pack = await runProcess(npm, ['pack', '-w', '@gazette/core', '--pack-destination', work], {
      cwd: REPO_ROOT,
      env,
      timeoutMs: 120_000,
    });
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const app = join(work, 'app');
    writeFileSync(join(work, 'package.json'), '{}');
    await runProcess('mkdir', ['-p', app]);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    const install = await runProcess(npm, ['install', '--no-audit', '--no-fund', join(work, tarball!)], {
      cwd: app,
      env,
      timeoutMs: 180_000,
    });
    expect(install.code, install.stderr).toBe(0);
    writeFileSync(
      join(app, 'main.mjs'),
      `import { readFileSync } from 'node:fs';
import { parseText, ArticleSchema } from '@gazette/core';
const article = parseText(readFileSync(${JSON.stringify(REFERENCE_ARTICLE)}, 'utf8'));
ArticleSchema.parse(article);
console.log(JSON.stringify({ title: article.title, related: article.related.length }));
`,
    );
    const run = await runProcess(process.execPath, ['main.mjs'], { cwd: app });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      title: 'France has backed down on its hardline stance against the coupists',
      related: 3,
    });
  });
});
