import { NUMERIC_DATE, type NumericReading, settleNumeric } from './date-order';
import { MONTH_NUMBER, MONTH_PATTERN } from './month-names';

/** A calendar day written in a text, where it was found. */
export interface DateInText {
  /** YYYY-MM-DD, a real day. */
  date: string;
  index: number;
  end: number;
  /** The time of day written right after the date (HH:MM:SS, 24 h), when there is one. */
  time?: string;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const YEAR = '(\\d{4})';
const DAY = '(0?[1-9]|[12]\\d|3[01])';
const MONTH = `(${MONTH_PATTERN})\\.?`;

// Each shape gives its groups in the order [year, month, day]; a month may be a number or a name.
const SHAPES: Array<{ re: RegExp; order: [number, number, number] }> = [
  // 6 March 2024 · 6. März 2024 · 6 de marzo de 2024 · 1er avril 2024 · 6th Mar, 2024
  {
    re: new RegExp(
      `${B}${DAY}(?:\\.|er|st|nd|rd|th|º)?\\s+(?:de\\s+|of\\s+)?${MONTH},?\\s+(?:de\\s+|del\\s+)?${YEAR}${E}`,
      'giu',
    ),
    order: [3, 2, 1],
  },
  // March 6, 2024 · Mar. 6th 2024 · Dec 07 2024
  { re: new RegExp(`${B}${MONTH}\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR}${E}`, 'giu'), order: [3, 1, 2] },
  // 2024-03-06 · 2024/03/06 · 2024.03.06
  { re: new RegExp(`${B}${YEAR}([-/.])(0?[1-9]|1[0-2])\\2${DAY}${E}`, 'gu'), order: [1, 3, 4] },
  // 2024年3月6日 · 2024년 3월 6일 (a CJK character before the year is no word boundary there)
  {
    re: new RegExp(`(?<!\\d)${YEAR}\\s*[年년]\\s*(0?[1-9]|1[0-2])\\s*[月월]\\s*${DAY}(?!\\d)`, 'gu'),
    order: [1, 2, 3],
  },
];

const TIME =
  /^[\s,]*(?:(?:at|à|um|a las|alle|às|om|-|–|\|)\s*)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/iu;

function monthOf(token: string): number {
  const n = Number(token);
  return Number.isInteger(n) && n > 0 ? n : (MONTH_NUMBER.get(token.toLowerCase()) ?? 0);
}

function realDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12) return undefined;
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date ? date : undefined;
}

/** The time written just after a date ("6 March 2024, 14:35", "March 6, 2024 at 2:35 pm"), 24-hour. */
function timeAfter(text: string, end: number): { time: string; end: number } | undefined {
  const m = TIME.exec(text.slice(end, end + 24));
  if (!m) return undefined;
  let hour = Number(m[1]);
  const half = m[4]?.toLowerCase().replace(/\./g, '');
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  const time = `${String(hour).padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
  return { time, end: end + m[0].length };
}

/** A date found by a match, with the time written after it when there is one. */
function entry(text: string, m: RegExpExecArray, date: string): DateInText {
  const end = m.index + m[0].length;
  const time = timeAfter(text, end);
  return { date, index: m.index, end: time?.end ?? end, ...(time ? { time: time.time } : {}) };
}

/** All-number dates with the year last ("06/03/2024", "6.3.2024"), read as `reading` settles them. */
function numericDates(text: string, reading: NumericReading): DateInText[] {
  const found: DateInText[] = [];
  NUMERIC_DATE.lastIndex = 0;
  for (let m = NUMERIC_DATE.exec(text); m; m = NUMERIC_DATE.exec(text)) {
    const year = Number(m[4]);
    const settled = settleNumeric(Number(m[1]), Number(m[3]), year, reading);
    const date = settled && realDay(year, settled.month, settled.day);
    if (date) found.push(entry(text, m, date));
  }
  return found;
}

/**
 * Every calendar day written in a text, in order: month names in many languages (month-names.ts),
 * day-month-year and month-day-year, ISO (2024/03/06 too: the year first is always year-month-day) and
 * CJK. All-number dates with the year last ("3/4/2024", "3.4.2024") are read only as `reading` settles
 * them (the page's order, a part over 12, the page's month: see settleNumeric). Nothing is guessed: a day
 * must exist.
 */
export function datesInText(text: string, reading: NumericReading = {}): DateInText[] {
  const found: DateInText[] = numericDates(text, reading);
  for (const { re, order } of SHAPES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = realDay(Number(m[order[0]]), monthOf(m[order[1]] ?? ''), Number(m[order[2]]));
      if (!date || found.some((f) => m && f.index < m.index + m[0].length && m.index < f.end)) continue;
      found.push(entry(text, m, date));
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
