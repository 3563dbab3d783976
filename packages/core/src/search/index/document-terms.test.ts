import { describe, expect, it } from 'vitest';
import { DocumentTerms, FIELDS, MAX_DOCUMENT_TERMS } from './document-terms';

const BODY = 2;

/** Each entry of the built documents as [term, document, counts per field]. */
function entriesOf(terms: DocumentTerms): Array<[number, number, number[]]> {
  const out: Array<[number, number, number[]]> = [];
  let d = 0;
  for (let i = 0; i < terms.entryTerm.length; i++) {
    while (i >= terms.docEnd[d]!) d++;
    const counts = Array.from({ length: FIELDS }, (_, f) => terms.entryCounts[f]!.array[i]!);
    out.push([terms.entryTerm.array[i]!, d, counts]);
  }
  return out;
}

describe('DocumentTerms (the index builder counting each document’s terms)', () => {
  it('counts words per field, skips stop words, saturates at 255 and adds keywords once', () => {
    const terms = new DocumentTerms(2);
    terms.startDocument(0);
    terms.count(Int32Array.from([5, -1, 5, 7]), 0, 4, 0);
    terms.count(Int32Array.from(Array(300).fill(7)), 0, 300, BODY);
    terms.endDocument([9, 9, 5]);
    terms.startDocument(1);
    terms.count([7], 0, 1, BODY);
    terms.endDocument([]);
    expect(entriesOf(terms)).toEqual([
      [5, 0, [2, 0, 0, 0, 0]],
      [7, 0, [1, 0, 255, 0, 0]],
      [9, 0, [0, 0, 0, 0, 0]],
      [7, 1, [0, 0, 1, 0, 0]],
    ]);
    expect(Array.from(terms.fieldLength.subarray(0, FIELDS))).toEqual([3, 0, 300, 0, 0]);
  });

  it('drops the new terms of a document past MAX_DOCUMENT_TERMS without counting them as another term', () => {
    // Before: a dropped term's repeats were counted in whatever row it last had (row 0 when never seen),
    // so the document's first term gained the dropped term's occurrences.
    const terms = new DocumentTerms(1);
    terms.startDocument(0);
    const distinct = Int32Array.from({ length: MAX_DOCUMENT_TERMS }, (_, t) => t);
    terms.count(distinct, 0, distinct.length, BODY);
    const dropped = MAX_DOCUMENT_TERMS + 10;
    terms.count(Int32Array.from([dropped, dropped, dropped]), 0, 3, BODY);
    terms.endDocument([]);
    const entries = entriesOf(terms);
    expect(entries).toHaveLength(MAX_DOCUMENT_TERMS);
    expect(entries[0]).toEqual([0, 0, [0, 0, 1, 0, 0]]);
    expect(entries.some(([t]) => t === dropped)).toBe(false);
  });
});
