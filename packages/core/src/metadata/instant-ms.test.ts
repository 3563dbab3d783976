import { afterEach, describe, expect, it } from 'vitest';
import { instantMs } from './instant-ms';

const zone = process.env['TZ'];
afterEach(() => {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
});

describe('instantMs', () => {
  it('reads a local time as UTC whatever the machine zone, and an offset as written', () => {
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      process.env['TZ'] = tz;
      expect(instantMs('2024-03-06T10:00:00')).toBe(Date.UTC(2024, 2, 6, 10));
      expect(instantMs('2024-03-06T10:00')).toBe(Date.UTC(2024, 2, 6, 10));
      expect(instantMs('2024-03-06')).toBe(Date.UTC(2024, 2, 6));
      expect(instantMs('2024-03-06T10:00:00+02:00')).toBe(Date.UTC(2024, 2, 6, 8));
    }
    expect(instantMs('not a date')).toBeNaN();
  });
});
