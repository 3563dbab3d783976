import { cpSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type BuildInto,
  publishDirectory,
  publishedTag,
  type RevisionRebuilder,
  rebuildEveryMs,
  rebuildOnRevision,
  revisionTag,
} from '@gazette/core/node';
import { corpusRevision } from '@gazette/core/node/query';
import { buildSite } from './site-build';
import { SITE_DIST } from './site-dir';
import { type StartSiteOptions, startSite } from './start-site';

// `npm start` over GAZETTE_DB: the site follows the store. It is served from a folder of npm start's own
// beside the store (never one the user named), swapped atomically by publishDirectory and reused across restarts;
// the site npm start built (apps/site/dist) is published into it first when nothing newer is there, then
// the core's rebuildOnRevision builds it again (the site's own build, as a child) whenever the store's
// revision changed, at most every GAZETTE_SITE_EVERY: the same pacing and swap as `gazette watch --site`.

/**
 * The folder npm start serves for the store at `db`: a hidden link beside the store (`.NAME-site`, with its
 * builds `..NAME-site.TAG.RANDOM` beside it), so each store has its own, kept with it across restarts and
 * removed with it; never a folder the user named.
 */
export const liveSiteDir = (db: string) => {
  const path = resolve(db);
  return join(dirname(path), `.${basename(path)}-site`);
};

export interface LiveSiteOptions extends StartSiteOptions {
  db: string;
  env: Record<string, string | undefined>;
  report: (line: string) => void;
  fail: (line: string) => void;
  /** The build (default: the site's own, buildSite). */
  build?: BuildInto;
  /** The site built at start (default apps/site/dist), of the revision GAZETTE_CORPUS_REVISION names. */
  dist?: string;
  /** Where to keep the site (default liveSiteDir(db)). */
  dir?: string;
  /** The interval between builds (default GAZETTE_SITE_EVERY: 1 minute to 1 day, default 10 minutes). */
  everyMs?: number;
}

/**
 * Publishes the site built at start into the folder kept for `db` unless that folder already holds the
 * store's current revision or the build at start is of no known revision while the folder holds a site.
 */
async function publishStartBuild(dir: string, dist: string, env: LiveSiteOptions['env'], db: string) {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`the site is not built (${dist} has no index.html); run npm run build`);
  const published = publishedTag(dir);
  const built = env.GAZETTE_CORPUS_REVISION ? revisionTag(env.GAZETTE_CORPUS_REVISION) : undefined;
  const current = revisionTag(await corpusRevision({ db }));
  if (published === current || (published !== undefined && built !== current)) return;
  // A build of no known revision is tagged so that it is never taken for the store's: rebuilt at once.
  await publishDirectory(dir, built ?? 'unknown', async (out) => cpSync(dist, out, { recursive: true }));
}

/** Serves the site of the store at `db`, kept current; close() stops the rebuilds (and a build running). */
export async function startLiveSite(
  options: LiveSiteOptions,
): Promise<{ url: string; dir: string; rebuilder: RevisionRebuilder; close(): Promise<void> }> {
  const { db, env } = options;
  const everyMs =
    options.everyMs ?? rebuildEveryMs(env.GAZETTE_SITE_EVERY || undefined, 'GAZETTE_SITE_EVERY');
  const dir = options.dir ?? liveSiteDir(db);
  await publishStartBuild(dir, options.dist ?? SITE_DIST, env, db);
  const server = await startSite({ ...options, dir });
  const rebuilder = rebuildOnRevision({
    db,
    dir,
    everyMs,
    what: 'site',
    build: options.build ?? buildSite,
    report: options.report,
    fail: options.fail,
  });
  rebuilder.keepCurrent();
  void rebuilder.check();
  return {
    url: server.url,
    dir,
    rebuilder,
    close: async () => {
      await rebuilder.close();
      await server.close();
    },
  };
}
