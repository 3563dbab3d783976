import { isCopyrightLine } from './copyright-line';
import { normalizeDate } from './normalize-date';
import { relativeDate } from './relative-date';
import { splitAuthors, withoutLeadIn } from './split-authors';
import { isRoleNoun, isRoleQualifier } from './credit-words';
import { OPENS_AS_UPDATE } from './update-words';

/** What the lines above a story say about it: its authors and dates. */
export interface HeadMeta {
  byline?: string[];
  publishedAt?: string;
  updatedAt?: string;
}

/** The lines at the head of a story that are metadata (how many, from the first), and what they say. */
export interface HeadLines {
  count: number;
  meta: HeadMeta;
}

/** Only the first few lines of a story can be its byline or dates: past them, a line is text. */
export const MAX_HEAD_LINES = 4;
const MAX_LINE_CHARS = 160;
// Words a byline holds between names: particles of names, conjunctions, a dateline's "in".
const LINKS = new Set(
  'and & et und y e en och og de del della der den van von la le du da di dos das bin ibn al el ter of in avec with'.split(
    ' ',
  ),
);
const LABEL =
  /^(?:(?:first |last |originally )?(published|posted|updated|modified|last updated|edited))(?:\s+(?:on|at))?(?:\s*:)?\s+(?=\S)/iu;
// After the names: "| 6 March 2024", "• 3 min read", a second line of the same block.
const AFTER_NAMES = /\s[|•·]\s|\s[-–—]\s(?=\d)/u;

/** Whether every word of the text reads as part of a list of names (or of a job after one). */
function readsAsNames(text: string): boolean {
  const words = text.split(/[\s,;]+/u).filter(Boolean);
  if (words.length === 0 || words.length > 14) return false;
  return words.every(
    (w) =>
      /^[\p{Lu}(]/u.test(w) ||
      LINKS.has(w.toLowerCase()) ||
      isRoleNoun(w) ||
      isRoleQualifier(w) ||
      /^\p{Lu}\.$/u.test(w),
  );
}

/** The credits of a byline line ("By Anna de Vries", "Par Sébastien Farcis | 6 mars 2024"), or undefined. */
export function bylineOfLine(line: string): string[] | undefined {
  if (line.length > MAX_LINE_CHARS) return undefined;
  // A lead-in ("By", "Par", "Von": see withoutLeadIn) and a capital after it.
  const rest = withoutLeadIn(line).trimStart();
  if (rest === line || !/^\p{Lu}/u.test(rest)) return undefined;
  const names = rest.split(AFTER_NAMES)[0]!.replace(/(?<![.,;:])[.,;:]+$/u, '');
  // A paragraph that opens with "By Tuesday, the talks had..." is a sentence, not a credit.
  if (!readsAsNames(names)) return undefined;
  const credits = splitAuthors(names);
  return credits.length > 0 ? credits : undefined;
}

/**
 * A line that only gives the story's date: "Published 3 hours ago", "Updated 6 March 2024", or a bare
 * date. Which field it is, and the date when it can be read (a relative one only against `now`:
 * without it the line is still metadata, but gives no date).
 */
export function dateOfLine(
  line: string,
  now?: string,
): { field: 'publishedAt' | 'updatedAt'; date?: string } | undefined {
  // A copyright notice ("© Sam Jones, 3 March 2019") dates the notice, not the story.
  if (line.length > 80 || isCopyrightLine(line)) return undefined;
  const label = LABEL.exec(line);
  const update = label ? /updated|modified|edited/i.test(label[1]!) : OPENS_AS_UPDATE.test(line);
  const field = update ? 'updatedAt' : 'publishedAt';
  const rest = (label ? line.slice(label[0].length) : line).trim().replace(/[.]$/u, '');
  const relative = relativeDate(rest, now);
  if (relative !== undefined) return relative ? { field, date: relative } : { field };
  // A day is written ("6 March 2024", "2024-03-06"): "March 2024" alone would give a day nobody wrote.
  const date = /\b\d{1,2}(?:st|nd|rd|th)?\b|^\d{4}-\d{2}-\d{2}/u.test(rest)
    ? normalizeDate(rest, now)
    : undefined;
  if (date) return { field, date };
  // "Updated 6 March 2024" that cannot be the article's (after `now`) is still not story text.
  return label && /\d/.test(rest) && rest.split(/\s+/).length <= 6 ? { field } : undefined;
}

/**
 * Reads the byline and date lines at the head of a story (at most four lines, each one of them; the
 * first line that is neither ends the head). What comes first wins: a second "Updated" line is lifted
 * but does not replace the first.
 */
export function readHeadLines(lines: readonly string[], now?: string): HeadLines {
  const meta: HeadMeta = {};
  let count = 0;
  for (const line of lines.slice(0, MAX_HEAD_LINES)) {
    const credits = bylineOfLine(line);
    if (credits) {
      meta.byline ??= credits;
      count++;
      continue;
    }
    const dated = dateOfLine(line, now);
    if (!dated) break;
    if (dated.date && !meta[dated.field]) meta[dated.field] = dated.date;
    count++;
  }
  return { count, meta };
}
