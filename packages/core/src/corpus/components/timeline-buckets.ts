import type { Article } from '../../model/article-schema';
import type { TimelineResult } from '../../query-schema/query-result-schema';

/** The first day of the bucket a date falls in: the day, the ISO week's Monday, or the month's first day. */
export function bucketStart(isoDate: string, interval: 'day' | 'week' | 'month'): string {
  const day = isoDate.slice(0, 10);
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday);
  return d.toISOString().slice(0, 10);
}

/** Article counts per bucket, oldest first, with empty buckets left out. */
export function timelineBuckets(
  articles: Iterable<Article>,
  interval: 'day' | 'week' | 'month',
): TimelineResult {
  const counts = new Map<string, number>();
  let undated = 0;
  let total = 0;
  for (const a of articles) {
    total++;
    if (!a.publishedAt) {
      undated++;
      continue;
    }
    const key = bucketStart(a.publishedAt, interval);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const buckets = [...counts]
    .sort((x, y) => (x[0] < y[0] ? -1 : 1))
    .map(([start, count]) => ({ start, count }));
  return { interval, buckets, undated, total, partial: false };
}
