import type { ArticleFilters } from '../../query-schema/query-params-schema';
import { liveNamedIds } from './live-named-ids';
import { mergedEntities } from './merged-entities';
import type { SegmentsState } from './segments-state';

/**
 * The documents an entity or country filter keeps in each segment (1 by document number), decided as a
 * corpus built at once decides: the entities a live article names so, and those whose merged summary
 * has the country. A segment's own index would decide on its own articles (dead ones included) and its
 * own summaries. Undefined when neither filter is given.
 */
export function entityFilterDocs(
  state: SegmentsState,
  filters: ArticleFilters | undefined,
): ((s: number) => Uint8Array) | undefined {
  if (!filters?.entity && !filters?.country) return undefined;
  const sets: Set<string>[] = [];
  if (filters.entity) sets.push(liveNamedIds(state, filters.entity));
  if (filters.country) {
    const code = filters.country.toUpperCase();
    sets.push(new Set(mergedEntities(state).list.flatMap((e) => (e.countryCode === code ? [e.id] : []))));
  }
  return (s) => {
    const seg = state.segments[s]!.state;
    const p = seg.engine.postings();
    const marks = sets.map((ids) => {
      const mark = new Uint8Array(seg.index.n);
      for (const id of ids) {
        const v = p.byId.get(id);
        if (v !== undefined) for (let j = p.off[v]!; j < p.off[v + 1]!; j++) mark[p.docs[j]!] = 1;
      }
      return mark;
    });
    const both = marks[0]!;
    if (marks[1]) for (let d = 0; d < both.length; d++) both[d]! &= marks[1][d]!;
    return both;
  };
}
