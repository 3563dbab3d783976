// A SearchIndex sent between threads: its typed arrays travel (moved, or shared where a builder grew them
// over a shared buffer: see movable), the classes over them are made again by the thread that receives it.
import { StringColumn } from '../binary/string-column';
import { WordCodedTexts } from '../binary/word-coded-texts';
import type { FacetName } from '../model/facet-name-schema';
import type { IndexLists } from '../search/index/build-index';
import { PositionLists } from '../search/index/position-lists';
import { PostingLists } from '../search/index/posting-lists';
import { WordPairs } from '../search/index/word-pairs';
import type { FacetColumn, SearchIndex, StoredTexts } from '../search/index/search-index';

type PostingsMessage = Pick<
  PostingLists,
  'termOff' | 'byteOff' | 'bytes' | 'docCount' | 'common' | 'outsideTexts'
>;

/** The postings, positions and word pairs as posted: the fields their classes are made over. */
export interface ListsMessage {
  postings: PostingsMessage;
  positions: Pick<PositionLists, 'byteOff' | 'bytes' | 'textCount'>;
  pairs?: { keys: Uint32Array; postings: PostingsMessage };
}

/** The lists over their posted fields. */
export function listsFromMessage(m: ListsMessage): IndexLists {
  return { postings: postingsFromMessage(m.postings), ...positionsFromMessage(m) };
}

/** The fields a PostingLists is made over, to be posted. */
export const postingsMessage = (p: PostingLists): PostingsMessage => ({
  termOff: p.termOff,
  byteOff: p.byteOff,
  bytes: p.bytes,
  docCount: p.docCount,
  common: p.common,
  ...(p.outsideTexts ? { outsideTexts: p.outsideTexts } : {}),
});

export const postingsFromMessage = (p: PostingsMessage) =>
  new PostingLists(p.termOff, p.byteOff, p.bytes, p.docCount, p.common, p.outsideTexts);

/** The positions half (positions and word pairs) over its posted fields. */
export const positionsFromMessage = (m: Pick<ListsMessage, 'positions' | 'pairs'>) => {
  const q = m.positions;
  const positions = new PositionLists(q.byteOff, q.bytes, q.textCount);
  const pairs = m.pairs && new WordPairs(m.pairs.keys, postingsFromMessage(m.pairs.postings));
  return pairs ? { positions, pairs } : { positions };
};

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
