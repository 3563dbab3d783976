import type { ArticleFilters } from '../../query-schema/query-params-schema';
import type { Segment } from './segments-state';

/** Which of a segment's documents are live and pass the filters; undefined when every one does. */
export function liveMask(seg: Segment, filters: ArticleFilters | undefined): Uint8Array | undefined {
  const filtered = filters && Object.values(filters).some((v) => v !== undefined);
  const passing = filtered ? seg.state.engine.filterMask(filters) : undefined;
  if (!seg.dead) return passing;
  const mask = new Uint8Array(seg.dead.length);
  for (let d = 0; d < mask.length; d++) mask[d] = !seg.dead[d] && (!passing || passing[d]) ? 1 : 0;
  return mask;
}
