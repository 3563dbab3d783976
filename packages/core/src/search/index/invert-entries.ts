import { CommonImpacts } from './common-impacts';
import { BODY, type DocumentTerms, ENTITY_NAMES, FIELDS, QUOTES, STANDFIRST, TITLE } from './document-terms';
import { PostingLists } from './posting-lists';
import { bucketHeads, bucketOf, bucketScratch, rankBuckets, rankOf, sortBucket } from './rank-buckets';
import { byRank, countEach } from './rank-offsets';
import { FIELD_B, FIELD_PIVOT, FIELD_WEIGHT, K1, KEYWORD_IMPACT } from './ranking-weights';

/**
 * The postings: the entries sorted by term rank (documents stay in order within a term; by buckets, see
 * rank-buckets.ts), each with its BM25F impact, the field counts' saturation scaled to a byte (by fixed
 * pivot lengths: a document's impacts depend on it alone, whatever index or segment holds it). Each
 * document's common impacts are counted on the way (keyword matches left out: their lists store no
 * impacts).
 */
export function invertEntries(entries: DocumentTerms, rank: Uint32Array, documents: number): PostingLists {
  const entryTerm = entries.entryTerm.array;
  const entryCount = entries.entryTerm.length;
  const termOff = byRank(countEach(entryTerm, entryCount, rank.length), rank);
  const buckets = rankBuckets(termOff, rank);
  const code = buckets.code;
  const next = bucketHeads(buckets);
  const postDoc = new Uint32Array(entryCount);
  const postImpact = new Uint8Array(entryCount);
  /** Each posting's term, as its rank within its bucket. */
  const local = new Uint16Array(entryCount);
  // Each field's counts by name: read through an array of the five arrays, field by field in a loop,
  // the impacts took half again as long. (The five: FIELDS is the literal 5, or this stops compiling.)
  const five: 5 = FIELDS;
  if (entries.entryCounts.length !== five) throw new Error('one count array per field expected');
  const [title, standfirst, body, quotes, names] = entries.entryCounts.map((c) => c.array) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  // Each field's length normalisation in the current document, worked out once per document.
  const norm = new Float64Array(FIELDS);
  const common = new CommonImpacts(documents);
  // One bit a term: `rank` maps every term id to its rank.
  const outside = new Uint8Array((rank.length + 7) >> 3);
  let d = -1;
  for (let i = 0; i < entryCount; i++) {
    if (d < 0 || i >= entries.docEnd[d]!) {
      if (d >= 0) common.end(d);
      do d++;
      while (i >= entries.docEnd[d]!);
      for (let f = 0; f < FIELDS; f++)
        norm[f] = 1 - FIELD_B[f]! + (FIELD_B[f]! * entries.fieldLength[d * FIELDS + f]!) / FIELD_PIVOT[f]!;
    }
    const c = code[entryTerm[i]!]!;
    const at = next[bucketOf(c)]!++;
    postDoc[at] = d;
    local[at] = c & 0xffff;
    const inTitle = title[i]!;
    const inStandfirst = standfirst[i]!;
    const inBody = body[i]!;
    // Counts in the texts' fields are the stored texts' words (countText): none there, none in a text.
    if (inTitle + inStandfirst + inBody === 0) {
      const r = rankOf(buckets, c);
      outside[r >> 3]! |= 1 << (r & 7);
    }
    // Summed in field order, as the impacts have always been (a zero adds nothing, exactly).
    const s =
      fieldScore(inTitle, TITLE, norm) +
      fieldScore(inStandfirst, STANDFIRST, norm) +
      fieldScore(inBody, BODY, norm) +
      fieldScore(quotes[i]!, QUOTES, norm) +
      fieldScore(names[i]!, ENTITY_NAMES, norm);
    if (s === 0) postImpact[at] = KEYWORD_IMPACT;
    else {
      const impact = Math.max(1, Math.round((255 * s) / (K1 + s)));
      postImpact[at] = impact;
      common.count(impact);
    }
  }
  if (d >= 0) common.end(d);
  const scratch = bucketScratch(buckets, postImpact);
  for (let b = 0; b < next.length; b++) sortBucket(buckets, b, local, postDoc, postImpact, scratch);
  return PostingLists.encode(termOff, postDoc, postImpact, documents, common.table, outside);
}

/** Field f's part of a BM25F score: its weight times its count x, over the document's norm for it. */
const fieldScore = (x: number, f: number, norm: Float64Array) =>
  x === 0 ? 0 : (FIELD_WEIGHT[f]! * x) / norm[f]!;
