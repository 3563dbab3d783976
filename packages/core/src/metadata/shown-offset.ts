/**
 * A time stored in UTC ("2018-06-12T23:00:00Z") can put an article on another day than its page shows
 * (13 June, in the page's own zone). These functions write the same instant in the page's own offset,
 * so that the day kept is the day the page shows; the instant itself never changes.
 */

const UTC_WRITTEN = /(?:Z|[+-]00:?00)$/;
const WITH_OFFSET = /[+-]\d{2}:\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The offsets zones use: from UTC-12:00 to UTC+14:00, in quarters of an hour. */
const OFFSETS = { min: -12 * 60, max: 14 * 60, step: 15 } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant written in the given offset (minutes east of UTC), to the second. */
export function atOffset(ms: number, minutes: number): string {
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(minutes);
  return `${local}${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const realOffset = (minutes: number) =>
  Number.isInteger(minutes) &&
  minutes >= OFFSETS.min &&
  minutes <= OFFSETS.max &&
  minutes % OFFSETS.step === 0;

/**
 * The UTC instant `chosen` as the page writes it, given the page's other dates (`others`, its other tags)
 * and the dates it shows (`shown`, its own date first; read only when `chosen` is in UTC): the same
 * instant written with an offset; else, when the first date shown is on another day
 * than the UTC one, the instant in the offset that day implies (exactly, from a local time shown beside
 * it; else the offset nearest UTC, in whole hours, that puts the instant on the day shown). Undefined when
 * the page shows nothing that moves it (or `chosen` is not written in UTC).
 */
export function inShownOffset(
  chosen: string,
  others: readonly string[],
  showing: () => readonly string[],
): string | undefined {
  if (!UTC_WRITTEN.test(chosen)) return undefined;
  const ms = Date.parse(chosen);
  if (Number.isNaN(ms)) return undefined;
  const shown = showing();
  const same = [...others, ...shown].find(
    (d) => WITH_OFFSET.test(d) && !UTC_WRITTEN.test(d) && Date.parse(d) === ms,
  );
  if (same) return same;
  const first = shown[0];
  const utcDay = new Date(ms).toISOString().slice(0, 10);
  if (!first || first.slice(0, 10) === utcDay || WITH_OFFSET.test(first) || UTC_WRITTEN.test(first))
    return undefined;
  const shownDayMs = Date.parse(`${first.slice(0, 10)}T00:00:00Z`);
  if (LOCAL_TIME.test(first)) {
    const minutes = (Date.parse(`${first}Z`) - ms) / 60_000;
    return realOffset(minutes) ? atOffset(ms, minutes) : undefined;
  }
  const intoDay = ms - Date.parse(`${utcDay}T00:00:00Z`);
  const hours =
    shownDayMs - Date.parse(`${utcDay}T00:00:00Z`) === DAY_MS
      ? Math.ceil((DAY_MS - intoDay) / HOUR_MS)
      : shownDayMs - Date.parse(`${utcDay}T00:00:00Z`) === -DAY_MS
        ? -(Math.floor(intoDay / HOUR_MS) + 1)
        : undefined;
  return hours !== undefined && realOffset(hours * 60) ? atOffset(ms, hours * 60) : undefined;
}
