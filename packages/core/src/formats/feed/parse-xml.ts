import { GazetteError } from '../../errors/gazette-error';

/** A parsed XML element: names keep their prefix ("dc:creator"), as feeds are read by name. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export const XML_LIMITS = { maxChars: 20_000_000, maxDepth: 64, maxElements: 200_000 };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references. Any other entity is left as written:
 * no DTD is read, so nothing expands (no billion laughs, no external entities).
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return PREDEFINED[ref] ?? whole;
  });
}

function fail(where: string, message: string, offset: number): never {
  throw new GazetteError(
    'INVALID_FEED',
    `The ${where} is not well-formed XML: ${message} (at character ${offset}).`,
    {
      where,
      offset,
    },
  );
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Reads `name="value"` pairs in one pass (no regex: attributes come from untrusted feeds). */
function readAttributes(text: string, into: Record<string, string>): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text[i])) i++;
    const start = i;
    while (i < n && !isSpace(text[i]) && text[i] !== '=') i++;
    const name = text.slice(start, i);
    while (i < n && isSpace(text[i])) i++;
    if (text[i] !== '=') {
      if (i === start) i++;
      continue;
    }
    i++;
    while (i < n && isSpace(text[i])) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = text.indexOf(quote, i + 1);
    if (end === -1) return;
    if (name) into[name] = decodeEntities(text.slice(i + 1, end));
    i = end + 1;
  }
}

/** Where a declaration (<!DOCTYPE ...>, perhaps with an internal subset [...]) ends: skipped, never processed. */
function skipDeclaration(xml: string, lt: number, where: string): number {
  const n = xml.length;
  let j = lt + 2;
  let bracket = 0;
  for (; j < n; j++) {
    const c = xml[j];
    if (c === '[') bracket++;
    else if (c === ']') bracket--;
    else if (c === '>' && bracket <= 0) break;
  }
  if (j >= n) fail(where, 'a declaration is never closed', lt);
  return j + 1;
}

/** Closes the open element a closing tag names (it must be the innermost); returns where the tag ends. */
function closeElement(xml: string, lt: number, stack: XmlElement[], where: string): number {
  const end = xml.indexOf('>', lt);
  if (end === -1) fail(where, 'a closing tag is never finished', lt);
  const name = xml.slice(lt + 2, end).trim();
  if (stack.length <= 1) fail(where, `</${name}> closes nothing`, lt);
  const open = stack.pop()!;
  if (open.name !== name) fail(where, `</${name}> closes <${open.name}>`, lt);
  return end + 1;
}

/** The elements read so far: the open ones (the root first) and how many in all. */
interface XmlState {
  stack: XmlElement[];
  count: number;
}

/**
 * Reads a start tag (attributes with quotes respected) into a child of the innermost open element, opened
 * unless self-closing, within the element and depth bounds; returns where the tag ends.
 */
function openElement(xml: string, lt: number, state: XmlState, where: string): number {
  const n = xml.length;
  let j = lt + 1;
  let quote = '';
  for (; j < n; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  if (j >= n) fail(where, 'a tag is never closed', lt);
  let inner = xml.slice(lt + 1, j);
  const selfClosing = inner.endsWith('/');
  if (selfClosing) inner = inner.slice(0, -1);
  const nameMatch = /^[^\s/>]+/.exec(inner);
  if (!nameMatch) fail(where, 'a tag has no name', lt);
  const el: XmlElement = { name: nameMatch[0], attrs: {}, children: [], text: '' };
  readAttributes(inner.slice(nameMatch[0].length), el.attrs);
  if (++state.count > XML_LIMITS.maxElements)
    fail(where, `more than ${XML_LIMITS.maxElements.toLocaleString('en')} elements`, lt);
  state.stack[state.stack.length - 1]!.children.push(el);
  if (!selfClosing) {
    if (state.stack.length > XML_LIMITS.maxDepth)
      fail(where, `elements nest deeper than ${XML_LIMITS.maxDepth}`, lt);
    state.stack.push(el);
  }
  return j + 1;
}

/**
 * A small, safe XML reader for feeds: elements, attributes, text and CDATA. DOCTYPE declarations are
 * skipped unread (no DTD processing), depth, size and element count are bounded, and malformed input
 * raises a GazetteError with the offset.
 */
export function parseXml(xml: string, where = 'feed'): XmlElement {
  if (xml.length > XML_LIMITS.maxChars)
    throw new GazetteError(
      'INPUT_TOO_LARGE',
      `The ${where} is ${xml.length.toLocaleString('en')} characters; a feed may be at most ${XML_LIMITS.maxChars.toLocaleString('en')}.`,
      { where },
    );
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const state: XmlState = { stack: [root], count: 0 };
  const { stack } = state;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt === -1) {
      top.text += decodeEntities(xml.slice(i));
      break;
    }
    if (lt > i) top.text += decodeEntities(xml.slice(i, lt));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) fail(where, 'a comment is never closed', lt);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) fail(where, 'a CDATA section is never closed', lt);
      top.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) fail(where, 'a processing instruction is never closed', lt);
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) i = skipDeclaration(xml, lt, where);
    else if (xml[lt + 1] === '/') i = closeElement(xml, lt, stack, where);
    else i = openElement(xml, lt, state, where);
  }
  if (stack.length > 1) fail(where, `<${stack[stack.length - 1]!.name}> is never closed`, n);
  const doc = root.children[0];
  if (!doc || root.children.length > 1) fail(where, 'it must have exactly one root element', 0);
  return doc;
}

/** The first child element with one of these names. */
export function child(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  if (!el) return undefined;
  for (const name of names) {
    const found = el.children.find((c) => c.name === name);
    if (found) return found;
  }
  return undefined;
}

export function childText(el: XmlElement | undefined, ...names: string[]): string | undefined {
  const t = child(el, ...names)?.text.trim();
  return t || undefined;
}
