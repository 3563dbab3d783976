import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from './format-date';

describe('the site date style', () => {
  it('shows a date-only value as a day, with no invented time', () => {
    expect(formatDate('2023-05-02')).toBe('2 May 2023');
  });

  it('shows a feed instant (UTC) and a page date-time (with its offset) in the same style, time included', () => {
    expect(formatDate('2023-05-02T10:00:00.000Z')).toBe('2 May 2023, 10:00 UTC');
    expect(formatDate('2023-05-02T10:00:00+02:00')).toBe('2 May 2023, 10:00 UTC+2');
    expect(formatDate('2023-05-02T10:00:00+05:30')).toBe('2 May 2023, 10:00 UTC+5:30');
  });

  it('keeps the day the source wrote: a late evening west of Greenwich stays on its own day', () => {
    expect(formatDate('2023-05-02T23:30:00-05:00')).toBe('2 May 2023, 23:30 UTC−5');
  });

  it('names no zone for a local date-time (the source gave none)', () => {
    expect(formatDate('2023-05-02T08:15:00')).toBe('2 May 2023, 08:15');
  });

  it('shows an unknown shape as given rather than guessing', () => {
    expect(formatDate('sometime in May')).toBe('sometime in May');
    expect(formatDate('2023-13-02')).toBe('2023-13-02');
  });

  it('names a month bucket', () => {
    expect(formatMonth('2023-07-01')).toBe('July 2023');
  });
});
