import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildInto, commandBuild, rebuildEveryMs, rebuildOnRevision } from '@gazette/core/node';
import type { CliIo } from '../cli-io';
import { UsageError } from '../usage-error';

// `gazette watch --site DIR`: the core's rebuildOnRevision (pacing, atomic swap) over a build run as a child
// process, never the site app's code (an app imports no app). --site-build CMD names the command; without
// it, the site's own build script (apps/site's build:pages, through npm) in the Gazette checkout this
// gazette runs from.

const SITE_BUILD_SCRIPT = ['npm', 'run', '--silent', 'build:pages', '--workspace', '@gazette/site'] as const;

/** The Gazette checkout holding this command (its package.json is the workspace "gazette"), if any. */
function gazetteCheckout(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === 'gazette' && existsSync(join(dir, 'apps/site/package.json'))) return dir;
    } catch {
      // Not a manifest we can read: keep looking further up.
    }
  }
  return undefined;
}

/**
 * The build of --site: `command` (--site-build, a shell command line run here) or the site's own build. Each
 * is told GAZETTE_DB, GAZETTE_CORPUS_REVISION and GAZETTE_SITE_OUT, the empty folder to write the site into.
 */
function siteBuild(command: string | undefined): BuildInto {
  if (command !== undefined) {
    if (!command.trim()) throw new UsageError('--site-build needs a command, such as "npx astro build".');
    return commandBuild({ command, what: 'site build (--site-build)' });
  }
  const checkout = gazetteCheckout();
  if (!checkout)
    throw new UsageError(
      '--site builds the site with Gazette’s own apps/site, which is not beside this gazette: run it from a Gazette checkout after npm install, or name a command that builds the site for GAZETTE_DB into GAZETTE_SITE_OUT with --site-build CMD.',
    );
  return commandBuild({
    command: SITE_BUILD_SCRIPT,
    cwd: checkout,
    env: { NO_COLOR: '1' },
    what: 'site build',
  });
}

export interface WatchSiteArgs {
  json: boolean;
  site?: string | undefined;
  siteEvery?: string | undefined;
  siteBuild?: string | undefined;
}

/** The site kept current beside the watch (--site DIR, --site-every D, --site-build CMD), or undefined without --site. */
export async function siteBeside(io: CliIo, path: string, args: WatchSiteArgs) {
  for (const [given, flag] of [
    [args.siteEvery, '--site-every'],
    [args.siteBuild, '--site-build'],
  ] as const)
    if (given !== undefined && !args.site) throw new UsageError(`${flag} goes with --site DIR.`);
  if (!args.site) return undefined;
  let everyMs: number;
  try {
    everyMs = rebuildEveryMs(args.siteEvery, '--site-every');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const build = siteBuild(args.siteBuild);
  const report = (line: string) => (args.json ? io.stderr(`${line}\n`) : io.stdout(`${line}\n`));
  const fail = (line: string) => io.stderr(`${line}\n`);
  return rebuildOnRevision({ db: path, dir: args.site, everyMs, what: 'site', build, report, fail });
}
