import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Article, createCorpus } from '@gazette/core';
import { ListResultSchema } from '@gazette/core/query';
import { writeSnapshotFile } from '@gazette/core/node';
import { afterAll, describe, expect, it } from 'vitest';
import { damageSection, keptSegmentFile } from '../support/damage-snapshot';
import { gazette } from '../support/run-process';

// The segments the readers keep beside a store (PATH.segments/) are served only for that store, and only
// when every byte of them checks.
const dir = mkdtempSync(join(tmpdir(), 'gazette-cli-snap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Five distinct Markdown articles under `name/`, about `topic`. */
function folder(name: string, topic: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  for (let i = 1; i <= 5; i++)
    writeFileSync(
      join(path, `${topic}-${i}.md`),
      `---\nurl: https://example.com/${topic}/${i}\n---\n# ${topic} report ${i}\n\nThe ${topic} ${'story number '.repeat(i)}${i} was told in full at the ${topic} hall on day ${i * 7}.\n`,
    );
  return path;
}

async function titles(db: string): Promise<{ titles: string[]; stderr: string }> {
  const r = await gazette(['list', '--json', '--limit', '20', '--db', db], { timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBe(0);
  return {
    titles: ListResultSchema.parse(JSON.parse(r.stdout))
      .items.map((a) => a.title)
      .sort(),
    stderr: r.stderr,
  };
}

describe('gazette list --db with kept segments', () => {
  it('serves the new store, not the segments of a deleted one with as many articles', async () => {
    const db = join(dir, 'news.db');
    expect(
      (await gazette(['ingest', folder('first', 'harbour'), '--db', db], { timeoutMs: 60_000 })).code,
    ).toBe(0);
    const before = await titles(db);
    expect(before.titles.every((t) => t.startsWith('harbour'))).toBe(true);
    rmSync(db);
    expect(
      (await gazette(['ingest', folder('second', 'orchard'), '--db', db], { timeoutMs: 60_000 })).code,
    ).toBe(0);
    const after = await titles(db);
    expect(after.titles).toHaveLength(5);
    expect(after.titles.every((t) => t.startsWith('orchard'))).toBe(true);
    expect(after.stderr).toMatch(/news\.db\.segments are foreign .*rebuilt them from the store/);
    expect((await titles(db)).stderr).toBe('');
  }, 180_000);

  it('rebuilds a damaged kept segment (one line on stderr) instead of failing every read after', async () => {
    const db = join(dir, 'news.db');
    const good = await titles(db);
    damageSection(keptSegmentFile(db), 'articles.bytes');
    const first = await titles(db);
    expect(first.titles).toEqual(good.titles);
    expect(first.stderr.trim().split('\n')).toEqual([expect.stringMatching(/is damaged .*rebuilt it/)]);
    expect(await titles(db)).toEqual({ titles: good.titles, stderr: '' });
  }, 120_000);
});

describe('GAZETTE_SNAPSHOT naming a damaged snapshot file', () => {
  it('is refused at load, saying what to run to make it again', async () => {
    const db = join(dir, 'news.db');
    const exported = await gazette(['export', '--db', db], { timeoutMs: 60_000 });
    expect(exported.code, exported.stderr).toBe(0);
    const articles = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Article);
    const file = join(dir, 'named.snapshot');
    writeSnapshotFile(file, createCorpus(articles));
    expect(
      (await gazette(['list', '--json'], { env: { ...process.env, GAZETTE_SNAPSHOT: file } })).code,
    ).toBe(0);
    damageSection(file, 'articles.bytes');
    const r = await gazette(['list', '--json'], { env: { ...process.env, GAZETTE_SNAPSHOT: file } });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /GAZETTE_SNAPSHOT: .*named\.snapshot: the snapshot is damaged \(section articles\.bytes checksum\)/,
    );
    expect(r.stderr).toMatch(/gazette export --db STORE --format json > .*named\.snapshot/);
    expect(r.stderr).not.toMatch(/toSnapshot|\n\s+at /);
  }, 120_000);
});
