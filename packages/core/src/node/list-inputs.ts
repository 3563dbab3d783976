import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const INGESTIBLE = /\.(?:html?|xhtml|xml|rss|atom|json|ndjson|jsonl|md|markdown|txt|text)$/i;

export interface ListedInputs {
  /** Files and URLs, in a stable order. */
  inputs: string[];
  /** Paths that could not be read, with why. */
  missing: Array<{ source: string; reason: string }>;
}

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Expands folders (recursively, hidden entries skipped, known extensions only) and keeps files and URLs. */
export async function listInputs(args: readonly string[]): Promise<ListedInputs> {
  const inputs: string[] = [];
  const missing: ListedInputs['missing'] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path, depth + 1);
      else if (e.isFile() && INGESTIBLE.test(e.name)) inputs.push(path);
    }
  };
  for (const arg of args) {
    if (isUrl(arg) || arg === '-') {
      inputs.push(arg);
      continue;
    }
    try {
      const info = await stat(arg);
      if (info.isDirectory()) await walk(arg, 0);
      else inputs.push(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      missing.push({
        source: arg,
        reason: code === 'ENOENT' ? 'no such file or folder' : (error as Error).message,
      });
    }
  }
  return { inputs, missing };
}
