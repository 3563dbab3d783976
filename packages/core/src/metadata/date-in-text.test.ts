import { describe, expect, it } from 'vitest';
import { datesInText } from './date-in-text';
import { dateOrderOf } from './date-order';
import { normalizeDate, readDate } from './normalize-date';

const days = (text: string) => datesInText(text).map((d) => d.date);

describe('datesInText', () => {
  it('reads month names in English, French, German, Spanish, Italian, Portuguese and Dutch, day first or month first', () => {
    for (const text of [
      '6 March 2024',
      'March 6, 2024',
      'Mar. 6th 2024',
      'Publié le 6 mars 2024 à 14h35',
      'Veröffentlicht am 6. März 2024, 14:35 Uhr',
      'Actualizado el 6 de marzo de 2024',
      '6 marzo 2024',
      '6 de março de 2024',
      '6 maart 2024',
      '2024-03-06',
      '2024/03/06',
    ])
      expect(days(text), text).toEqual(['2024-03-06']);
    for (const text of [
      '6 марта 2024 г.',
      '6 marca 2024',
      '6 Mart 2024',
      '6 mars 2024',
      '6. března 2024',
      '6th of March 2024',
    ])
      expect(days(text), text).toEqual(['2024-03-06']);
    expect(days('1er avril 2024')).toEqual(['2024-04-01']);
    expect(days('le 12 décembre 2023')).toEqual(['2023-12-12']);
    expect(days('am 3. Dezember 2023 und am 4. Jänner 2024')).toEqual(['2023-12-03', '2024-01-04']);
  });

  it('never guesses: no order of day and month from slashes, no day that does not exist, no date without a day', () => {
    for (const text of [
      '3/4/2024',
      '31 February 2024',
      'March 2024',
      'Viña del Mar 2023',
      '2024-13-01',
      'in 2024',
    ])
      expect(days(text), text).toEqual([]);
  });

  it("reads CJK dates and slashed dates in the order of the page's language, or when the numbers show it", () => {
    expect(days('发布时间：2017年3月10日 08:00')).toEqual(['2017-03-10']);
    expect(days('2024년 3월 6일')).toEqual(['2024-03-06']);
    expect(datesInText('06/03/2024 14:35', { order: dateOrderOf('es') }).map((d) => d.date)).toEqual([
      '2024-03-06',
    ]);
    expect(datesInText('03/06/2024', { order: dateOrderOf('en-US') }).map((d) => d.date)).toEqual([
      '2024-03-06',
    ]);
    expect(datesInText('06/03/2024', { order: dateOrderOf('en') }).map((d) => d.date)).toEqual([]);
    expect(days('25/03/2024')).toEqual(['2024-03-25']);
    expect(days('03/25/2024')).toEqual(['2024-03-25']);
  });

  it('reads the time written after the date, in 24 hours', () => {
    expect(datesInText('March 6, 2024 at 2:35 pm')[0]?.time).toBe('14:35:00');
    expect(datesInText('6 mars 2024 à 14h35')[0]?.time).toBe('14:35:00');
    expect(datesInText('6 March 2024')[0]?.time).toBeUndefined();
  });
});

describe('readDate keeps the day and offset the writer gave', () => {
  it('an RFC 822 time with an offset is not moved to the UTC day (was "2024-03-05T23:00:00.000Z")', () => {
    const d = normalizeDate('Wed, 06 Mar 2024 01:00:00 +0200');
    expect(d).toBe('2024-03-06T01:00:00+02:00');
    expect(Date.parse(d!)).toBe(Date.parse('2024-03-05T23:00:00Z')); // the same instant
    expect(readDate('Sat Dec 07 2024 01:36:42 GMT+0000 (UTC)')).toBe('2024-12-07T01:36:42+00:00');
    expect(readDate('March 6, 2024 at 11:30 pm PST')).toBe('2024-03-06T23:30:00-08:00');
    expect(readDate('Wed, 04 Mar 2026 09:30:00 GMT')).toBe('2026-03-04T09:30:00Z');
  });

  it("a time without a zone is kept as written, not read in the machine's own zone", () => {
    expect(readDate('Monday, February 29, 2016 11:10 PM')).toBe('2016-02-29T23:10:00');
    expect(readDate('6. März 2024 14:35')).toBe('2024-03-06T14:35:00');
  });

  it('reads the compact forms meta tags write: "20240306" and an offset in hours ("+01"); no day that does not exist', () => {
    expect(readDate('20240306')).toBe('2024-03-06');
    expect(readDate('2024-03-06T09:00:00+01')).toBe('2024-03-06T09:00:00+01:00');
    expect(readDate('2024-03-06T09:00:00.000+0100')).toBe('2024-03-06T09:00:00.000+01:00');
    expect(readDate('20241345')).toBeUndefined();
    expect(readDate('20240230')).toBeUndefined();
    expect(readDate('1709712000')).toBeUndefined();
  });
});
