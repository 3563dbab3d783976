import { ArticleRecords } from '../records/article-records';
import type { EntityValues } from '../records/entity-heads';
import type { FacetName } from '../../model/facet-name-schema';
import { checksum32 } from '../../binary/checksum';
import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { PositionLists } from '../../search/index/position-lists';
import { PostingLists } from '../../search/index/posting-lists';
import { WordPairs } from '../../search/index/word-pairs';
import { COMMON } from '../../search/index/common-impacts';
import type { FacetColumn, SearchIndex, StoredTexts } from '../../search/index/search-index';
import { type Section, SectionReader } from './snapshot-sections';
import { StringColumn } from '../../binary/string-column';
import { BlockCheck, blockChecksums, CHECK_BLOCK, TEXT_CHECK_BLOCK } from '../../binary/block-check';
import { WordCodedTexts } from '../../binary/word-coded-texts';
import { fromSteps, isOffsets, risingFromSteps, storedAsSteps, toSteps } from './stepped-sections';

// A snapshot is the corpus's typed arrays laid end to end behind a small JSON header, so loading one
// is making views on the bytes: nothing is parsed or decoded until a query reads it (but the offset
// sections, stored as steps and added up at load: stepped-sections.ts). Every byte is
// checked before it is used: at load the header and each section against their checksums, the padding
// for zeros, the length exactly, and a damaged snapshot is refused whole. The stored content (texts,
// article records, entity summaries: most of the file, and few of its bytes read by any one query)
// carries a checksum per block besides, checked at load, and its blocks are checked when a read first
// reaches them: a cold start does not pay for bytes it never reads, and no answer is made from damaged ones.
//
//   "GAZETTE" VERSION (one byte) | u32 header length | u32 header checksum | header JSON | zeros to 8
//   | sections, each 8-aligned, one after the other, zeros between
//
// Numbers are little-endian (every platform Gazette runs on).

const VERSION = 18;
const MAGIC = [0x47, 0x41, 0x5a, 0x45, 0x54, 0x54, 0x45, VERSION]; // "GAZETTE" + format
const PREFIX = 16;
const TYPES = { u8: Uint8Array, u32: Uint32Array } as const;
type SectionType = keyof typeof TYPES;
/** name, type, byte offset, element count, checksum of its bytes */
type SectionEntry = [string, SectionType, number, number, number];

interface Header {
  format: 'gazette-snapshot';
  version: typeof VERSION;
  n: number;
  facets: FacetName[];
  sections: SectionEntry[];
}

export interface CorpusParts {
  ix: SearchIndex;
  articles: ArticleRecords;
}

const align8 = (x: number) => (x + 7) & ~7;

/** The snapshot format of bytes that start like a Gazette snapshot, else undefined. */
export function binarySnapshotFormat(bytes: Uint8Array): number | undefined {
  return bytes.length >= 12 && MAGIC.slice(0, 7).every((b, i) => bytes[i] === b) ? bytes[7] : undefined;
}

export const SNAPSHOT_FORMAT = MAGIC[7]!;

export function isBinarySnapshot(bytes: Uint8Array): boolean {
  return binarySnapshotFormat(bytes) === SNAPSHOT_FORMAT;
}

/** The texts as a snapshot stores them: word-coded (a built index holds them as UTF-8, coded here). */
function wordCoded(texts: StoredTexts): WordCodedTexts {
  if (texts instanceof WordCodedTexts) return texts;
  if (texts instanceof StringColumn) return WordCodedTexts.encode(texts);
  return WordCodedTexts.from(Array.from({ length: texts.length }, (_, i) => texts.at(i)));
}

