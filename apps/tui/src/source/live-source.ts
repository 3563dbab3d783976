import type { LiveCorpus } from '@gazette/core/node';
import type { GazetteSource } from './gazette-source';
import { type LiveFeed, liveFeed } from './live-feed';
import { localSource } from './local-source';

/** A live corpus as a source: every read asks its corpus as of now, and the feed tells what changed. */
export function liveLocalSource(
  live: LiveCorpus,
  label: string,
  feed: LiveFeed = liveFeed(live),
): GazetteSource {
  const now = () => localSource(live.corpus(), label);
  return {
    label,
    list: (params) => now().list(params),
    search: (params) => now().search(params),
    facets: (params) => now().facets(params),
    get: (idOrSlug) => now().get(idOrSlug),
    related: (idOrSlug) => now().related(idOrSlug),
    entities: (params) => now().entities(params),
    quotes: (params) => now().quotes(params),
    live: feed,
  };
}
