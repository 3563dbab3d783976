import { compareNewestKey } from '../../corpus/components/compare-articles';
import type { EntitySummary } from '../../query-schema/query-result-schema';
import { type EntityPart, entityParts, firstLiveDoc, partDocs } from './entity-parts';
import { aliasOrder, cachedReader, type Read } from './alias-order';
import type { Segment, SegmentsState } from './segments-state';

/** Every live entity's summary, as a corpus built at once from the live articles sums it up. */
export interface MergedEntities {
  list: readonly EntitySummary[];
  byId: ReadonlyMap<string, EntitySummary>;
}

const merged = new WeakMap<SegmentsState, MergedEntities>();

/**
 * The merged aliases when the parts' lists tell them without reading articles: each list is in order of
 * first appearance, so if every list is a prefix of the longest, that list is the merged order. Only a
 * clean part's list (or an empty one) is sure to hold only live aliases.
 */
function listedAliases(parts: readonly EntityPart[]): string[] | undefined {
  if (parts.some((p) => !p.clean && p.summary.aliases.length)) return undefined;
  const lists = parts.map((p) => p.summary.aliases);
  const longest = lists.reduce((a, b) => (b.length > a.length ? b : a));
  return lists.every((l) => l.every((alias, i) => alias === longest[i])) ? [...longest] : undefined;
}

/**
 * An entity's summary over its parts: named (with type and country) by the first live article holding
 * it, counts summed, aliases in order of first appearance: what the index build gives (entity-columns.ts).
 */
function mergeParts(
  state: SegmentsState,
  id: string,
  parts: readonly EntityPart[],
  read: Read,
): EntitySummary {
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only?.clean) return only.summary;
  const key = (p: EntityPart, d: number) => state.segments[p.s]!.state.dates.key(d);
  const firsts = parts.map((p) => firstLiveDoc(state, p)!);
  let h = 0;
  for (let k = 1; k < parts.length; k++)
    if (compareNewestKey(key(parts[k]!, firsts[k]!), key(parts[h]!, firsts[h]!)) < 0) h = k;
  const head = parts[h]!;
  // The summary was named by the segment's first document holding it: read the first live one otherwise.
  const first =
    firsts[h] === partDocs(state, head)[0]
      ? head.summary
      : read(head.s, firsts[h]!).entities.find((e) => e.id === id)!;
  const s: EntitySummary = {
    id,
    name: first.name,
    type: first.type as EntitySummary['type'],
    aliases: listedAliases(parts) ?? aliasOrder(state, id, parts, read),
    articleCount: parts.reduce((n, p) => n + p.articleCount, 0),
    mentionCount: parts.reduce((n, p) => n + p.mentionCount, 0),
  };
  // Place fields as the build adds them: from the entity's first variant, when it has them.
  if (first.countryCode) s.countryCode = first.countryCode;
  if (first.coordinates) s.coordinates = { lat: first.coordinates.lat, lon: first.coordinates.lon };
  return s;
}

/** Each entity's last merged summary, by its first part's segment, with the segments of all its parts. */
type Carried = Map<string, { of: Segment[]; summary: EntitySummary }>;
const lastMerged = new WeakMap<Segment, Carried>();

/**
 * An entity's merged summary as the last state made it when its parts lie in the same segments (a
 * segment is reused while its dead documents stay the same: segments-state.ts), so a commit that leaves
 * an entity's segments as they were does not read its articles again (aliasOrder reads articles).
 */
function carriedParts(state: SegmentsState, id: string, parts: readonly EntityPart[], read: Read) {
  const of = parts.map((p) => state.segments[p.s]!);
  const known: Carried = lastMerged.get(of[0]!) ?? new Map();
  lastMerged.set(of[0]!, known);
  const last = known.get(id);
  if (last && last.of.length === of.length && last.of.every((seg, i) => seg === of[i])) return last.summary;
  const summary = mergeParts(state, id, parts, read);
  known.set(id, { of, summary });
  return summary;
}

/** The live entities' summaries, merged once per state (on first use) and shared by every query. */
export function mergedEntities(state: SegmentsState): MergedEntities {
  let m = merged.get(state);
  if (!m) {
    const byId = new Map<string, EntitySummary>();
    const read = cachedReader(state);
    for (const [id, parts] of entityParts(state))
      byId.set(
        id,
        parts.length === 1 && parts[0]!.clean ? parts[0]!.summary : carriedParts(state, id, parts, read),
      );
    m = { list: [...byId.values()], byId };
    merged.set(state, m);
  }
  return m;
}
