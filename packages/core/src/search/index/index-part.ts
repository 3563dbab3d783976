import type { FacetName } from '../../model/facet-name-schema';
import { analyseAll, type Builders, createBuilders } from './build-index';
import type { ColumnPart } from './column-builder';
import type { EntriesPart } from './document-terms';
import type { EntitiesPart } from './entity-columns';
import type { IndexedArticle } from './indexed-article';
import type { TextsPart } from './index-texts';
import type { StringColumn } from '../../binary/string-column';

/**
 * A range of documents analysed on their own (numbered from 0, terms by a dictionary of their own):
 * plain data and typed arrays, so a worker can build it and send it back. Appended in document order to
 * the builders of the documents before it, it gives the index a single pass over all of them would.
 */
export interface IndexPart {
  documents: number;
  /** The part's term ids are indexes into these (a column's arrays: posted, it loses its class). */
  terms: Pick<StringColumn, 'bytes' | 'off'>;
  /** Surface words (folded) with the part's term id of each. */
  surfaceWords: readonly string[];
  surfaceTerms: Int32Array;
  texts: TextsPart;
  entries: EntriesPart;
  facets: Record<FacetName, ColumnPart>;
  entities: EntitiesPart;
  quoteCounts: Uint32Array;
  statementCounts: Uint32Array;
}

/** Analyses articles on their own, as one part. */
export function analysePart(articles: readonly IndexedArticle[]): IndexPart {
  const b = createBuilders(articles.length);
  analyseAll(b, articles);
  return partOf(b, articles.length);
}

/**
 * The part builders hold once all of its `documents` were analysed into them (analyseAll), with
 * its texts from text `textsFrom` on (those before were sent on already).
 */
export function partOf(b: Builders, documents: number, textsFrom = 0): IndexPart {
  const surface = b.table.entries();
  return {
    documents,
    terms: b.terms.column(),
    surfaceWords: surface.map((e) => e[0]),
    surfaceTerms: Int32Array.from(surface, (e) => e[1]),
    texts: b.texts.part(textsFrom),
    entries: b.entries.part(),
    facets: b.facets.part(),
    entities: b.entities.part(),
    quoteCounts: b.quoteCounts,
    statementCounts: b.statementCounts,
  };
}

/**
 * Appends a part as documents firstDoc on (every document before it already analysed or appended).
 * `defer` leaves its entries and words to the lists' builder (b.deferred): once one part is deferred,
 * every later one must be.
 */
export function appendPart(b: Builders, p: IndexPart, firstDoc: number, defer = false): void {
  // A loop, not Int32Array.from: that reads the array through the iterator protocol.
  const { bytes, off } = p.terms;
  const terms = new Int32Array(off.length - 1);
  for (let t = 0; t < terms.length; t++) terms[t] = b.terms.idOfBytes(bytes, off[t]!, off[t + 1]!);
  for (let i = 0; i < p.surfaceWords.length; i++)
    b.table.adopt(p.surfaceWords[i]!, terms[p.surfaceTerms[i]!]!);
  if (defer) {
    const fresh = b.texts.appendTexts(p.texts, firstDoc);
    b.deferred.push({
      entries: p.entries,
      firstDoc,
      terms,
      fresh,
      words: p.texts.words,
      wordOff: p.texts.wordOff,
    });
  } else {
    b.texts.append(p.texts, firstDoc, terms);
    b.entries.append(p.entries, firstDoc, terms);
  }
  b.facets.append(p.facets, firstDoc);
  b.entities.append(p.entities, firstDoc);
  b.quoteCounts.set(p.quoteCounts, firstDoc);
  b.statementCounts.set(p.statementCounts, firstDoc);
}

/**
 * The typed arrays' buffers of a part, to transfer rather than copy (some may be shared: a message
 * moves only the others, see movable in node/index-worker-threads).
 */
export function partBuffers(p: IndexPart): ArrayBufferLike[] {
  const arrays = [
    p.terms.bytes,
    p.terms.off,
    p.surfaceTerms,
    ...Object.values(p.texts).filter(ArrayBuffer.isView),
    ...p.texts.texts.flatMap((t) => [t.bytes, t.off]),
    p.entries.entryTerm,
    ...p.entries.entryCounts,
    p.entries.docEnd,
    p.entries.fieldLength,
    ...Object.values(p.facets).flatMap((c) => [c.off, c.val]),
    p.entities.column.off,
    p.entities.column.val,
    p.entities.summaries.cut,
    p.entities.summaries.articleCount,
    p.entities.summaries.mentionCount,
    p.quoteCounts,
    p.statementCounts,
  ];
  return [...new Set(arrays.map((a) => a.buffer))];
}
