import type { TimelineResult } from '../../query-schema/query-result-schema';

/** The first day of the bucket a date falls in: the day, the ISO week's Monday, or the month's first day. */
export function bucketStart(isoDate: string, interval: Interval): string {
  const day = isoDate.slice(0, 10);
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday);
  return d.toISOString().slice(0, 10);
}

type Interval = 'day' | 'week' | 'month';

/**
 * Counts per bucket of dates ('' for undated, counted apart), oldest bucket first, empty buckets left
 * out: the one counting every timeline shares (a corpus's and a segmented corpus's).
 */
export function bucketCounts(
  dates: Iterable<string>,
  interval: Interval,
): Pick<TimelineResult, 'buckets' | 'undated' | 'total'> {
  const counts = new Map<string, number>();
  let undated = 0;
  let total = 0;
  for (const date of dates) {
    total++;
    if (!date) {
      undated++;
      continue;
    }
    const key = bucketStart(date, interval);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const buckets = [...counts]
    .sort((x, y) => (x[0] < y[0] ? -1 : 1))
    .map(([start, count]) => ({ start, count }));
  return { buckets, undated, total };
}
