import type { Article } from '../../model/article-schema';
import type { Entity } from '../../model/entity-schema';
import { gallop } from '../../search/index/gallop';
import type { EntityPostings } from '../../search/index/entity-postings';
import type { SearchIndex } from '../../search/index/search-index';

export type CoEntity = {
  id: string;
  name: string;
  type: string;
  count: number;
  countryCode?: string;
  coordinates?: { lat: number; lon: number };
};

/** The entity's place fields, when it has them: where a face can draw it on a map. */
export function withPlace(c: CoEntity, e: Entity): CoEntity {
  if (e.countryCode) c.countryCode = e.countryCode;
  if (e.coordinates) c.coordinates = { lat: e.coordinates.lat, lon: e.coordinates.lon };
  return c;
}

/** The k most frequent, ties by id: a bounded insertion instead of sorting them all. */
export function topCoOccurring(all: Iterable<CoEntity>, k: number): CoEntity[] {
  const before = (x: CoEntity, y: CoEntity) => x.count > y.count || (x.count === y.count && x.id < y.id);
  const top: CoEntity[] = [];
  for (const c of all) {
    if (top.length === k && !before(c, top[k - 1]!)) continue;
    let i = top.length;
    while (i > 0 && before(c, top[i - 1]!)) i--;
    top.splice(i, 0, c);
    if (top.length > k) top.length = k;
  }
  return top;
}

/** Counted over the articles' entity lists (any article may repeat an id: each mention counts). */
export function coOccurringFromArticles(articles: readonly Article[], id: string, k: number): CoEntity[] {
  const counts = new Map<string, CoEntity>();
  for (const a of articles) {
    for (const e of a.entities) {
      if (e.id === id) continue;
      const c = counts.get(e.id);
      if (c) c.count++;
      else counts.set(e.id, withPlace({ id: e.id, name: e.name, type: e.type, count: 1 }, e));
    }
  }
  return topCoOccurring(counts.values(), k);
}

/**
 * The same from the index's entity column (ids distinct per article, so only exact when no article
 * repeats an id): typed counts instead of a string map. Each entity is named as in the first article
 * (corpus order) holding both, like the article walk does.
 */
export function coOccurringFromIndex(
  ix: SearchIndex,
  p: EntityPostings,
  id: string,
  k: number,
  articleAt: (doc: number) => Article,
): CoEntity[] {
  const self = p.byId.get(id);
  if (self === undefined) return [];
  const ents = ix.entities;
  const counts = new Uint32Array(ents.values.length);
  const seen: number[] = [];
  const docs = p.docs.subarray(p.off[self]!, p.off[self + 1]!);
  for (const d of docs) {
    for (let j = ents.off[d]!; j < ents.off[d + 1]!; j++) {
      const v = ents.val[j]!;
      if (v !== self && counts[v]!++ === 0) seen.push(v);
    }
  }
  const ranked = topCoOccurring(
    seen.map((v) => ({ id: ents.values.at(v), name: '', type: '', count: counts[v]! })),
    k,
  );
  for (const c of ranked) {
    const v = p.byId.get(c.id)!;
    const other = p.docs.subarray(p.off[v]!, p.off[v + 1]!);
    // First document of both lists (both ascending): the first article that holds both.
    let i = 0;
    let o = 0;
    while (i < docs.length && o < other.length && docs[i] !== other[o]) {
      if (docs[i]! < other[o]!) i = gallop(docs, i, other[o]!);
      else o = gallop(other, o, docs[i]!);
    }
    const e = articleAt(docs[i]!).entities.find((x) => x.id === c.id)!;
    c.name = e.name;
    c.type = e.type;
    withPlace(c, e);
  }
  return ranked;
}
