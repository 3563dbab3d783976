import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '@gazette/core';
import { createCorpus } from '@gazette/core';
import { writeSnapshotFile } from '@gazette/core/node';
import { REPO_ROOT } from '../support/paths';
import { runProcess } from '../support/run-process';

export const SITE_APP = `${REPO_ROOT}apps/site/`;

function astroBin(): string {
  for (const p of [
    `${SITE_APP}node_modules/astro/bin/astro.mjs`,
    `${REPO_ROOT}node_modules/astro/bin/astro.mjs`,
  ])
    if (existsSync(p)) return p;
  throw new Error('astro is not installed: run npm install');
}

/** Builds the site over the given articles into a fresh temporary directory; returns that directory. */
export async function buildSiteOver(articles: Article[], label: string): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), `gazette-site-${label}-`));
  const snapshot = join(work, 'corpus.snapshot');
  writeSnapshotFile(snapshot, createCorpus(articles));
  const out = join(work, 'dist');
  const r = await runProcess(process.execPath, [astroBin(), 'build'], {
    cwd: SITE_APP,
    env: {
      ...process.env,
      GAZETTE_SNAPSHOT: snapshot,
      GAZETTE_SITE_OUT: out,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    timeoutMs: 180_000,
  });
  if (r.code !== 0) throw new Error(`astro build failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return out;
}
