// A SearchIndex sent between threads: its typed arrays travel (transferred), the classes over them are
// made again by the thread that receives it.
import { StringColumn } from '../binary/string-column';
import { WordCodedTexts } from '../binary/word-coded-texts';
import type { FacetName } from '../model/facet-name-schema';
import type { IndexLists } from '../search/index/build-index';
import { PositionLists } from '../search/index/position-lists';
import { PostingLists } from '../search/index/posting-lists';
import type { FacetColumn, SearchIndex, StoredTexts } from '../search/index/search-index';

/** The postings and positions as posted: the fields their classes are made over. */
export interface ListsMessage {
  postings: Pick<PostingLists, 'termOff' | 'byteOff' | 'bytes' | 'docCount' | 'common'>;
  positions: Pick<PositionLists, 'byteOff' | 'bytes' | 'textCount'>;
}

/** The postings and positions over their posted fields. */
export function listsFromMessage(m: ListsMessage): IndexLists {
  return { postings: postingsFromMessage(m.postings), positions: positionsFromMessage(m.positions) };
}

export const postingsFromMessage = (p: ListsMessage['postings']) =>
  new PostingLists(p.termOff, p.byteOff, p.bytes, p.docCount, p.common);

export const positionsFromMessage = (q: ListsMessage['positions']) =>
  new PositionLists(q.byteOff, q.bytes, q.textCount);

/** A class instance arrives as its fields, without its prototype. */
const strings = (c: Pick<StringColumn, 'bytes' | 'off'>) => new StringColumn(c.bytes, c.off);
const column = (c: FacetColumn): FacetColumn => ({ values: strings(c.values), off: c.off, val: c.val });

/** Stored texts as posted: a built index's string column, or a loaded snapshot's word-coded texts. */
function texts(t: StoredTexts): StoredTexts {
  const c = t as Partial<WordCodedTexts> & Pick<StringColumn, 'bytes' | 'off'>;
  return c.vocab ? new WordCodedTexts(strings(c.vocab), c.bytes, c.off) : strings(c);
}

/** The index over the fields of a SearchIndex posted by another thread. */
export function indexFromMessage(m: SearchIndex): SearchIndex {
  const facets = {} as Record<FacetName, FacetColumn>;
  for (const [name, c] of Object.entries(m.facets)) facets[name as FacetName] = column(c);
  return {
    ...m,
    ids: strings(m.ids),
    slugs: strings(m.slugs),
    titles: strings(m.titles),
    dates: strings(m.dates),
    terms: strings(m.terms),
    ...listsFromMessage(m),
    surface: strings(m.surface),
    facets,
    entities: column(m.entities),
    entityKeys: strings(m.entityKeys),
    entitySummaries: strings(m.entitySummaries),
    texts: texts(m.texts),
  };
}