function sectionsOf(p: CorpusParts): Array<[string, Section]> {
  const { ix, articles } = p;
  const out: Array<[string, Section]> = [];
  const strings = (name: string, c: StringColumn) => {
    out.push([`${name}.bytes`, c.bytes], [`${name}.off`, c.off]);
  };
  const column = (name: string, c: FacetColumn) => {
    strings(`${name}.values`, c.values);
    out.push([`${name}.off`, c.off], [`${name}.val`, c.val]);
  };
  strings('ids', ix.ids);
  strings('slugs', ix.slugs);
  strings('titles', ix.titles);
  strings('dates', ix.dates);
  out.push(['oldestRank', ix.oldestRank]);
  strings('terms', ix.terms);
  out.push(['postings.termOff', ix.postings.termOff]);
  out.push(['postings.byteOff', ix.postings.byteOff], ['postings.bytes', ix.postings.bytes]);
  out.push(['postings.common', ix.postings.common]);
  if (ix.postings.outsideTexts) out.push(['postings.outsideTexts', ix.postings.outsideTexts]);
  out.push(['positions.byteOff', ix.positions.byteOff], ['positions.bytes', ix.positions.bytes]);
  if (ix.pairs) {
    const { keys, postings } = ix.pairs;
    out.push(['pairs.keys', keys], ['pairs.termOff', postings.termOff]);
    out.push(['pairs.byteOff', postings.byteOff], ['pairs.bytes', postings.bytes]);
  }
  strings('surface', ix.surface);
  out.push(['surfaceTerm', ix.surfaceTerm]);
  for (const [name, c] of Object.entries(ix.facets)) column(`facet.${name}`, c);
  column('entities', ix.entities);
  strings('entityKeys', ix.entityKeys);
  strings('entitySummaries', ix.entitySummaries);
  out.push(
    ['quoteCounts', ix.quoteCounts],
    ['statementCounts', ix.statementCounts],
    ['flags', new Uint8Array([ix.entityIdsDistinct ? 1 : 0])],
  );
  const texts = wordCoded(ix.texts);
  strings('texts.vocab', texts.vocab);
  out.push(['texts.bytes', texts.bytes], ['texts.off', texts.off]);
  out.push(['textOff', ix.textOff], ['textIds', ix.textIds], ['textField', ix.textField]);
  out.push(['articles.off', articles.off], ['articles.bytes', articles.bytes]);
  out.push(['articles.headOff', articles.headOff], ['articles.headBytes', articles.headBytes]);
  strings('articles.strings', articles.strings);
  out.push(['articles.valueHeadOff', articles.valueHeadOff]);
  // The records find entity heads through each document's entity ids: the index's entities column, or
  // (should the two ever differ) their own list.
  if (!sameValues(articles.values, ix.entities)) {
    strings('articles.values.ids', articles.values.values);
    out.push(['articles.values.off', articles.values.off], ['articles.values.val', articles.values.val]);
  }
  return out;
}

const sameArray = (x: Uint8Array | Uint32Array, y: Uint8Array | Uint32Array) =>
  x === y || (x.length === y.length && x.every((v, i) => v === y[i]));
const sameValues = (x: EntityValues, y: EntityValues) =>
  sameArray(x.off, y.off) &&
  sameArray(x.val, y.val) &&
  sameArray(x.values.off, y.values.off) &&
  sameArray(x.values.bytes, y.values.bytes);

/**
 * Sections checked a block at a time when first read (each followed by `<name>.blocks`, its block
 * checksums), with their bytes per block.
 */
const LAZY = new Map([
  ['texts.bytes', TEXT_CHECK_BLOCK],
  ['entitySummaries.bytes', CHECK_BLOCK],
  ['articles.bytes', CHECK_BLOCK],
  ['articles.headBytes', CHECK_BLOCK],
  ['articles.strings.bytes', CHECK_BLOCK],
]);
const BLOCKS = '.blocks';

export function encodeSnapshot(p: CorpusParts): Uint8Array {
  const parts = sectionsOf(p).flatMap(
    ([name, a]): Array<[string, Section]> =>
      storedAsSteps(name) && a instanceof Uint32Array
        ? [[name, toSteps(a)]]
        : LAZY.has(name) && a instanceof Uint8Array
          ? [
              [name, a],
              [name + BLOCKS, blockChecksums(a, LAZY.get(name))],
            ]
          : [[name, a]],
  );
  const entries: SectionEntry[] = [];
  let at = 0;
  for (const [name, a] of parts) {
    const raw = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    entries.push([name, a instanceof Uint32Array ? 'u32' : 'u8', at, a.length, checksum32(raw)]);
    at = align8(at + a.byteLength);
  }
  const header: Header = {
    format: 'gazette-snapshot',
    version: VERSION,
    n: p.ix.n,
    facets: Object.keys(p.ix.facets) as FacetName[],
    sections: entries,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const base = align8(PREFIX + json.length);
  const out = new Uint8Array(base + at);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  new DataView(out.buffer).setUint32(12, checksum32(json), true);
  out.set(json, PREFIX);
  parts.forEach(([, a], i) => {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), base + entries[i]![2]);
  });
  return out;
}

const damaged = damagedSnapshot;

const isZero = (b: Uint8Array, from: number, to: number) => {
  for (let i = from; i < to; i++) if (b[i] !== 0) return false;
  return true;
};

