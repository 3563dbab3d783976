import type { InputFormat } from '../model/provenance-schema';

const BY_EXTENSION: Record<string, InputFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
};

/** The text from the first element on, past an XML declaration, comments, processing instructions and a non-HTML doctype. */
function firstElement(head: string): string {
  let at = 0;
  for (;;) {
    while (at < head.length && /\s/.test(head[at]!)) at++;
    const rest = head.slice(at, at + 16).toLowerCase();
    let end = -1;
    if (rest.startsWith('<?')) end = head.indexOf('?>', at) + 2;
    else if (rest.startsWith('<!--')) end = head.indexOf('-->', at) + 3;
    else if (rest.startsWith('<!doctype') && !/^<!doctype\s+html\b/.test(rest)) {
      const bracket = head.indexOf('[', at);
      const close = head.indexOf('>', at);
      end = bracket !== -1 && bracket < close ? head.indexOf('>', head.indexOf(']', bracket)) + 1 : close + 1;
    } else return head.slice(at);
    if (end <= at) return head.slice(at);
    at = end;
  }
}

/**
 * Tells the format of an input from its content first (what it is beats what it is called), then its
 * name's extension, then plain text.
 */
export function detectFormat(content: string, name?: string): InputFormat {
  const head = content
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
  const root = firstElement(head);
  if (/^<(?:rss|feed|rdf:RDF)\b/i.test(root)) return 'feed';
  if (/^(?:<!doctype html|<html\b|<head\b|<body\b|<article\b|<meta\b|<title\b)/i.test(root)) return 'html';
  if (/^\{[\s\S]*"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head)) return 'feed';
  if (head.startsWith('{') || head.startsWith('[')) {
    const lines = head.split('\n').filter((l) => l.trim());
    return lines.length > 1 && lines.every((l) => l.trim().startsWith('{')) ? 'ndjson' : 'json';
  }
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  return 'text';
}
