import { datesInText } from '../../metadata/date-in-text';
import type { NumericReading } from '../../metadata/date-order';
import { normalizeDate } from '../../metadata/normalize-date';
import {
  holdsLittleBut,
  inCopyrightLine,
  inDataRow,
  inStoryList,
  labelledUpdate,
  markedUpdate,
  marks,
  PUBLISH_LABEL,
  UPDATE_LABEL,
} from './date-marks';
import { isElsewhere } from './near-headline';

/**
 * Date lines the article's own container marks as such (class or id "date", "byline", "dateline",
 * "posted", "timestamp", "meta"), wherever they stand in it: under a large lead image, past a long
 * standfirst, beside the share buttons. The public extractors read these; Gazette reads them after the
 * blocks near the headline, and only inside the article's container.
 */

const CONTAINER = 'article, main, [role="main"], [itemtype*="Article" i], [itemtype*="BlogPosting" i]';
const MARKED =
  '[class*="date" i], [id*="date" i], [class*="byline" i], [class*="posted" i], [class*="timestamp" i], [class*="meta" i]';
/** Marks of dates that are not the article's: an event's, a deadline, a birth or founding. */
const OTHER_DATE = /event|expir|deadline|birth|born|founded|due|valid|update|modif/i;
/** How many marked elements are read, and how long a date line may be. */
const LIMITS = { elements: 40, block: 160 } as const;

/** The first publication date written in a marked date line of the container holding the headline. */
export function markedDateLine(
  headline: Element | undefined,
  now: string | undefined,
  reading: NumericReading,
): string | undefined {
  const container = headline?.closest(CONTAINER);
  if (!container) return undefined;
  for (const el of [...container.querySelectorAll(MARKED)].slice(0, LIMITS.elements)) {
    const text = el.textContent ?? '';
    if (text.trim().length > LIMITS.block || !/\d/.test(text) || OTHER_DATE.test(marks(el))) continue;
    const date = lineDate(text, now, reading);
    if (date && !refused(el)) return date;
  }
  return undefined;
}

/** The publication date a marked line gives: after a publication label, or as nearly all it says. */
function lineDate(text: string, now: string | undefined, reading: NumericReading): string | undefined {
  for (const found of datesInText(text, reading)) {
    const before = text.slice(Math.max(0, found.index - 40), found.index);
    if (UPDATE_LABEL.test(before)) continue;
    if (!PUBLISH_LABEL.test(before) && !holdsLittleBut(text, found)) continue;
    const date = normalizeDate(found.date, now);
    if (date) return date;
  }
  return undefined;
}

/** Lines whose dates are someone else's: other stories, data rows, copyright, updates. */
const refused = (el: Element) =>
  markedUpdate(el) ||
  labelledUpdate(el) ||
  isElsewhere(el) ||
  inStoryList(el) ||
  inDataRow(el) ||
  inCopyrightLine(el);
