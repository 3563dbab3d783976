import { describe, expect, it } from 'vitest';
import { parseDuration } from './parse-duration';

describe('parseDuration', () => {
  it('reads durations as people write them', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('2h')).toBe(7200);
    expect(parseDuration('1d')).toBe(86_400);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('600')).toBe(600);
  });

  it('says what it accepts when given something else', () => {
    for (const bad of ['', 'soon', '15x', '1h fish', '0', '0m', '400d'])
      expect(() => parseDuration(bad, '--every')).toThrow(/--every must be/);
  });
});
