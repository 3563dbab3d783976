import { corpusRevision } from '@gazette/core/node/query';
import type { SiteEnv } from './site-env';

// turbo caches the site's build under the values of the variables turbo.json lists, and restores dist/ on a
// hit without running the build. Two ways that served a site other than the one asked for, refused here
// (only in turbo's build task of the site: a build run directly, or by a test that turbo runs, is never cached):

/** This is the site's build task run by turbo (whose children inherit TURBO_HASH too: tests, benches). */
const cachedByTurbo = (env: SiteEnv) =>
  Boolean(env.TURBO_HASH) && env.npm_lifecycle_event === 'build' && env.npm_package_name === '@gazette/site';

/**
 * GAZETTE_DB and GAZETTE_SNAPSHOT are paths, the same while what they name changes: the build must be keyed by
 * GAZETTE_CORPUS_REVISION (npm run build and npm start set it), and it must be what the path holds while the
 * corpus is read (checked before and after), else the cache would keep this build under another revision.
 */
export async function checkCorpusRevision(env: SiteEnv): Promise<void> {
  if (!cachedByTurbo(env)) return;
  const actual = await corpusRevision({ db: env.GAZETTE_DB, snapshot: env.GAZETTE_SNAPSHOT });
  if (actual === env.GAZETTE_CORPUS_REVISION) return;
  if (actual === undefined)
    throw new Error(
      'GAZETTE_CORPUS_REVISION is set but neither GAZETTE_DB nor GAZETTE_SNAPSHOT is: unset it.',
    );
  const what = env.GAZETTE_DB ? `the store ${env.GAZETTE_DB}` : `the snapshot ${env.GAZETTE_SNAPSHOT}`;
  throw new Error(
    env.GAZETTE_CORPUS_REVISION
      ? `${what} changed while the site was built (it is now ${actual}); build again.`
      : `turbo would cache this build under the path of ${what}, not what it holds: build with "npm run build" or "npm start", which key it by the corpus's revision.`,
  );
}

/** turbo keeps dist/ only: a build written elsewhere would be a cache hit that writes nothing there. */
export function checkOutDir(env: SiteEnv): void {
  if (cachedByTurbo(env) && env.GAZETTE_SITE_OUT)
    throw new Error(
      `GAZETTE_SITE_OUT is not kept by turbo's cache (only apps/site/dist is): build into it with "npx astro build" in apps/site (or "gazette watch --site DIR"), not through turbo.`,
    );
}
