import type { ArticleMeta } from '../model/article-meta-schema';
import type { Block } from '../model/block-schema';
import { type Dateline, splitDateline } from '../metadata/dateline';
import { type HeadMeta, MAX_HEAD_LINES, readHeadLines } from '../metadata/head-lines';

/** A story's body without the lines that repeat its metadata, and what those lines said. */
export interface LiftedHead {
  body: Block[];
  head: HeadMeta;
  dateline?: Dateline;
}

/**
 * Fills the fields the metadata lacks from what the story's head lines said (a caller's or the page's
 * own metadata wins), recording where each came from.
 */
export function fillFromHead(meta: ArticleMeta, fields: Record<string, string>, head: HeadMeta): ArticleMeta {
  const out = { ...meta };
  for (const key of ['byline', 'publishedAt', 'updatedAt'] as const) {
    const value = head[key];
    if (value === undefined || out[key] !== undefined) continue;
    (out as Record<string, unknown>)[key] = value;
    fields[key] = key === 'byline' ? 'text:byline-line' : 'text:date-line';
  }
  return out;
}

/**
 * Lifts the byline and date lines at the head of a body ("By Anna de Vries", "Updated 6 March 2024",
 * maybe after a heading such as a standfirst) and the dateline that opens the first paragraph
 * ("LONDON (Reuters) -": the rest of the paragraph stays). They are metadata, never story text.
 */
export function liftHead(body: readonly Block[], now?: string): LiftedHead {
  // Only the head is read (readHeadLines looks at MAX_HEAD_LINES lines): a long body costs nothing more.
  const texts = (from: number) =>
    body
      .slice(from, from + MAX_HEAD_LINES)
      .map((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.text : ''));
  let start = 0;
  let lines = readHeadLines(texts(0), now);
  if (lines.count === 0 && body[0]?.kind === 'heading') {
    start = 1;
    lines = readHeadLines(texts(1), now);
  }
  const out = [...body.slice(0, start), ...body.slice(start + lines.count)];
  // A body that is nothing but a byline keeps it: an article holds some text.
  if (out.length === 0) return { body: [...body], head: {} };
  const lifted: LiftedHead = { body: out, head: lines.meta };
  // The dateline opens the story: its first paragraph, within the first blocks.
  const first = out.findIndex((b) => b.kind === 'paragraph');
  if (first < 0 || first > start + 1) return lifted;
  const split = splitDateline(out[first]!.text);
  if (!split?.rest.trim()) return lifted;
  out[first] = { ...out[first]!, text: split.rest };
  lifted.dateline = split.dateline;
  return lifted;
}
