import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const INGESTIBLE = /\.(?:html?|xhtml|xml|rss|atom|json|ndjson|jsonl|md|markdown|txt|text)$/i;

/** Folders nested deeper than this under a named folder are not walked (and are reported). */
const MAX_DEPTH = 32;

export interface ListedInputs {
  /** Files and URLs, in a stable order. */
  inputs: string[];
  /** Paths that could not be read, with why. */
  missing: Array<{ source: string; reason: string }>;
  /** Entries of a folder that were not read on purpose, with why (never skipped silently). */
  skipped: Array<{ source: string; reason: string }>;
}

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

const whyUnreadable = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error as Error).message;
};

/**
 * Expands folders (recursively, hidden entries skipped, known extensions only) and keeps files and URLs.
 * Symbolic links are followed; a folder reached twice (a link back up, two links to one place) is
 * walked once. Inside folders only regular files are read: a FIFO or device found there is skipped
 * and reported (it could block or never end); name it on the command line to read it, with limits.
 */
export async function listInputs(args: readonly string[]): Promise<ListedInputs> {
  const inputs: string[] = [];
  const missing: ListedInputs['missing'] = [];
  const skipped: ListedInputs['skipped'] = [];
  const seenDirs = new Set<string>();
  const firstVisit = (info: Stats) => {
    const key = `${info.dev}:${info.ino}`;
    if (seenDirs.has(key)) return false;
    seenDirs.add(key);
    return true;
  };
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) {
      skipped.push({ source: dir, reason: `nested more than ${MAX_DEPTH} folders deep` });
      return;
    }
    let entries: string[];
    try {
      entries = (await readdir(dir)).sort((a, b) => a.localeCompare(b));
    } catch (error) {
      missing.push({ source: dir, reason: whyUnreadable(error) });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let info: Stats;
      try {
        info = await stat(path); // follows symbolic links
      } catch (error) {
        // Listed but not there: a symbolic link to nothing.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          skipped.push({ source: path, reason: 'a symbolic link to nothing (broken)' });
        else missing.push({ source: path, reason: whyUnreadable(error) });
        continue;
      }
      if (info.isDirectory()) {
        if (firstVisit(info)) await walk(path, depth + 1);
        else
          skipped.push({
            source: path,
            reason: 'a folder already read (a symbolic link loop or a second link)',
          });
      } else if (!INGESTIBLE.test(name)) continue;
      else if (info.isFile()) inputs.push(path);
      else
        skipped.push({
          source: path,
          reason: 'not a regular file (a FIFO, device or socket); name it on the command line to read it',
        });
    }
  };
  for (const arg of args) {
    if (isUrl(arg) || arg === '-') {
      inputs.push(arg);
      continue;
    }
    try {
      const info = await stat(arg);
      if (!info.isDirectory()) inputs.push(arg);
      else if (firstVisit(info)) await walk(arg, 0);
      else skipped.push({ source: arg, reason: 'a folder already read' });
    } catch (error) {
      missing.push({ source: arg, reason: whyUnreadable(error) });
    }
  }
  return { inputs, missing, skipped };
}
