import { TEXT_LIMITS } from '../../text/normalize-text';
import { readHeadLines } from '../../metadata/head-lines';
import { isSentence, looksLikeHeadline } from './classify-lines';

// Hard-wrapped text (press releases, emails, .txt exports, wire copy) breaks lines at a fixed width,
// typically 60-80 characters; a longer line means the text holds one paragraph per line.
const MAX_WRAP_WIDTH = 100;
// Lines that open a block of their own: Markdown-style headings, list items, quotations.
const MARKER_LINE = /^(?:#{1,6}\s|[-*•+]\s|\d{1,3}[.)]\s|>)/u;
// A line ending in these cannot end a paragraph: the sentence goes on in the next line.
const OPEN_END = /[,;\-–—(/&]$/u;
const WEAK_END =
  /\s(?:a|an|the|of|in|on|at|to|for|from|by|with|and|or|but|as|that|which|who|is|are|was|were|be|has|have|had|its|their|his|her|our|your|if|than|then|such|would|could|will|said)$/iu;
const LOWER_START = /^[\p{Ll}]/u;
const HYPHENATED_END = /\p{L}-$/u;
// At most 3 words, capital first, no sentence end: a line of a list written without markers.
const LIST_LINE = /^[\p{Lu}\p{N}][^\s.?!]*(?:\s[^\s.?!]+){0,2}$/u;

/** True when `next` goes on with the sentence `line` left open. */
function continues(line: string, next: string): boolean {
  if (isSentence(line) || MARKER_LINE.test(next)) return false;
  return OPEN_END.test(line) || WEAK_END.test(line) || LOWER_START.test(next);
}

/**
 * A run of lines that is one wrapped paragraph: it ends a sentence, some line inside it does not (else
 * each line is a paragraph of its own), and it is not a list of short items.
 */
function isWrappedParagraph(lines: readonly string[]): boolean {
  if (lines.length < 2 || !isSentence(lines[lines.length - 1]!)) return false;
  const inner = lines.slice(0, -1);
  return inner.some((l) => !isSentence(l)) && !inner.every((l) => LIST_LINE.test(l));
}

/** Appends `line` to `out`, joined to the last line when `join` (and the joined line stays in bounds). */
function push(out: string[], line: string, join: boolean): void {
  const last = out[out.length - 1];
  if (!join || last === undefined || last.length + line.length >= TEXT_LIMITS.maxLineChars) {
    out.push(line);
    return;
  }
  const glue = HYPHENATED_END.test(last) && LOWER_START.test(line) ? '' : ' ';
  out[out.length - 1] = last + glue + line;
}

export interface UnwrapOptions {
  /** When the text was fetched (ISO 8601), for reading date lines under the headline. */
  now?: string | undefined;
}

/** A line filled to the wrap width: the next line's first word did not fit on it. */
function isFull(line: string, next: string, width: number): boolean {
  return line.length + 1 + next.split(' ')[0]!.length > width;
}

/**
 * How many lines open the text as its head: a "# Headline", or a headline-shaped first line that the
 * next does not continue and that is not filled to the wrap width, then byline and date lines. They
 * stay lines of their own, for the title and metadata to be read.
 */
function headCount(block: readonly string[], width: number, options: UnwrapOptions): number {
  const [first, next] = block;
  const title =
    next !== undefined &&
    (/^#\s/u.test(first!) ||
      (looksLikeHeadline(first!) && !continues(first!, next) && !isFull(first!, next, width)));
  const count = title ? 1 : 0;
  return count + readHeadLines(block.slice(count), options.now).count;
}

/** The lines of one block (between blank lines), cut where a marker line opens a block of its own. */
function runsOf(block: readonly string[], head: number): string[][] {
  const runs: string[][] = [];
  for (const line of block.slice(head)) {
    const last = runs[runs.length - 1];
    // A heading line ("# Title") is a run of its own: the text under it is not part of it.
    if (!last || MARKER_LINE.test(line) || last[0]!.startsWith('#')) runs.push([line]);
    else last.push(line);
  }
  return [...block.slice(0, head).map((line) => [line]), ...runs];
}

/**
 * The text's paragraphs, one per line, from normalised text (lines trimmed, blank lines single).
 *
 * Anywhere, a line that leaves its sentence open (ending in a comma, a dash or a function word, or
 * followed by a line starting in lower case) is joined to the next. In hard-wrapped text (blank lines
 * between blocks, no line over 100 characters) a block that reads as a wrapped paragraph is joined
 * whole, so a continuation line is never taken for a teaser or a heading and a name broken at the wrap
 * ("Jeremy / Hunt") is whole again. Text with one paragraph per line comes back line for line.
 */
export function unwrapLines(text: string, options: UnwrapOptions = {}): string[] {
  const blocks = text
    .split('\n\n')
    .map((b) => b.split('\n').filter((l) => l.length > 0))
    .filter((b) => b.length > 0);
  // A loop, not Math.max(...lines): a spread of a million lines overflows the stack.
  let width = 0;
  for (const block of blocks) for (const line of block) width = Math.max(width, line.length);
  const wrapped = blocks.length > 1 && width <= MAX_WRAP_WIDTH;
  const out: string[] = [];
  for (const [n, block] of blocks.entries()) {
    for (const run of runsOf(block, n === 0 ? headCount(block, width, options) : 0)) {
      const whole = wrapped && isWrappedParagraph(run);
      for (const [i, line] of run.entries())
        push(out, line, i > 0 && (whole || continues(run[i - 1]!, line)));
    }
  }
  return out;
}
