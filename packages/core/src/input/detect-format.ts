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

/**
 * Tells the format of an input from its content first (what it is beats what it is called), then its
 * name's extension, then plain text.
 */
export function detectFormat(content: string, name?: string): InputFormat {
  const head = content
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (
    /^<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head) ||
    /^<(?:rss|feed)\b/i.test(head)
  )
    return 'feed';
  if (/^(?:<!doctype html|<html\b|<head\b|<body\b|<article\b)/i.test(head)) return 'html';
  if (/^\{[\s\S]*"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head)) return 'feed';
  if (head.startsWith('{') || head.startsWith('[')) {
    const lines = head.split('\n').filter((l) => l.trim());
    return lines.length > 1 && lines.every((l) => l.trim().startsWith('{')) ? 'ndjson' : 'json';
  }
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  return 'text';
}
