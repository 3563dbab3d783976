import type { ArticleFilters, FacetName, Facets } from '@gazette/core/query';
import { useEffect, useState } from 'react';
import type { GazetteSource } from '../source/gazette-source';

/**
 * How long typing must pause before the facets of the query are counted. Counting reads every match (all
 * 100,000 articles for a one-letter prefix), so it is kept off the keystroke: the results come first, and
 * the facets of a word still being typed are never counted.
 */
export const FACETS_PAUSE_MS = 150;

export interface SearchFacets {
  facets: Facets;
  /** The facets are those of the query on screen (false while typing, when the last ones are kept). */
  current: boolean;
  error: string | undefined;
}

/**
 * The facets of a search (`q` already read as the core reads it while typing), asked once the query has
 * not changed for FACETS_PAUSE_MS; no query, no facets. `generation` rises on a refresh (R).
 */
export function useSearchFacets(
  source: GazetteSource,
  query: { q: string; filters: ArticleFilters } | undefined,
  names: readonly FacetName[],
  limit: number,
  generation: number,
): SearchFacets {
  const key = query ? JSON.stringify([query.q, query.filters, generation]) : '';
  const [state, setState] = useState<{ key: string; facets: Facets; error?: string }>({
    key: '',
    facets: {},
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the query, its filters and the generation
  useEffect(() => {
    if (!query) {
      setState({ key: '', facets: {} });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      source.facets({ q: query.q, filters: query.filters, facets: [...names], limit }).then(
        (facets) => live && setState({ key, facets }),
        (e: Error) => live && setState({ key, facets: {}, error: e.message }),
      );
    }, FACETS_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source, key, limit]);
  return { facets: state.facets, current: state.key === key, error: state.error };
}
