import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { gazette } from '../../support/run-process';

/**
 * Writes `count` Markdown articles about `topic` (each naming it, with its own URL) into `dir/topic` and
 * ingests them into `db` with the CLI, in a process of its own, as a user would.
 */
export async function ingestTopic(dir: string, db: string, topic: string, count: number): Promise<void> {
  const folder = join(dir, topic);
  mkdirSync(folder, { recursive: true });
  for (let i = 1; i <= count; i++)
    writeFileSync(
      join(folder, `${i}.md`),
      `---\nurl: https://example.com/${topic}/${i}\n---\n# ${topic} report ${i}\n\nThe ${topic} ${'story '.repeat(i)}${i} was told in full at the ${topic} hall on day ${i * 7}.\n`,
    );
  const r = await gazette(['ingest', folder, '--db', db], { timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBe(0);
}
