import { describe, expect, it } from 'vitest';
import { gazette } from '../support/run-process';

// `gazette parse` gives the core the current time as `now`: a date over a day ahead of it is no article's.
describe('gazette parse bounds dates by the time it runs', () => {
  it('passes over a date two years ahead and a 0001-01-01 placeholder, and reads the next date given', async () => {
    const ahead = `${new Date().getUTCFullYear() + 2}-05-06`;
    const front = `---\ntitle: Bridge\ndatePublished: "0001-01-01T00:00:00Z"\ndate: ${ahead}\npublished: 2024-01-02\nupdated: ${ahead}\n---\nThe council met late and voted to close the bridge.\n`;
    const r = await gazette(['parse', '-', '--json'], { input: front });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const article = JSON.parse(r.stdout) as { publishedAt?: string; updatedAt?: string };
    expect(article.publishedAt).toBe('2024-01-02');
    expect(article.updatedAt).toBeUndefined();
  });
});
