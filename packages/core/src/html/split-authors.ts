import { normalizeLine } from '../text/normalize-text';

// Every pattern here runs on one normalised line (single spaces) and is searched, not matched to the
// end with `.*$`, so none can backtrack super-linearly on text from the open web.
const ROLE = /\b(?:staff|senior|chief|special|reporter|correspondent|editor|writer|contributor|columnist)\b/i;
const CREDENTIAL = /^(?:MA|MS|MD|PhD|MSc|BSc|RN|MPH|DO|Jr\.?|Sr\.?|II|III)$/i;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
const DATE = new RegExp(`(?:\\d{1,2} ?${MONTH} \\d{4}|${MONTH} \\d{1,2},? \\d{4})`, 'i');
const DATED = / (?:on|updated|published) [a-z]+ \d/i;
const SEPARATOR = /,|;|\band\b|&|\bund\b|\bet\b/i;
const NOT_A_NAME = /^(?:last )?(?:updated|published|posted|modified)\b/i;

/** Drops trailing spaces and separators ("Ana Ruiz, " is "Ana Ruiz"). */
function trimPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t,;:'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** The text before the first match of a pattern, trimmed (the whole text when it does not match). */
function cutAt(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  return (m ? text.slice(0, m.index) : text).trim();
}

/**
 * Splits a byline into people: "By A and B" is two, "A, B & C" is three. Drops the "By" lead-in,
 * trailing roles ("A, Staff Writer"), credentials ("MA") and dates; keeps "Surname, Given" whole.
 */
export function splitAuthors(raw: string | undefined | null): string[] {
  if (!raw) return [];
  // A byline block often continues on other lines with an editor, a desk or a date: the first line names the authors.
  const lines = String(raw)
    .slice(0, 2000)
    .split(/\r?\n/)
    .map((l) => normalizeLine(l))
    .filter(Boolean);
  if (lines.length > 1 && /^(?:by|written by):?$/i.test(lines[0]!))
    lines.splice(0, 2, `${lines[0]} ${lines[1]}`);
  let text = lines[0] ?? '';
  if (!text || /^https?:\/\//i.test(text) || NOT_A_NAME.test(text)) return [];
  text = text.replace(/^(?:(?:written|posted|reported) )?by:? ?/i, '');
  text = cutAt(text, /[|•·]/);
  text = cutAt(text, DATE);
  text = cutAt(text, DATED);
  text = trimPunctuation(text);
  if (!text || !/\p{L}/u.test(text)) return [];
  // "Doe, Jane": one comma, no conjunction, a one-word surname first.
  const commaParts = text.split(',').map((p) => p.trim());
  if (
    commaParts.length === 2 &&
    !/\band\b|&/i.test(text) &&
    !/\s/.test(commaParts[0]!) &&
    commaParts[1] &&
    !CREDENTIAL.test(commaParts[1]) &&
    !ROLE.test(commaParts[1])
  )
    return [text];
  const parts = text
    .split(SEPARATOR)
    .map((p) => trimPunctuation(cutAt(p, ROLE)))
    .filter((p) => p.length > 1 && p.length <= 80 && /\p{L}/u.test(p) && !CREDENTIAL.test(p));
  return [...new Set(parts)];
}
