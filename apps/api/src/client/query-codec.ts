import { z } from 'zod';

/**
 * The query-string form of the core's parameter schemas, derived from them field by field: one codec for
 * the API (which decodes) and the client (which encodes). Filters travel flat (`?source=BBC&after=2024`),
 * lists comma-separated (`facets=person,place`), numbers in decimal.
 */

/** How one field's value is written in a query string. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'list';

/** One query parameter: its name, where its value sits in the params object, and the core's schema for it. */
export interface QueryField {
  readonly name: string;
  readonly path: readonly string[];
  readonly kind: FieldKind;
  readonly schema: z.ZodType;
}

/** The schema under optional/default/nullable wrappers, which say nothing about how a value is written. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable)
    s = s.unwrap() as z.ZodType;
  return s;
}

function kindOf(schema: z.ZodType): FieldKind {
  const s = unwrapped(schema);
  if (s instanceof z.ZodNumber) return 'number';
  if (s instanceof z.ZodBoolean) return 'boolean';
  if (s instanceof z.ZodArray) return 'list';
  return 'string';
}

const cache = new WeakMap<z.ZodType, readonly QueryField[]>();

/** The query parameters of a params schema: its fields, with a nested object's fields (filters) brought up. */
export function queryFields(schema: z.ZodObject): readonly QueryField[] {
  const known = cache.get(schema);
  if (known) return known;
  const out: QueryField[] = [];
  for (const [name, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const inner = unwrapped(field);
    if (inner instanceof z.ZodObject)
      for (const [sub, subField] of Object.entries(inner.shape) as [string, z.ZodType][])
        out.push({ name: sub, path: [name, sub], kind: kindOf(subField), schema: subField });
    else out.push({ name, path: [name], kind: kindOf(field), schema: field });
  }
  const names = new Set(out.map((f) => f.name));
  if (names.size !== out.length) throw new Error('A params schema has two fields of one query name.');
  cache.set(schema, out);
  return out;
}

/** One value as written in a query string. */
export function encodeValue(kind: FieldKind, value: unknown): string {
  return kind === 'list' ? (value as unknown[]).join(',') : String(value);
}

/**
 * One value read from a query string. A number that is not one stays NaN, and a boolean other than `true`
 * or `false` stays text, for the schema to refuse with its own message; a list drops empty items and the
 * spaces around names.
 */
export function decodeValue(kind: FieldKind, text: string): unknown {
  if (kind === 'number') return Number(text);
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (kind === 'list')
    return text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return text;
}

function valueAt(params: object, path: readonly string[]): unknown {
  let v: unknown = params;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** The query string of a params object (fields left undefined are left out), in the schema's field order. */
export function encodeQuery(schema: z.ZodObject, params: object = {}): URLSearchParams {
  const query = new URLSearchParams();
  for (const field of queryFields(schema)) {
    const value = valueAt(params, field.path);
    if (value !== undefined) query.set(field.name, encodeValue(field.kind, value));
  }
  return query;
}

/**
 * The params object of flat query values already read field by field (`decodeValue`), filters nested again,
 * absent fields left out. Built in the schema's field order: one object however the URL was spelled.
 */
export function nestQuery(
  schema: z.ZodObject,
  flat: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of queryFields(schema)) {
    const value = flat[field.name];
    if (value === undefined) continue;
    const [head, sub] = field.path as [string, string?];
    if (sub === undefined) out[head] = value;
    else out[head] = { ...(out[head] as object | undefined), [sub]: value };
  }
  return out;
}

/** The params object of a query string (unvalidated: the core's schema checks it). Unknown names are ignored. */
export function decodeQuery(schema: z.ZodObject, query: URLSearchParams): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const field of queryFields(schema)) {
    const text = query.get(field.name);
    if (text !== null) flat[field.name] = decodeValue(field.kind, text);
  }
  return nestQuery(schema, flat);
}
