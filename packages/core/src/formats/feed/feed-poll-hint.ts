import { childText, type XmlElement } from './parse-xml';

const PERIOD_SECONDS: Record<string, number> = {
  hourly: 3_600,
  daily: 86_400,
  weekly: 604_800,
  monthly: 2_592_000,
  yearly: 31_536_000,
};

/**
 * How often the feed says it may be polled, in seconds: RSS `<ttl>` (minutes) and the syndication
 * module's `sy:updatePeriod` / `sy:updateFrequency`. The longer of the two when both are given; undefined
 * when neither is readable.
 */
export function feedPollHintSeconds(channel: XmlElement | undefined): number | undefined {
  const hints: number[] = [];
  const ttl = childText(channel, 'ttl');
  if (ttl && /^\d{1,7}$/.test(ttl) && Number(ttl) > 0) hints.push(Number(ttl) * 60);
  const period = childText(channel, 'sy:updatePeriod')?.toLowerCase();
  if (period && PERIOD_SECONDS[period]) {
    const frequency = Number(childText(channel, 'sy:updateFrequency') ?? 1);
    const times = Number.isInteger(frequency) && frequency > 0 ? frequency : 1;
    hints.push(Math.round(PERIOD_SECONDS[period] / times));
  }
  return hints.length ? Math.max(...hints) : undefined;
}
