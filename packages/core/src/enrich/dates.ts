import type { DateEstimate } from '../model/article-schema';
import type { DateMention } from '../model/date-mention-schema';
import { ENGLISH_MONTH_ABBREVIATIONS } from '../metadata/month-names';
import { MONTHS, WEEKDAYS } from './titles';

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);
// Full names first, so "March" is never read as "Mar" followed by letters.
const MONTH = `(${[...MONTHS, ...ENGLISH_MONTH_ABBREVIATIONS].map(capitalised).join('|')})\\.?`;
const DAY = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const YEAR = '((?:19|20)\\d\\d)';
const ABBREVIATED_MONTH = new RegExp(`\\b(?:${ENGLISH_MONTH_ABBREVIATIONS.join('|')})\\b\\.?$`, 'i');

// Longest forms first: one alternation, so a mention is never matched twice.
const DATE_RE = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
    `\\b(?:on\\s+)?(?:${DAY},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b`,
    `\\b(?:on\\s+)?(?:${DAY},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?\\b`,
    `\\b(?:in\\s+|since\\s+|by\\s+|until\\s+|from\\s+|last\\s+|next\\s+|early\\s+|late\\s+|mid-)?${MONTH}(?:\\s+${YEAR})?\\b`,
    `\\b(?:on\\s+|last\\s+|next\\s+|this\\s+)?${DAY}(?:\\s+(morning|afternoon|evening|night))?\\b`,
    `\\b(?:by\\s+|at\\s+|before\\s+|until\\s+)?the\\s+end\\s+of\\s+(?:the|this|next|last)\\s+(year|month|week)\\b`,
    `\\b(yesterday|today|tomorrow|tonight)\\b`,
    `\\b(last|next|this)\\s+(year|month|week)\\b`,
    `\\b(?:in\\s+|since\\s+|by\\s+|until\\s+|from\\s+|before\\s+)?${YEAR}\\b(?![-,.]?\\d|\\s*(?:%|per\\s*cent|people|soldiers|troops|votes|units|[a-z]+s\\b))`,
  ].join('|'),
  'gi',
);

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
}
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
}
function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n));
}

interface Resolved {
  value?: string;
  range?: { from: string; to: string };
}

/** Resolves a matched date against the publication date (UTC), when there is one. */
function resolve(text: string, published: Date | undefined): Resolved {
  const lower = text.toLowerCase();
  const iso8601 = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso8601) return { value: iso8601[0] };
  const yearMatch = /\b((?:19|20)\d\d)\b/.exec(text);
  const explicitYear = yearMatch ? Number(yearMatch[1]) : undefined;
  const monthMatch = new RegExp(MONTH, 'i').exec(text);
  const dayNum = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.replace(/\b(?:19|20)\d\d\b/, ''));
  const pubY = published?.getUTCFullYear();
  const pubM = published?.getUTCMonth();
  if (
    monthMatch &&
    (!/^may$/i.test(monthMatch[1]!) ||
      dayNum ||
      explicitYear ||
      /^(in|since|by|until|from|last|next|early|late)\s/i.test(text))
  ) {
    const m = monthIndex(monthMatch[1]!);
    let y = explicitYear;
    if (y === undefined && pubY !== undefined && pubM !== undefined) {
      // News speaks of the recent past: a month after the publication month is last year's, unless "next".
      y =
        m > pubM && !/^next\s/i.test(lower)
          ? pubY - 1
          : /^next\s/i.test(lower) && m <= pubM
            ? pubY + 1
            : pubY;
    }
    if (y === undefined) return {};
    if (dayNum) return { value: iso(y, m, Number(dayNum[1])) };
    return { value: iso(y, m, 1), range: { from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) } };
  }
  if (explicitYear !== undefined && !monthMatch)
    return {
      value: iso(explicitYear, 0, 1),
      range: { from: iso(explicitYear, 0, 1), to: iso(explicitYear, 11, 31) },
    };
  if (!published || pubY === undefined || pubM === undefined) return {};
  const d = published.getUTCDate();
  const dayMatch = new RegExp(DAY, 'i').exec(text);
  if (dayMatch) {
    const want = WEEKDAYS.indexOf(dayMatch[1]!.toLowerCase());
    const have = published.getUTCDay();
    let delta = (want - have + 7) % 7;
    if (/^next\s/i.test(lower)) delta = delta === 0 ? 7 : delta;
    else delta = delta === 0 ? 0 : delta - 7; // the most recent such day (news reports what happened)
    if (/^last\s/i.test(lower) && delta === 0) delta = -7;
    return { value: iso(pubY, pubM, d + delta) };
  }
  const rel = /(yesterday|today|tonight|tomorrow)/.exec(lower);
  if (rel)
    return { value: iso(pubY, pubM, d + (rel[1] === 'yesterday' ? -1 : rel[1] === 'tomorrow' ? 1 : 0)) };
  const period = /(?:(end of )?(the|this|next|last) )(year|month|week)/.exec(lower);
  if (period) {
    const shift = period[2] === 'next' ? 1 : period[2] === 'last' ? -1 : 0;
    if (period[3] === 'year') {
      const y = pubY + shift;
      return period[1]
        ? { value: iso(y, 11, 31) }
        : { value: iso(y, 0, 1), range: { from: iso(y, 0, 1), to: iso(y, 11, 31) } };
    }
    if (period[3] === 'month') {
      const first = new Date(Date.UTC(pubY, pubM + shift, 1));
      const y = first.getUTCFullYear();
      const m = first.getUTCMonth();
      return period[1]
        ? { value: iso(y, m, lastDay(y, m)) }
        : { value: iso(y, m, 1), range: { from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) } };
    }
    const monday = d - ((published.getUTCDay() + 6) % 7) + 7 * shift;
    return period[1]
      ? { value: iso(pubY, pubM, monday + 6) }
      : {
          value: iso(pubY, pubM, monday),
          range: { from: iso(pubY, pubM, monday), to: iso(pubY, pubM, monday + 6) },
        };
  }
  return {};
}

