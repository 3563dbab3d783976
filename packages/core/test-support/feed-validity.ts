import { parseXml, type XmlElement } from '../src/formats/feed/parse-xml';

// A strict checker for the feeds Gazette writes, used by the core's, the API's and the site's tests: the
// elements RFC 4287 (Atom 1.0) requires, and the fields JSON Feed 1.1 requires. Each returns the
// problems found, in words, so a failing test says what a strict reader would refuse.

const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time, as RFC 4287 §3.3 requires (a date alone or a time without offset is refused). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const FORBIDDEN_CHARS = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

const isDate = (s: string | undefined) => !!s && RFC3339.test(s) && !Number.isNaN(Date.parse(s));
const all = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

function exactlyOne(el: XmlElement, name: string, where: string, problems: string[]): XmlElement | undefined {
  const found = all(el, name);
  if (found.length !== 1)
    problems.push(`${where} has ${found.length} <${name}> (RFC 4287 requires exactly one)`);
  return found[0];
}

function checkAuthors(el: XmlElement, where: string, problems: string[]): number {
  const authors = all(el, 'author');
  for (const a of authors)
    if (all(a, 'name').length !== 1 || !all(a, 'name')[0]!.text.trim())
      problems.push(`${where} has an <author> without exactly one non-empty <name> (§3.2)`);
  return authors.length;
}

function checkDate(el: XmlElement, name: string, where: string, problems: string[], required: boolean) {
  const found = required ? exactlyOne(el, name, where, problems) : all(el, name)[0];
  if (!required && all(el, name).length > 1) problems.push(`${where} has more than one <${name}>`);
  if (found && !isDate(found.text.trim()))
    problems.push(`${where} <${name}> "${found.text}" is not an RFC 3339 date-time (§3.3)`);
}

function checkEntry(entry: XmlElement, where: string, problems: string[]): void {
  const id = exactlyOne(entry, 'id', where, problems);
  if (id && !IRI.test(id.text.trim())) problems.push(`${where} <id> "${id.text}" is not an IRI (§4.2.6)`);
  exactlyOne(entry, 'title', where, problems);
  checkDate(entry, 'updated', where, problems, true);
  checkDate(entry, 'published', where, problems, false);
  const alternates = all(entry, 'link').filter((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
  if (!all(entry, 'content').length && alternates.length === 0)
    problems.push(`${where} has neither <content> nor a rel="alternate" <link> (§4.1.2)`);
  for (const l of all(entry, 'link')) if (!l.attrs.href) problems.push(`${where} has a <link> without href`);
}

/** What a strict Atom reader would refuse in this document (empty when it is valid Atom 1.0). */
export function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml')) problems.push('the document does not start with an XML declaration');
  if (FORBIDDEN_CHARS.test(xml)) problems.push('the document holds a character XML 1.0 forbids');
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(xml)) problems.push('a bare "&" is not XML');
  let feed: XmlElement;
  try {
    feed = parseXml(xml, 'Atom feed');
  } catch (error) {
    return [...problems, (error as Error).message];
  }
  if (feed.name !== 'feed' || feed.attrs.xmlns !== ATOM_NS)
    return [...problems, `the root is <${feed.name} xmlns="${feed.attrs.xmlns}">, not an Atom <feed>`];
  const id = exactlyOne(feed, 'id', 'the feed', problems);
  if (id && !IRI.test(id.text.trim())) problems.push(`the feed <id> "${id.text}" is not an IRI (§4.2.6)`);
  exactlyOne(feed, 'title', 'the feed', problems);
  checkDate(feed, 'updated', 'the feed', problems, true);
  if (!all(feed, 'link').some((l) => l.attrs.rel === 'self' && l.attrs.href))
    problems.push('the feed has no rel="self" <link> (§4.2.7.2: SHOULD)');
  const feedAuthors = checkAuthors(feed, 'the feed', problems);
  const entries = all(feed, 'entry');
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    checkEntry(entry, where, problems);
    if (checkAuthors(entry, where, problems) === 0 && feedAuthors === 0)
      problems.push(`${where} has no <author> and neither has the feed (§4.1.2)`);
    const entryId = all(entry, 'id')[0]?.text.trim();
    if (entryId && ids.has(entryId)) problems.push(`${where} repeats the id ${entryId}`);
    if (entryId) ids.add(entryId);
  });
  return problems;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isUrl = (v: unknown) => isString(v) && IRI.test(v);

function itemProblems(item: Record<string, unknown>, where: string): string[] {
  const problems: string[] = [];
  if (!isString(item.id) || !item.id) problems.push(`${where} has no id (a non-empty string)`);
  if (!isString(item.content_html) && !isString(item.content_text))
    problems.push(`${where} has neither content_html nor content_text`);
  for (const key of ['url', 'external_url', 'image', 'banner_image'])
    if (item[key] !== undefined && !isString(item[key])) problems.push(`${where} ${key} is not a string`);
  for (const key of ['date_published', 'date_modified'])
    if (item[key] !== undefined && !isDate(item[key] as string))
      problems.push(`${where} ${key} "${String(item[key])}" is not an RFC 3339 date-time`);
  if (item.authors !== undefined) problems.push(...authorsProblems(item.authors, where));
  if (item.tags !== undefined && !(Array.isArray(item.tags) && item.tags.every(isString)))
    problems.push(`${where} tags is not an array of strings`);
  return problems;
}

function authorsProblems(authors: unknown, where: string): string[] {
  if (!Array.isArray(authors) || authors.length === 0) return [`${where} authors is not a non-empty array`];
  return authors.some((a) => !a || !(isString(a.name) || isString(a.url) || isString(a.avatar)))
    ? [`${where} has an author with none of name, url, avatar`]
    : [];
}

/** What a strict JSON Feed 1.1 reader would refuse in this document (empty when it is valid). */
export function jsonFeedProblems(doc: unknown): string[] {
  if (!doc || typeof doc !== 'object') return ['the document is not a JSON object'];
  const feed = doc as Record<string, unknown>;
  const problems: string[] = [];
  if (feed.version !== 'https://jsonfeed.org/version/1.1')
    problems.push(`version is ${String(feed.version)}`);
  if (!isString(feed.title) || !feed.title) problems.push('title is missing');
  for (const key of ['home_page_url', 'feed_url'])
    if (feed[key] !== undefined && !isUrl(feed[key])) problems.push(`${key} is not a URL`);
  if (feed.authors !== undefined) problems.push(...authorsProblems(feed.authors, 'the feed'));
  if (!Array.isArray(feed.items)) return [...problems, 'items is not an array'];
  const ids = new Set<unknown>();
  feed.items.forEach((item, i) => {
    problems.push(...itemProblems(item as Record<string, unknown>, `item ${i + 1}`));
    if (ids.has(item.id)) problems.push(`item ${i + 1} repeats the id ${String(item.id)}`);
    ids.add(item.id);
  });
  return problems;
}
