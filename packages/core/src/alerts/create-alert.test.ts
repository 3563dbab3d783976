import { describe, expect, it } from 'vitest';
import { createAlert } from './create-alert';

describe('createAlert', () => {
  it('makes an alert with a random id and secret', () => {
    const a = createAlert(
      { query: ' speaker:macron ', webhook: 'https://hooks.example/x' },
      '2026-03-04T10:00:00Z',
    );
    const b = createAlert({ query: 'harbour' }, '2026-03-04T10:00:00Z');
    expect(a).toMatchObject({
      query: 'speaker:macron',
      webhook: 'https://hooks.example/x',
      createdAt: '2026-03-04T10:00:00Z',
    });
    expect(a.id).toMatch(/^a[0-9a-f]{10}$/);
    expect(a.secret).toMatch(/^[0-9a-f]{48}$/);
    expect(b.id).not.toBe(a.id);
    expect(b.secret).not.toBe(a.secret);
    expect(b.webhook).toBeUndefined();
  });

  it('refuses a query the search would refuse, and a webhook that is not http(s), saying why', () => {
    expect(() => createAlert({ query: '   ' }, 'now')).toThrow(/needs a query/);
    expect(() => createAlert({ query: 'oil after:2023-13-01' }, 'now')).toThrow(/is not a date/);
    expect(() => createAlert({ query: 'a', webhook: 'file:///etc/passwd' }, 'now')).toThrow(
      /http or https URL/,
    );
    expect(() => createAlert({ query: 'a', webhook: 'not a url' }, 'now')).toThrow(/http or https URL/);
  });
});