/** Parses an ISO 8601 publication date/time (UTC day), or undefined. */
export function publicationDay(publishedAt: string | undefined): Date | undefined {
  if (!publishedAt) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

/** Dates and periods named in one block's text, resolved when the publication day is known. */
export function findDates(text: string, block: number, published: Date | undefined): DateMention[] {
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  for (const m of text.matchAll(DATE_RE)) {
    const raw = m[0];
    // "May" alone is mostly the verb; a bare month needs "in", a day or a year with it.
    if (/^May$/.test(raw)) continue;
    // An abbreviated month alone is a word of a name ("Viña del Mar", "Jan Smith"), not a date: a date
    // written short has a day or a year with it.
    if (!/\d/.test(raw) && ABBREVIATED_MONTH.test(raw)) continue;
    const mention: DateMention = { text: raw, block, start: m.index, end: m.index + raw.length };
    const r = resolve(raw, published);
    if (r.value) mention.value = r.value;
    if (r.range) mention.range = r.range;
    out.push(mention);
  }
  return out;
}

/**
 * A publication window estimated from the text when no date is given: the latest year the text speaks
 * of in the past (with the latest month of that year it names) is a lower bound, and the window runs
 * for a year from it; the phrases used are the evidence. Undefined when the text names no year.
 */
export function estimatePublication(
  blocks: readonly string[],
  dates: readonly DateMention[],
): DateEstimate | undefined {
  let best: { year: number; month: number; evidence: string[] } | undefined;
  for (const d of dates) {
    const year = /\b((?:19|20)\d\d)\b/.exec(d.text);
    if (!year) continue;
    const context = blocks[d.block]!.slice(Math.max(0, (d.start ?? 0) - 40), d.start ?? 0);
    // "by 2030", "until 2030", "will ... in 2030" speak of the future, not of when the story was written.
    if (
      /^(by|until|before)\s/i.test(d.text) ||
      /\b(will|would|plans?|aims?|target|expected|to be)\b/i.test(context.slice(context.lastIndexOf('.') + 1))
    )
      continue;
    const y = Number(year[1]);
    const month = /[A-Za-z]{3,}/.test(d.text.replace(/^(in|since|from|last|early|late)\s+/i, ''))
      ? monthIndex(
          d.text
            .replace(/^(in|since|from|last|early|late|on)\s+/i, '')
            .replace(/^\d+(?:st|nd|rd|th)?\s+(?:of\s+)?/, ''),
        )
      : -1;
    if (!best || y > best.year || (y === best.year && month > best.month))
      best = { year: y, month: Math.max(month, best && y === best.year ? best.month : -1), evidence: [] };
    if (y === best.year) best.evidence.push(d.text);
  }
  if (!best) return undefined;
  const month = Math.max(0, best.month);
  const from = iso(best.year, month, 1);
  const to = iso(best.year + 1, month, 0);
  return { from, to, evidence: [...new Set(best.evidence)] };
}
