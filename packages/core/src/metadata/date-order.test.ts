import { describe, expect, it } from 'vitest';
import { datesInText } from './date-in-text';
import { dateOrderOf, orderOfLanguages, orderShownIn, pageDateOrder } from './date-order';
import { normalizeDate } from './normalize-date';

const days = (text: string, reading = {}) => datesInText(text, reading).map((d) => d.date);

describe('page-date-order: the order of day and month in an all-number date', () => {
  it('month first in en-US, en-PH and the other month-first locales; day first in most others', () => {
    for (const tag of ['en-US', 'en_US', 'en-PH', 'fil-PH', 'es-PR', 'en-Latn-US'])
      expect(dateOrderOf(tag), tag).toBe('mdy');
    for (const tag of [
      'en-GB',
      'en_GB',
      'en-AU',
      'en-IN',
      'fr',
      'fr-FR',
      'de-DE',
      'es',
      'es-US',
      'it',
      'pt-BR',
      'nl',
      'ru',
    ])
      expect(dateOrderOf(tag), tag).toBe('dmy');
  });

  it('unknown in bare "en", in year-first locales (zh, ja, en-CA) and for what is no language tag', () => {
    for (const tag of ['en', 'EN', 'zh', 'ja-JP', 'ko', 'en-CA', 'hu', undefined, '', 'not a tag', '12'])
      expect(dateOrderOf(tag), String(tag)).toBeUndefined();
  });

  it("the page's language tags settle it when those that give an order agree; two that disagree settle nothing", () => {
    expect(orderOfLanguages(['en', 'en_US', undefined])).toBe('mdy');
    expect(orderOfLanguages(['en', 'en_GB'])).toBe('dmy');
    expect(orderOfLanguages(['en-US', 'en_GB'])).toBeUndefined();
    expect(orderOfLanguages(['en', undefined])).toBeUndefined();
  });

  it('the dates a page writes show its order by a part over 12; dates that show both orders settle nothing', () => {
    expect(orderShownIn('Posted 25/03/2024. Updated 03/04/2024')).toBe('dmy');
    expect(orderShownIn('Posted 03/25/2024')).toBe('mdy');
    expect(orderShownIn('25/03/2024 and 03/25/2024')).toBeUndefined();
    expect(orderShownIn('03/04/2024, version 1.2.3, 10.15.2024.1')).toBeUndefined();
    // A site that kept its platform's "en-US" but writes 25/03/2024: nothing is assumed.
    expect(pageDateOrder(['en-US'], 'Posted 25/03/2024')).toBeUndefined();
    expect(pageDateOrder(['en'], 'Posted 25/03/2024')).toBe('dmy');
    expect(pageDateOrder(['en-GB'], 'Posted 03/04/2024')).toBe('dmy');
  });
});

describe('page-date-order: all-number dates in text', () => {
  it('reads 03/04/2024, 3.4.2024 and 03-04-2024 in the order given, day first or month first', () => {
    for (const text of ['03/04/2024', '3.4.2024', '03-04-2024', '3/4/2024 14:35'])
      expect(days(text, { order: 'dmy' }), text).toEqual(['2024-04-03']);
    for (const text of ['03/04/2024', '3.4.2024', '03-04-2024'])
      expect(days(text, { order: 'mdy' }), text).toEqual(['2024-03-04']);
  });

  it('year first is always year-month-day, whatever the order', () => {
    for (const order of ['dmy', 'mdy', undefined] as const)
      expect(days('2024/03/04 and 2024.03.04', { order })).toEqual(['2024-03-04', '2024-03-04']);
  });

  it('unknown order: a part over 12 settles it, so does the month the page is from; else no date (was 3.4.2024 day first)', () => {
    expect(days('25/03/2024')).toEqual(['2024-03-25']);
    expect(days('03/25/2024')).toEqual(['2024-03-25']);
    expect(days('04/04/2024')).toEqual(['2024-04-04']);
    expect(days('03/04/2024', { month: '2024-04' })).toEqual(['2024-04-03']);
    expect(days('03/04/2024', { month: '2024-03' })).toEqual(['2024-03-04']);
    for (const text of ['03/04/2024', '3.4.2024', '03-04-2024']) expect(days(text), text).toEqual([]);
    // The URL's month is of another year, or neither reading falls in it: nothing is settled.
    expect(days('03/04/2024', { month: '2023-03' })).toEqual([]);
    expect(days('03/04/2024', { month: '2024-07' })).toEqual([]);
  });

  it('never a day that does not exist, a version number, a phone number or a date inside a longer number', () => {
    for (const text of [
      '31/02/2024',
      '02/31/2024',
      'v1.2.3.2024',
      '555-12-2024',
      '1.03.04.2024',
      '03/04/20245',
      '13/13/2024',
    ])
      expect(days(text, { order: 'dmy' }), text).toEqual([]);
  });

  it('a meta or JSON-LD value in numbers is read in the page order, and never after now', () => {
    expect(normalizeDate('05/08/2014 07:01:00', undefined, { order: 'mdy' })).toBe('2014-05-08T07:01:00');
    expect(normalizeDate('05/08/2014 07:01:00', undefined, { order: 'dmy' })).toBe('2014-08-05T07:01:00');
    expect(normalizeDate('05/08/2014 07:01:00')).toBeUndefined();
    expect(normalizeDate('03/04/2026', '2026-03-10T00:00:00Z', { order: 'dmy' })).toBeUndefined();
    expect(normalizeDate('03/04/2026', '2026-03-10T00:00:00Z', { order: 'mdy' })).toBe('2026-03-04');
  });
});
