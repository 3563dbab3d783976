// turbo keys a task by the values of the environment variables turbo.json lists, and GAZETTE_DB (or
// GAZETTE_SNAPSHOT) is a path: the same while the store it names gains articles. So before turbo runs,
// GAZETTE_CORPUS_REVISION is set to what that path holds now (the core's corpusRevision: the store's
// identity and revision, or the snapshot's SHA-256), and the site's build is keyed by it: a store that
// changed is built again, an unchanged one is served from the cache. The site's build refuses to run under
// turbo without it (apps/site/src/lib/turbo-cache-guard.ts), so no cache entry is ever keyed by the path alone.

/**
 * The environment for turbo: `env` with GAZETTE_CORPUS_REVISION set (or removed, for the built-in corpus).
 * The core is built first (a turbo cache hit when it has not changed), so its Node entry is current.
 */
export async function withCorpusRevision(env, buildCore) {
  const source = { db: env.GAZETTE_DB || undefined, snapshot: env.GAZETTE_SNAPSHOT || undefined };
  const { GAZETTE_CORPUS_REVISION: _stale, ...rest } = env;
  if (!source.db && !source.snapshot) return rest;
  if ((await buildCore()) !== 0) throw new Error('the core could not be built (npm run build says why)');
  const { corpusRevision } = await import('@gazette/core/node/query');
  return { ...rest, GAZETTE_CORPUS_REVISION: await corpusRevision(source) };
}
