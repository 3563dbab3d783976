/**
 * Which of day and month comes first in an all-number date ("03/04/2024", "3.4.2024", "03-04-2024"):
 * only the writer's convention tells, so it is read from what the page says about itself, and a date
 * whose order nothing settles is not read at all (a date is never guessed).
 */
export type DateOrder = 'dmy' | 'mdy';

/** What settles the order of a page's all-number dates. */
export interface NumericReading {
  /** The page's order (its language, or the dates it writes), when known. */
  order?: DateOrder | undefined;
  /** The year and month the page is from ("2024-03", from its URL): settles a date of that month. */
  month?: string | undefined;
}

// Locales that write the month first (CLDR's short date M/d/y): the United States and the places that
// follow its usage. Everywhere else that writes the year last writes the day first.
const MONTH_FIRST = new Set([
  'en-us',
  'en-ph',
  'fil-ph',
  'en-pr',
  'es-pr',
  'en-gu',
  'en-mh',
  'en-as',
  'en-mp',
  'en-um',
  'en-vi',
  'es-pa',
]);
const MONTH_FIRST_LANGUAGES = new Set(['fil']);
// Languages and locales whose own numeric dates start with the year (2024/03/04, 2024. 03. 04., 2024-03-04
// in Canada and South Africa): a year-last date there follows no convention of theirs.
const YEAR_FIRST_LANGUAGES = new Set(['zh', 'ja', 'ko', 'hu', 'lt', 'mn']);
const YEAR_FIRST = new Set(['en-ca', 'fr-ca', 'en-za', 'af-za']);

/**
 * The order of a language tag (BCP 47, or "en_US" as og:locale writes it): month first in en-US, en-PH
 * and the other month-first locales, unknown in bare "en" (British, American and the rest share it) and
 * in year-first locales, day first elsewhere.
 */
export function dateOrderOf(tag: string | undefined): DateOrder | undefined {
  const parts = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  const language = parts[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(language)) return undefined;
  // The region is the first two-letter (or three-digit) subtag after the language, past a script.
  const region = parts.slice(1).find((p) => /^(?:[a-z]{2}|\d{3})$/.test(p));
  const locale = region ? `${language}-${region}` : language;
  if (MONTH_FIRST.has(locale) || MONTH_FIRST_LANGUAGES.has(language)) return 'mdy';
  if (YEAR_FIRST.has(locale) || YEAR_FIRST_LANGUAGES.has(language)) return undefined;
  if (language === 'en' && !region) return undefined;
  return 'dmy';
}

/**
 * The order the page's language tags give (its <html lang>, og:locale, Content-Language, DC.language):
 * the one every tag that gives an order agrees on; unknown when none gives one or two disagree.
 */
export function orderOfLanguages(tags: ReadonlyArray<string | undefined>): DateOrder | undefined {
  const orders = new Set(tags.map(dateOrderOf).filter((o): o is DateOrder => o !== undefined));
  return orders.size === 1 ? [...orders][0] : undefined;
}

// An all-number date with the year last; the separator repeats ("3/4/2024", "3.4.2024", "03-04-2024").
export const NUMERIC_DATE =
  /(?<![\p{L}\p{N}.,/-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\p{L}\p{N}]|[.,/-]\d)/gu;

/**
 * The order the all-number dates of a text show by themselves: a first part over 12 is a day ("25/03"),
 * a second one is ("03/25"). Unknown when none shows its order or they show both.
 */
export function orderShownIn(text: string): DateOrder | undefined {
  const shown = new Set<DateOrder>();
  NUMERIC_DATE.lastIndex = 0;
  for (let m = NUMERIC_DATE.exec(text); m && shown.size < 2; m = NUMERIC_DATE.exec(text)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) shown.add('dmy');
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) shown.add('mdy');
  }
  return shown.size === 1 ? [...shown][0] : undefined;
}

/**
 * The page's order: its languages', unless the dates it writes show the other one (a site that kept
 * its platform's default "en-US" but writes 25/03/2024), in which case nothing is assumed; the dates'
 * own when its languages give none.
 */
export function pageDateOrder(
  languages: ReadonlyArray<string | undefined>,
  visibleText: string,
): DateOrder | undefined {
  const declared = orderOfLanguages(languages);
  const shown = orderShownIn(visibleText);
  if (declared && shown && declared !== shown) return undefined;
  return declared ?? shown;
}

/**
 * Day and month of an all-number date (a, b: its first two parts) in year `year`: a part over 12 shows
 * the order; else the page's order; else the month the page is from, when exactly one reading falls in
 * it. Undefined when nothing settles it.
 */
export function settleNumeric(
  a: number,
  b: number,
  year: number,
  reading: NumericReading,
): { month: number; day: number } | undefined {
  const dmy = { month: b, day: a };
  const mdy = { month: a, day: b };
  if (a > 12) return dmy;
  if (b > 12) return mdy;
  if (a === b) return dmy;
  if (reading.order) return reading.order === 'dmy' ? dmy : mdy;
  const [y, m] = (reading.month ?? '').split('-').map(Number);
  if (y !== year || !m) return undefined;
  if (dmy.month === m) return dmy;
  return mdy.month === m ? mdy : undefined;
}
