/**
 * Milliseconds since the epoch of a stored date, the same on every machine: a date-time written without
 * an offset (a page's local time, kept as written) is read as UTC, not in the zone of the machine reading
 * it, which `Date.parse` would do. NaN when it is not a date.
 */
export function instantMs(date: string): number {
  const local = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/.test(date);
  return Date.parse(local ? `${date.replace(' ', 'T')}Z` : date);
}
