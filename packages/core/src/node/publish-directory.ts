import { randomBytes } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { GazetteError } from '../errors/gazette-error';

// A folder served while it is replaced (`gazette watch --site DIR`): DIR is a symbolic link to a sibling
// `.DIR.TAG.RANDOM` holding one complete build (a DIR that is anything else is refused, never removed). A new build is written to a sibling of its own, and a new
// link renamed over DIR: rename is atomic, so a reader opening DIR/index.html finds the old build or the
// new one, never a missing or half-written file. The build it replaced is kept until the next swap: a
// reader that resolved the link just before this one may still be opening files in it (removing it at
// once made such a read fail, 1 in 30 swaps under load). Older builds, and builds a killed process left
// half-written, are removed at each swap; a failed build is removed and DIR is left as it was.

const tagPattern = /^[a-z0-9-]{1,64}$/;
const buildPrefix = (target: string) => `.${basename(target)}.`;

/** The tag of the build DIR points to (what it was built from), or undefined (no DIR, or not one of these). */
export function publishedTag(target: string): string | undefined {
  let link: string;
  try {
    link = readlinkSync(target);
  } catch {
    return undefined;
  }
  const name = basename(link);
  if (name !== link || !name.startsWith(buildPrefix(target))) return undefined;
  return name.slice(buildPrefix(target).length).split('.')[0];
}

/**
 * Builds into a new folder beside `target` and swaps it in atomically; `tag` (lowercase letters, digits and
 * dashes) says what it was built from, for publishedTag. When `build` throws, its folder is removed, `target`
 * is untouched, and the error is thrown on.
 */
export async function publishDirectory(
  path: string,
  tag: string,
  build: (dir: string) => Promise<void>,
): Promise<void> {
  const target = resolve(path);
  if (!tagPattern.test(tag))
    throw new GazetteError(
      'INVALID_PARAMS',
      `a build's tag is lowercase letters, digits and dashes: "${tag}"`,
    );
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  checkTarget(target);
  const name = `${buildPrefix(target)}${tag}.${randomBytes(4).toString('hex')}`;
  const dir = join(parent, name);
  mkdirSync(dir);
  try {
    await build(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const replaced = swapIn(target, name);
  removeOlderBuilds(target, [name, replaced]);
}

/** Removes the builds (and stray links) beside `target` other than those to keep. */
function removeOlderBuilds(target: string, keep: readonly (string | undefined)[]): void {
  const parent = dirname(target);
  for (const entry of readdirSync(parent))
    if (entry.startsWith(buildPrefix(target)) && !keep.includes(entry))
      rmSync(join(parent, entry), { recursive: true, force: true });
}

/** Points `target` at the sibling `name`; returns the name of the build it held before. */
function swapIn(target: string, name: string): string | undefined {
  const parent = dirname(target);
  const link = join(parent, `${buildPrefix(target)}link-${randomBytes(4).toString('hex')}`);
  symlinkSync(name, link, 'dir');
  const old = lstatSync(target, { throwIfNoEntry: false }) ? basename(readlinkSync(target)) : undefined;
  renameSync(link, target);
  return old;
}

/**
 * `target` must be free, an empty folder (removed), or a link this module made: anything else may be the
 * user's, and is neither replaced nor removed.
 */
function checkTarget(target: string): void {
  const stat = lstatSync(target, { throwIfNoEntry: false });
  if (!stat || (stat.isSymbolicLink() && publishedTag(target) !== undefined)) return;
  if (stat.isDirectory() && readdirSync(target).length === 0) {
    rmdirSync(target);
    return;
  }
  throw new GazetteError(
    'INVALID_PARAMS',
    `${target} is not a site published by gazette watch (a link to a build beside it), so it is left alone: remove it, or name another folder.`,
    { where: target },
  );
}