/** The header, checked against its checksum, and where it ends. */
function readHeader(bytes: Uint8Array): { header: Header; end: number } {
  if (bytes.length < PREFIX) throw damaged('header');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const len = view.getUint32(8, true);
  if (PREFIX + len > bytes.length) throw damaged('header');
  const json = bytes.subarray(PREFIX, PREFIX + len);
  if (checksum32(json) !== view.getUint32(12, true)) throw damaged('header checksum');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(json)) as Header;
  } catch {
    throw damaged('header');
  }
  if (header?.format !== 'gazette-snapshot' || header.version !== VERSION || !Array.isArray(header.sections))
    throw damaged('header');
  return { header, end: PREFIX + len };
}

interface DecodeOptions {
  checkAll: boolean;
  /** The bytes are the corpus's own: sections stored as steps are added up in place. */
  adopt: boolean;
}

/**
 * Views on the sections, each checked against its checksum (but those with block checksums, checked as
 * they are read); the sections must follow one another as written, with zeros between them, up to the
 * last byte: no byte of the file goes unchecked.
 */
function readSections(
  bytes: Uint8Array,
  header: Header,
  headerEnd: number,
  options: DecodeOptions,
): { sections: Map<string, Section>; rising: Set<Section> } {
  const { checkAll, adopt } = options;
  const base = align8(headerEnd);
  if (base > bytes.length || !isZero(bytes, headerEnd, base)) throw damaged('header');
  let at = base;
  const map = new Map<string, Section>();
  const rising = new Set<Section>();
  const names = new Set(header.sections.map((e) => (Array.isArray(e) ? e[0] : undefined)));
  for (const e of header.sections) {
    if (!Array.isArray(e) || e.length !== 5) throw damaged('section table');
    const [name, type, offset, count, sum] = e;
    const ArrayType = Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
    if (!ArrayType || offset !== at - base || !Number.isInteger(count) || count < 0)
      throw damaged(`section ${name}`);
    const end = at + count * ArrayType.BYTES_PER_ELEMENT;
    if (end > bytes.length) throw damaged(`section ${name}`);
    const lazy = !checkAll && LAZY.has(name) && names.has(name + BLOCKS);
    if (!lazy && checksum32(bytes.subarray(at, end)) !== sum) throw damaged(`section ${name} checksum`);
    if (!isZero(bytes, end, Math.min(align8(end), bytes.length))) throw damaged(`after section ${name}`);
    const view = new ArrayType(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, count);
    map.set(
      name,
      view instanceof Uint32Array && storedAsSteps(name) ? added(name, view, rising, adopt) : view,
    );
    at = align8(end);
  }
  if (at !== bytes.length) throw damaged('length');
  return { sections: map, rising };
}

/**
 * A section stored as steps, added back up (in its own bytes when the snapshot's bytes are adopted);
 * offsets join `rising` (they rise: not checked again).
 */
function added(name: string, steps: Uint32Array, rising: Set<Section>, adopt: boolean): Uint32Array {
  const out = adopt ? steps : new Uint32Array(steps.length);
  if (!isOffsets(name)) return fromSteps(steps, out);
  const offsets = risingFromSteps(steps, out);
  if (offsets === undefined) throw damaged(`section ${name}`);
  rising.add(offsets);
  return offsets;
}

/**
 * Reads a snapshot into views on its bytes. Every byte is checked (checksums: the stored content's
 * blocks when first read, the rest now) and the structure (offsets, references) too; the lists
 * themselves are decoded on use. `checkAll` checks every byte now, for a caller that can still do
 * something else with a damaged snapshot (rebuild a cache) but not once it has been served from.
 */
export function decodeSnapshot(input: Uint8Array, checkAll = false, adopt = false): CorpusParts {
  if (!isBinarySnapshot(input)) throw damaged('header');
  // Typed views need aligned offsets: a buffer from a pool may start anywhere (its copy is ours to adopt).
  const aligned = input.byteOffset % 8 === 0;
  const bytes = aligned ? input : input.slice();
  const { header, end } = readHeader(bytes);
  const { sections, rising } = readSections(bytes, header, end, { checkAll, adopt: adopt || !aligned });
  const n = header.n;
  if (!Number.isInteger(n) || n < 0) throw damaged('header');
  const read = new SectionReader(sections, n, checkAll ? new Map() : blockChecks(sections), rising);
  const ix = readIndex(read, n, header.facets);
  return { ix, articles: readArticles(read, n, ix.entities) };
}

/** The block checks of the sections that have block checksums (sections the loader left unchecked). */
function blockChecks(sections: Map<string, Section>): Map<string, BlockCheck> {
  const checks = new Map<string, BlockCheck>();
  for (const [name, size] of LAZY) {
    const bytes = sections.get(name);
    const sums = sections.get(name + BLOCKS);
    if (sums === undefined) continue;
    if (!(bytes instanceof Uint8Array) || !(sums instanceof Uint32Array)) throw damaged(`section ${name}`);
    checks.set(name, new BlockCheck(bytes, sums, name, size));
  }
  return checks;
}

