import { describe, expect, it } from 'vitest';
import { inShownOffset } from './shown-offset';

const shown =
  (...d: string[]) =>
  () =>
    d;

describe("the page's own offset: a UTC time keeps the day the page shows", () => {
  it('the same instant written with an offset by another source wins', () => {
    expect(inShownOffset('2017-02-24T01:18:13Z', ['2017-02-23T17:18:13-08:00'], shown())).toBe(
      '2017-02-23T17:18:13-08:00',
    );
  });

  it('a page that shows the next day: the nearest whole-hour offset that puts the instant on it (was the UTC day before)', () => {
    const local = inShownOffset('2018-06-12T23:00:00.000Z', [], shown('2018-06-13'));
    expect(local).toBe('2018-06-13T00:00:00+01:00');
    expect(Date.parse(local!)).toBe(Date.parse('2018-06-12T23:00:00.000Z'));
  });

  it('a page that shows the day before: a negative offset, the instant unchanged', () => {
    const local = inShownOffset('2024-03-06T02:30:00Z', [], shown('2024-03-05'));
    expect(local).toBe('2024-03-05T23:30:00-03:00');
    expect(Date.parse(local!)).toBe(Date.parse('2024-03-06T02:30:00Z'));
  });

  it('a local time shown beside the day gives the exact offset', () => {
    expect(inShownOffset('2024-03-06T04:35:00Z', [], shown('2024-03-05T23:35:00'))).toBe(
      '2024-03-05T23:35:00-05:00',
    );
  });

  it('nothing moves when the page shows the same day, a day no real offset reaches, or nothing; or the time has an offset', () => {
    expect(inShownOffset('2024-03-06T12:00:00Z', [], shown('2024-03-06'))).toBeUndefined();
    expect(inShownOffset('2024-03-06T12:00:00Z', [], shown('2024-03-08'))).toBeUndefined();
    expect(inShownOffset('2024-03-06T01:00:00Z', [], shown('2024-03-07'))).toBeUndefined();
    expect(inShownOffset('2024-03-06T12:00:00Z', [], shown())).toBeUndefined();
    expect(inShownOffset('2024-03-06T23:00:00+01:00', [], shown('2024-03-07'))).toBeUndefined();
    expect(inShownOffset('2024-03-06T04:35:00Z', [], shown('2024-03-05T23:36:30'))).toBeUndefined();
  });
});
