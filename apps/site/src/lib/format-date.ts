// The site's one date style, used by every page and component: "2 May 2023" for a date-only value and
// "2 May 2023, 10:00 UTC+2" for a date-time. The calendar day and clock are those the value was written
// with (an HTML page's own offset, a feed's UTC): converting to one zone could move the day a source
// printed. A time is shown only when the core's value has one; nothing is filled in.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// The core's IsoDateSchema: a date, or a date-time with an optional offset (Z, +02:00) and fraction.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** "UTC", "UTC+2", "UTC−5:30" for an ISO offset; nothing for a local date-time (the source gave no zone). */
function zoneLabel(offset: string | undefined): string {
  if (!offset) return '';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m || (m[2] === '00' && m[3] === '00')) return ' UTC';
  return ` UTC${m[1] === '-' ? '−' : '+'}${Number(m[2])}${m[3] === '00' ? '' : `:${m[3]}`}`;
}

/** A date for people: the day, then the time and zone when the value has them. Unknown shapes are shown as given. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso.trim());
  const month = m && MONTHS[Number(m[2]) - 1];
  if (!m || !month) return iso;
  const day = `${Number(m[3])} ${month} ${m[1]}`;
  return m[4] ? `${day}, ${m[4]}:${m[5]}${zoneLabel(m[6])}` : day;
}

/** "July 2023" for a month bucket (its start, as an ISO date). */
export function formatMonth(iso: string): string {
  const month = /^\d{4}-\d{2}/.test(iso) ? MONTHS[Number(iso.slice(5, 7)) - 1] : undefined;
  return month ? `${month} ${iso.slice(0, 4)}` : iso;
}
