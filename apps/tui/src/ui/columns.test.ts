import { describe, expect, it } from 'vitest';
import { COLUMNS, formatHeader, formatRow, layoutColumns, LIST_FIELDS } from './columns';
import { displayWidth } from '../text/wrap-spans';

describe('list columns', () => {
  it('come from the schema: one per picked field, typed by its zod kind', () => {
    expect(COLUMNS.map((c) => c.key)).toEqual(Object.keys(LIST_FIELDS.shape));
    const kinds = Object.fromEntries(COLUMNS.map((c) => [c.key, c.kind]));
    expect(kinds).toEqual({ title: 'text', source: 'named', publishedAt: 'date', wordCount: 'number' });
  });

  it('lay out a row to exactly the width, numbers right-aligned, text made safe', () => {
    const widths = layoutColumns(80);
    const row = formatRow(
      {
        id: 'a_1',
        slug: 's',
        title: '\u001b[31mRed\u001b[0m headline',
        titleSource: 'given',
        byline: [],
        source: { name: 'BBC' },
        language: 'en',
        publishedAt: '2024-03-01T10:00:00Z',
        tags: [],
        wordCount: 1234,
        readingMinutes: 5,
      },
      widths,
    );
    expect(displayWidth(row)).toBe(80);
    expect(row).not.toContain('\u001b');
    expect(row).toMatch(/^Red headline +BBC +2024-03-01 +1,234$/);
    expect(formatHeader(widths)).toMatch(/^Title +Source +Published at +Word count$/);
  });
});
