import { describe, expect, it } from 'vitest';
import { StringColumn } from '../../binary/string-column';
import { IdTable } from './id-table';

describe('IdTable', () => {
  const older = StringColumn.from(['a', 'news-1', 'news-2', 'é-ünï', 'news-10', '']);
  const newer = StringColumn.from(['news-2', 'news-1x', 'é-ünï', 'b', 'news-3']);

  it('holds the strings of the columns added, compared by their bytes in any column', () => {
    const table = new IdTable();
    table.addColumn(newer, 5);
    expect(Array.from({ length: 6 }, (_, i) => table.has(older, i))).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(table.size).toBe(5);
  });

  it('leaves out the strings `skip` marks and holds a string once', () => {
    const table = new IdTable();
    table.addColumn(newer, 5, Uint8Array.from([1, 0, 0, 0, 0]));
    table.addColumn(StringColumn.from(['b', 'b', 'c']), 3);
    expect(table.has(older, 2)).toBe(false);
    expect(table.size).toBe(5);
    expect([...table.entries()].map(([column, i]) => column.at(i)).sort()).toEqual([
      'b',
      'c',
      'news-1x',
      'news-3',
      'é-ünï',
    ]);
  });

  it('grows past its first capacity and still finds every string', () => {
    const many = StringColumn.from(Array.from({ length: 5000 }, (_, i) => `id-${i * 7}`));
    const asked = StringColumn.from(Array.from({ length: 5000 }, (_, i) => `id-${i}`));
    const table = new IdTable(4);
    table.addColumn(many, 5000);
    expect(table.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(table.has(asked, i)).toBe(i % 7 === 0);
  });
});
