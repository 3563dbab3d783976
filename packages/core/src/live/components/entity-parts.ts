import type { EntitySummary } from '../../query-schema/query-result-schema';
import { isLive, type Segment, type SegmentsState } from './segments-state';

/** One segment's share of an entity: its summary there, less what the segment's dead documents gave it. */
export interface EntityPart {
  s: number;
  /** The entity's value in the segment's entity column. */
  v: number;
  summary: EntitySummary;
  articleCount: number;
  mentionCount: number;
  /** No dead document of the segment holds the entity: its summary is the live articles' own. */
  clean: boolean;
}

type Counts = { articleCount: number; mentionCount: number };

/** Each segment's dead documents' entity counts, once (a state reuses its unchanged segments: segments-state.ts). */
const counted = new WeakMap<Segment, Map<string, Counts>>();

/** What each segment's dead documents gave each entity, counted as the index build counts (entity-columns.ts). */
function deadCounts(state: SegmentsState, s: number): Map<string, Counts> | undefined {
  const seg = state.segments[s]!;
  if (!seg.dead) return undefined;
  const known = counted.get(seg);
  if (known) return known;
  const out = new Map<string, Counts>();
  counted.set(seg, out);
  for (let d = 0; d < seg.state.index.n; d++) {
    if (!seg.dead[d]) continue;
    for (const e of seg.state.article(d).entities) {
      const c = out.get(e.id) ?? { articleCount: 0, mentionCount: 0 };
      c.articleCount++;
      c.mentionCount += e.mentions.length + (e.demonymMentions?.length ?? 0);
      out.set(e.id, c);
    }
  }
  return out;
}

/** Every entity held by a live document, with its parts in each segment (oldest segment first). */
export function entityParts(state: SegmentsState): Map<string, EntityPart[]> {
  const parts = new Map<string, EntityPart[]>();
  state.segments.forEach((seg, s) => {
    const dead = deadCounts(state, s);
    seg.state.summaries().forEach((summary, v) => {
      const gone = dead?.get(summary.id);
      const articleCount = summary.articleCount - (gone?.articleCount ?? 0);
      // Every document holding the entity counted at least once: none left means no live one holds it.
      if (articleCount <= 0) return;
      const mentionCount = summary.mentionCount - (gone?.mentionCount ?? 0);
      const part = { s, v, summary, articleCount, mentionCount, clean: gone === undefined };
      const list = parts.get(summary.id);
      if (list) list.push(part);
      else parts.set(summary.id, [part]);
    });
  });
  return parts;
}

/** The documents of a part's segment that hold its entity (ascending: the segment's date order). */
export function partDocs(state: SegmentsState, p: Pick<EntityPart, 's' | 'v'>): Uint32Array {
  const postings = state.segments[p.s]!.state.engine.postings();
  return postings.docs.subarray(postings.off[p.v]!, postings.off[p.v + 1]!);
}

/** The first live document of a part's segment holding its entity (every part has one: see entityParts). */
export function firstLiveDoc(state: SegmentsState, p: EntityPart): number | undefined {
  for (const d of partDocs(state, p)) if (isLive(state, p.s, d)) return d;
  return undefined;
}
