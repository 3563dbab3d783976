import { ColumnBuilder, type ColumnPart } from './column-builder';
import { fold } from '../analysis/fold';
import type { StoredSummary } from './entity-summaries';
import { type SummariesPart, SummaryTable } from './summary-table';
import type { IndexedEntity } from './indexed-article';
import type { KeywordTable } from './keyword-table';
import { FIELD_KEY, type SearchIndex } from './search-index';
import { StringColumn } from '../../binary/string-column';
import { GrowableArray } from '../../binary/growable-array';
import { EntityVariants } from './entity-variants';
import type { WordTable } from '../analysis/word-table';

type Entity = IndexedEntity;

/** Keyword key of an entity type for field qualifiers (person:, org:, place:). */
const ENTITY_KEY: Record<string, string | undefined> = {
  person: FIELD_KEY.person,
  organization: FIELD_KEY.org,
  place: FIELD_KEY.place,
};
/** Variants (name, type, aliases) remembered per entity id: past these, a variant is worked out each time. */
const MAX_VARIANTS = 32;

/**
 * Everything an entity adds to a document, worked out once per variant (name, type, aliases): names recur
 * across thousands of articles. Its ids lie in EntityColumns.ids: term ids of its name and aliases
 * (counted in the entity field) at [from, keysFrom), keyword terms (entity:, and person:, org: or place:
 * by type) at [keysFrom, to). One shared array, not two small arrays per variant: a news corpus has
 * hundreds of thousands of variants, and each small array is objects a worker's full collections trace.
 */
export interface EntityInfo {
  from: number;
  keysFrom: number;
  to: number;
  /** Its value id in the entities column. */
  value: number;
}

/** The entities of a range of documents (numbered from 0), to be appended to another's. */
export interface EntitiesPart {
  column: ColumnPart;
  keyOf: readonly string[];
  summaries: SummariesPart;
  occurrences: number;
}

/** Columns a typed entity also counts in, by entity type. */
export type TypeColumns = Record<'person' | 'organization' | 'place', ColumnBuilder>;

/** The entities column (entity ids by document), each entity's search keys and its summary across the corpus. */
export class EntityColumns {
  private readonly column: ColumnBuilder;
  private readonly keyOf: string[] = [];
  private readonly summaries = new SummaryTable();
  private occurrences = 0;
  /** The variants remembered, and each one's EntityInfo and value in its type's column (-1: none). */
  private readonly variants = new EntityVariants();
  private readonly variantIds = new GrowableArray(Int32Array, 1 << 12);
  private readonly typeValues = new GrowableArray(Int32Array, 1 << 10);
  /** What add gives: one object, rewritten by each add. */
  private readonly info: EntityInfo = { from: 0, keysFrom: 0, to: 0, value: 0 };
  private readonly pool = new GrowableArray(Int32Array, 1 << 12);
  /** Where the pool ends without the last variant added, when it was not remembered (its ids are spent). */
  private spent = -1;
  private readonly pushTerm = (t: number) => {
    if (t >= 0) this.pool.push(t);
  };

  constructor(
    documents: number,
    private readonly keywords: KeywordTable,
    private readonly typeColumns: TypeColumns,
    private readonly table: WordTable,
  ) {
    this.column = new ColumnBuilder(documents);
  }

  /** The variants' term ids and keyword terms (see EntityInfo); read it after each add, it may move. */
  get ids(): Int32Array {
    return this.pool.array;
  }

  /** Adds an entity of document d; what it adds to the document's terms (valid until the next add). */
  add(d: number, e: Entity): EntityInfo {
    if (this.spent >= 0) this.pool.length = this.spent;
    this.spent = -1;
    const value = this.column.id(e.id);
    const info = this.info;
    info.value = value;
    const v = this.variants.find(value, e);
    const typeColumn =
      e.type === 'person' || e.type === 'organization' || e.type === 'place'
        ? this.typeColumns[e.type]
        : undefined;
    let typeValue: number;
    if (v >= 0) {
      const ids = this.variantIds.array;
      info.from = ids[3 * v]!;
      info.keysFrom = ids[3 * v + 1]!;
      info.to = ids[3 * v + 2]!;
      typeValue = this.typeValues.array[v]!;
    } else typeValue = this.newVariant(value, e, typeColumn);
    this.column.add(d, value);
    typeColumn?.add(d, typeValue);
    // Every reference counts: a country the text only calls "French" is referred to, not mentioned 0 times.
    this.summaries.count(value, e.mentions.length + (e.demonymMentions?.length ?? 0));
    this.occurrences++;
    return info;
  }

  endDocument(d: number): void {
    this.column.end(d);
  }

  done(): Pick<SearchIndex, 'entities' | 'entityKeys' | 'entitySummaries' | 'entityIdsDistinct'> {
    const entities = this.column.done();
    return {
      entities,
      entityKeys: StringColumn.from(this.keyOf),
      entitySummaries: StringColumn.from(this.summaries.done()),
      entityIdsDistinct: this.occurrences === entities.val.length,
    };
  }

  part(): EntitiesPart {
    return {
      column: this.column.part(),
      keyOf: this.keyOf,
      summaries: this.summaries.part(),
      occurrences: this.occurrences,
    };
  }

