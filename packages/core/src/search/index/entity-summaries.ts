import { damagedSnapshot } from '../../binary/damaged-snapshot';
import type { StringColumn } from '../../binary/string-column';

/** An entity across the corpus, as the query functions give it (EntitySummarySchema). */
export interface StoredSummary {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  articleCount: number;
  mentionCount: number;
  countryCode?: string;
  coordinates?: { lat: number; lon: number };
}

/** Entity types by their number in a packed summary (a type not listed is stored as its name). */
const TYPES = ['person', 'organization', 'place', 'other'];

/**
 * A summary as stored: a JSON array without field names or id (the id is the entities column's value it
 * sits beside): [name, type, aliases, articleCount, mentionCount, countryCode or 0, lat, lon], the last
 * three only when the entity has them, and 0 for an alias that is the name (most entities list their
 * name among their aliases). Field names, ids and repeated names were three quarters of the bytes.
 */
export function packSummary(s: StoredSummary): string {
  const [head, tail] = packSummaryParts(s);
  return `${head},${s.articleCount},${s.mentionCount}${tail}`;
}

/** packSummary's text before its counts and after them (counts change while an index is built). */
export function packSummaryParts(s: StoredSummary): [string, string] {
  const type = TYPES.indexOf(s.type);
  const aliases = s.aliases.map((alias) => (alias === s.name ? 0 : alias));
  const head = JSON.stringify([s.name, type < 0 ? s.type : type, aliases]).slice(0, -1);
  const tail: unknown[] = [];
  if (s.countryCode !== undefined || s.coordinates !== undefined) tail.push(s.countryCode ?? 0);
  if (s.coordinates) tail.push(s.coordinates.lat, s.coordinates.lon);
  return [head, tail.length ? `,${JSON.stringify(tail).slice(1)}` : ']'];
}

/** The summary of entity `id` from its packed form, fields in the order the query functions give them. */
export function unpackSummary(id: string, packed: string): StoredSummary {
  const x = JSON.parse(packed) as unknown[];
  if (!Array.isArray(x) || x.length < 5 || typeof x[0] !== 'string' || !Array.isArray(x[2]))
    throw damagedSnapshot('entity summary');
  const [name, type, aliases, articleCount, mentionCount, countryCode, lat, lon] = x;
  const s: StoredSummary = {
    id,
    name,
    type: typeof type === 'number' ? (TYPES[type] ?? '') : String(type),
    aliases: (aliases as Array<string | 0>).map((alias) => (alias === 0 ? name : alias)),
    articleCount: articleCount as number,
    mentionCount: mentionCount as number,
  };
  if (typeof countryCode === 'string') s.countryCode = countryCode;
  if (typeof lat === 'number' && typeof lon === 'number') s.coordinates = { lat, lon };
  return s;
}

/** A packed summary that may hold a country code: it ends with a string, or a string and two numbers. */
const MAY_HAVE_COUNTRY = /"(,[^,\]]+,[^,\]]+)?\]$/;

/** The country code of a packed summary, or undefined (only those that may hold one are parsed). */
export function summaryCountry(packed: string): string | undefined {
  if (!MAY_HAVE_COUNTRY.test(packed)) return undefined;
  const x = JSON.parse(packed) as unknown[];
  return typeof x[5] === 'string' ? x[5] : undefined;
}

/** Summary v of an index's entities (`values`: the entities column's ids; `summaries`: packed). */
export const entitySummaryAt = (values: StringColumn, summaries: StringColumn, v: number): StoredSummary =>
  unpackSummary(values.at(v), summaries.at(v));
