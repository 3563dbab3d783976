import type { Article } from '../../model/article-schema';
import { compareNewestKey } from '../../corpus/components/compare-articles';
import {
  type CoEntity,
  coOccurringFromArticles,
  topCoOccurring,
  withPlace,
} from '../../corpus/components/co-occurring';
import { gallop } from '../../search/index/gallop';
import { partDocs } from './entity-parts';
import { mergeDocs } from './merge-docs';
import { isLive, type SegmentDoc, type SegmentsState } from './segments-state';

/** An entity's value in one segment's entity column. */
export type EntityValue = { s: number; v: number };

const distinct = new WeakMap<SegmentsState, boolean>();

/**
 * Does no live article repeat an entity id (what a corpus built at once records as entityIdsDistinct)?
 * A segment whose index says so needs no reading; another's live articles are read, once per state.
 */
function liveIdsDistinct(state: SegmentsState): boolean {
  let known = distinct.get(state);
  if (known === undefined) {
    known = state.segments.every((seg, s) => {
      if (seg.state.index.entityIdsDistinct) return true;
      for (let d = 0; d < seg.state.index.n; d++) {
        if (!isLive(state, s, d)) continue;
        const ids = seg.state.article(d).entities.map((e) => e.id);
        if (new Set(ids).size !== ids.length) return false;
      }
      return true;
    });
    distinct.set(state, known);
  }
  return known;
}

/** The first live document of segment s in both lists (ascending). */
function firstCommonLive(
  state: SegmentsState,
  s: number,
  a: Uint32Array,
  b: Uint32Array,
): number | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i = gallop(a, i, b[j]!);
    else if (a[i]! > b[j]!) j = gallop(b, j, a[i]!);
    else if (isLive(state, s, a[i]!)) return a[i]!;
    else i++;
  }
  return undefined;
}

/** Each co-occurring entity named as in the first live article (date order) holding both it and `values`' entity. */
function nameFromFirstArticle(state: SegmentsState, values: readonly EntityValue[], c: CoEntity): void {
  let best: SegmentDoc | undefined;
  let bestKey: [string, string] | undefined;
  for (const x of values) {
    const p = state.segments[x.s]!.state.engine.postings();
    const v = p.byId.get(c.id);
    if (v === undefined) continue;
    const d = firstCommonLive(state, x.s, partDocs(state, x), partDocs(state, { s: x.s, v }));
    if (d === undefined) continue;
    const key = state.segments[x.s]!.state.dates.key(d);
    if (!bestKey || compareNewestKey(key, bestKey) < 0) [best, bestKey] = [{ s: x.s, d }, key];
  }
  const e = state.segments[best!.s]!.state.article(best!.d).entities.find((x) => x.id === c.id)!;
  c.name = e.name;
  c.type = e.type;
  withPlace(c, e);
}

/** Counts of the entities beside this one, over each segment's live documents holding it. */
function countBeside(state: SegmentsState, values: readonly EntityValue[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const x of values) {
    const ents = state.segments[x.s]!.state.index.entities;
    const local = new Uint32Array(ents.values.length);
    const seen: number[] = [];
    for (const d of partDocs(state, x)) {
      if (!isLive(state, x.s, d)) continue;
      for (let j = ents.off[d]!; j < ents.off[d + 1]!; j++) {
        const v = ents.val[j]!;
        if (v !== x.v && local[v]!++ === 0) seen.push(v);
      }
    }
    for (const v of seen) {
      const id = ents.values.at(v);
      counts.set(id, (counts.get(id) ?? 0) + local[v]!);
    }
  }
  return counts;
}

/**
 * The k entities most often beside entity `id` (its values in the segments), counted as a corpus built at
 * once counts them: from the entity columns when no live article repeats an id, else from the articles.
 */
export function liveCoOccurring(
  state: SegmentsState,
  id: string,
  values: readonly EntityValue[],
  k: number,
): CoEntity[] {
  if (!liveIdsDistinct(state)) {
    const runs = values.map((x) => ({ s: x.s, docs: partDocs(state, x), from: 0 }));
    const articles: Article[] = [];
    for (const { s, d } of mergeDocs(state, runs, compareNewestKey))
      articles.push(state.segments[s]!.state.article(d));
    return coOccurringFromArticles(articles, id, k);
  }
  const counts = countBeside(state, values);
  const ranked = topCoOccurring(
    Array.from(counts, ([other, count]) => ({ id: other, name: '', type: '', count })),
    k,
  );
  for (const c of ranked) nameFromFirstArticle(state, values, c);
  return ranked;
}
