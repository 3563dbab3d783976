import type { Article } from '../../model/article-schema';
import { compareNewestKey } from '../../corpus/components/compare-articles';
import { keywordTerms } from '../../search/analysis/keyword-terms';
import { gallop } from '../../search/index/gallop';
import { FIELD_KEY } from '../../search/index/search-index';
import { type EntityPart, partDocs } from './entity-parts';
import { isLive, type SegmentsState } from './segments-state';

/** Reads a segment's article (the merge of one state shares a bounded cache of them). */
export type Read = (s: number, d: number) => Article;

const CACHED = 4096;

/** A reader of the segments' articles that keeps the last few thousand read: entities share documents. */
export function cachedReader(state: SegmentsState): Read {
  const articles = new Map<string, Article>();
  return (s, d) => {
    const k = `${s}:${d}`;
    let a = articles.get(k);
    if (!a) {
      if (articles.size === CACHED) articles.clear();
      a = state.segments[s]!.state.article(d);
      articles.set(k, a);
    }
    return a;
  };
}

const gives = (a: Article, id: string, alias: string) =>
  a.entities.some((e) => e.id === id && e.aliases.includes(alias));

/**
 * The first live document of a part giving its entity this alias: only documents whose entity keywords
 * hold the alias's words are read (an entity's names and aliases are indexed so), each to check it is
 * this entity's alias there. An alias without words is looked for in every document of the part.
 */
function firstGiving(state: SegmentsState, id: string, p: EntityPart, alias: string, read: Read) {
  const docs = partDocs(state, p);
  const narrow = keywordTerms(FIELD_KEY.entity, alias).length
    ? state.segments[p.s]!.state.engine.fieldDocs('entity', alias)
    : docs;
  let i = 0;
  let j = 0;
  while (i < docs.length && j < narrow.length) {
    if (docs[i]! < narrow[j]!) i = gallop(docs, i, narrow[j]!);
    else if (docs[i]! > narrow[j]!) j = gallop(narrow, j, docs[i]!);
    else {
      const d = docs[i++]!;
      if (isLive(state, p.s, d) && gives(read(p.s, d), id, alias)) return d;
    }
  }
  return undefined;
}

/** Where an alias comes in its first document's aliases of the entity (in entity order). */
function rankIn(a: Article, id: string, alias: string): number {
  const seen: string[] = [];
  for (const e of a.entities) if (e.id === id) for (const x of e.aliases) if (!seen.includes(x)) seen.push(x);
  return seen.indexOf(alias);
}

/**
 * An entity's aliases in order of first appearance over its parts' live documents, found alias by alias
 * (each part's first live document giving it, by the keyword postings) rather than by reading every
 * document until all are seen: an alias only a dead document gave costs no reading where no live
 * document holds its words.
 */
export function aliasOrder(
  state: SegmentsState,
  id: string,
  parts: readonly EntityPart[],
  read: Read,
): string[] {
  const found: { alias: string; key: [string, string]; rank: number }[] = [];
  for (const alias of new Set(parts.flatMap((p) => p.summary.aliases))) {
    let best: { s: number; d: number; key: [string, string] } | undefined;
    for (const p of parts) {
      if (!p.summary.aliases.includes(alias)) continue;
      const d = firstGiving(state, id, p, alias, read);
      if (d === undefined) continue;
      const key = state.segments[p.s]!.state.dates.key(d);
      if (!best || compareNewestKey(key, best.key) < 0) best = { s: p.s, d, key };
    }
    if (best) found.push({ alias, key: best.key, rank: rankIn(read(best.s, best.d), id, alias) });
  }
  found.sort((a, b) => compareNewestKey(a.key, b.key) || a.rank - b.rank);
  return found.map((f) => f.alias);
}