  /**
   * Appends the entities of documents firstDoc on, built apart: a new entity keeps the part's summary
   * (its first variant named it), a known one adds the part's counts and the aliases it had not seen.
   */
  append(p: EntitiesPart, firstDoc: number): void {
    const ids = this.column.append(p.column, firstDoc);
    for (let v = 0; v < ids.length; v++) {
      const value = ids[v]!;
      // An entity new here takes the part's keys as they are (addKeys made them distinct there).
      if (this.keyOf[value] === undefined) this.keyOf[value] = p.keyOf[v]!;
      else this.addKeys(value, p.keyOf[v]!.split('\u0000'));
      this.summaries.append(p.summaries, v, value);
    }
    this.occurrences += p.occurrences;
  }

  /**
   * An entity is found by every name and alias any article gives it, not only those of the first article
   * the index meets (an alias seen later would find nothing).
   */
  private addKeys(value: number, keys: readonly string[]): void {
    for (const k of keys) this.addKey(value, k);
  }

  /**
   * Adds a key to an entity's keys (NUL-separated), unless it has it: looked for in the joined keys,
   * not split into an array and joined again for every new variant.
   */
  private addKey(value: number, key: string): void {
    const have = this.keyOf[value];
    if (have === undefined) this.keyOf[value] = key;
    // Joined, not concatenated: a concatenation is kept as a pair of strings (an object more per key,
    // on a heap that holds hundreds of thousands of entities); join makes one flat string.
    else if (!hasKey(have, key)) this.keyOf[value] = [have, key].join('\u0000');
  }

  /** Works out a variant not remembered (into this.info), and remembers it; its value in its type's column. */
  private newVariant(value: number, e: Entity, typeColumn: ColumnBuilder | undefined): number {
    this.addKey(value, fold(e.name));
    for (const alias of e.aliases) this.addKey(value, fold(alias));
    this.addToSummary(value, e);
    const info = this.info;
    info.from = this.pool.length;
    // Name and aliases read one by one, as words of one text (not joined into one first: a copy per variant).
    this.table.scan(e.name, this.pushTerm);
    for (const alias of e.aliases) this.table.scan(alias, this.pushTerm);
    info.keysFrom = this.pool.length;
    this.addKeysOf(e);
    info.to = this.pool.length;
    const typeValue = typeColumn ? typeColumn.id(e.name) : -1;
    this.remember(value, typeValue);
    return typeValue;
  }

  /**
   * Keeps the variant just worked out (the one variants.find looked for last) for its entity's next
   * references, up to MAX_VARIANTS of them.
   */
  private remember(value: number, typeValue: number): void {
    if (this.variants.count(value) >= MAX_VARIANTS) {
      this.spent = this.info.from;
      return;
    }
    this.variants.add(value);
    this.variantIds.push(this.info.from);
    this.variantIds.push(this.info.keysFrom);
    this.variantIds.push(this.info.to);
    this.typeValues.push(typeValue);
  }

  /** The summary of entity value id `value` (the first variant seen names it), with every alias seen. */
  private addToSummary(value: number, e: Entity): void {
    if (value === this.summaries.length) this.summaries.push(newSummary(e));
    else this.summaries.addAliases(value, e.aliases);
  }

  /**
   * Appends an entity's keyword terms to the pool. Each distinct name's words are read once for both
   * keys (an alias often repeats the name): a document's keyword terms are a set, so a repeated name
   * adds nothing. Repeats are found in the aliases themselves, not by a Set per entity.
   */
  private addKeysOf(e: Entity): void {
    const typeKey = ENTITY_KEY[e.type];
    const aliases = e.aliases;
    this.addKeysOfName(e.name, typeKey);
    for (let i = 0; i < aliases.length; i++) {
      const alias = aliases[i]!;
      if (alias !== e.name && aliases.indexOf(alias) === i) this.addKeysOfName(alias, typeKey);
    }
  }

  private addKeysOfName(name: string, typeKey: string | undefined): void {
    this.keywords.read(name);
    if (typeKey) this.keywords.addRead(typeKey, this.pool);
    this.keywords.addRead(FIELD_KEY.entity, this.pool);
  }
}

/** Whether NUL-separated keys hold `key` as one of them. */
export function hasKey(keys: string, key: string): boolean {
  const n = key.length;
  for (let at = keys.indexOf(key); at >= 0; at = at + 1 > keys.length ? -1 : keys.indexOf(key, at + 1)) {
    const end = at + n;
    if ((at === 0 || keys.charCodeAt(at - 1) === 0) && (end === keys.length || keys.charCodeAt(end) === 0))
      return true;
  }
  return false;
}

/**
 * A first summary, its aliases in an array of their own length (pushed one by one into an empty array,
 * a single alias would take room for 17: hundreds of thousands of entities on a worker's heap).
 */
function newSummary(e: Entity): StoredSummary {
  const unique = e.aliases.every((alias, i) => e.aliases.indexOf(alias) === i);
  const aliases = unique ? e.aliases.slice() : e.aliases.filter((alias, i) => e.aliases.indexOf(alias) === i);
  const s: StoredSummary = {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases,
    articleCount: 0,
    mentionCount: 0,
  };
  if (e.countryCode) s.countryCode = e.countryCode;
  if (e.coordinates) s.coordinates = { lat: e.coordinates.lat, lon: e.coordinates.lon };
  return s;
}