function readIndex(read: SectionReader, n: number, facetNames: readonly FacetName[]): SearchIndex {
  const terms = read.strings('terms');
  const termCount = terms.length;
  const termOff = read.u32('postings.termOff', termCount + 1);
  const postBytes = read.u8('postings.bytes');
  const posBytes = read.u8('positions.bytes');
  const textBytes = read.u8('texts.bytes');
  const texts = new WordCodedTexts(
    read.strings('texts.vocab'),
    textBytes,
    read.offsets('texts.off', undefined, textBytes.length),
    read.blockCheck('texts.bytes'),
  );
  const textIds = read.ids('textIds', texts.length);
  const surface = read.strings('surface');
  const surfaceTerm = read.ids('surfaceTerm', termCount, surface.length);
  const oldestRank = read.u32('oldestRank', n);
  const facets = {} as Record<FacetName, FacetColumn>;
  for (const name of facetNames) facets[name] = read.column(`facet.${name}`);
  const entities = read.column('entities');
  const ix: SearchIndex = {
    n,
    ids: read.strings('ids', n),
    slugs: read.strings('slugs', n),
    titles: read.strings('titles', n),
    dates: read.strings('dates', n),
    oldestRank,
    terms,
    postings: new PostingLists(
      read.offsets('postings.termOff', termCount + 1, termOff[termCount] ?? 0),
      read.offsets('postings.byteOff', termCount + 1, postBytes.length),
      postBytes,
      n,
      read.u8('postings.common', COMMON * n),
      read.has('postings.outsideTexts') ? read.u8('postings.outsideTexts', (termCount + 7) >> 3) : undefined,
    ),
    positions: new PositionLists(
      read.offsets('positions.byteOff', termCount + 1, posBytes.length),
      posBytes,
      texts.length,
    ),
    ...(read.has('pairs.keys') ? { pairs: readPairs(read, n, termCount) } : {}),
    surface,
    surfaceTerm,
    facets,
    entities,
    entityKeys: read.strings('entityKeys', entities.values.length),
    entitySummaries: read.strings('entitySummaries', entities.values.length),
    entityIdsDistinct: read.u8('flags')[0] === 1,
    quoteCounts: read.u32('quoteCounts', n),
    statementCounts: read.u32('statementCounts', n),
    texts,
    textOff: read.offsets('textOff', n + 1, textIds.length),
    textIds,
    textField: read.u8('textField'),
  };
  if (ix.textField.length !== textIds.length) throw damaged('section textField');
  return ix;
}

/**
 * The word pairs (a snapshot made before them has none: its phrases are checked by positions alone). Their
 * keys must be terms of the dictionary, in order: a pair is found by a binary search.
 */
function readPairs(read: SectionReader, n: number, termCount: number): WordPairs {
  const keys = read.ids('pairs.keys', termCount);
  const count = keys.length >> 1;
  for (let i = 1; i < count; i++) {
    const a = keys[2 * i - 2]!;
    const b = keys[2 * i]!;
    if (a > b || (a === b && keys[2 * i - 1]! >= keys[2 * i + 1]!)) throw damaged('section pairs.keys');
  }
  if (keys.length % 2 !== 0) throw damaged('section pairs.keys');
  const termOff = read.u32('pairs.termOff', count + 1);
  const bytes = read.u8('pairs.bytes');
  const postings = new PostingLists(
    read.offsets('pairs.termOff', count + 1, termOff[count] ?? 0),
    read.offsets('pairs.byteOff', count + 1, bytes.length),
    bytes,
    n,
    new Uint8Array(0),
  );
  return new WordPairs(keys, postings);
}

function readArticles(read: SectionReader, n: number, entities: EntityValues): ArticleRecords {
  const articleBytes = read.u8('articles.bytes');
  const headBytes = read.u8('articles.headBytes');
  const headOff = read.offsets('articles.headOff', undefined, headBytes.length);
  let values = entities;
  if (read.has('articles.values.val')) {
    const ids = read.strings('articles.values.ids');
    const val = read.ids('articles.values.val', ids.length);
    values = { values: ids, off: read.offsets('articles.values.off', n + 1, val.length), val };
  }
  return new ArticleRecords(
    read.offsets('articles.off', n + 1, articleBytes.length),
    articleBytes,
    {
      headOff,
      headBytes,
      valueHeadOff: read.offsets('articles.valueHeadOff', undefined, headOff.length - 1),
      values,
    },
    read.strings('articles.strings'),
    { bytes: read.blockCheck('articles.bytes'), headBytes: read.blockCheck('articles.headBytes') },
  );
}
