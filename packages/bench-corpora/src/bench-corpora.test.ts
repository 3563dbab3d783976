import { describe, expect, it } from 'vitest';
import { bbcAsText, generateCorpus, HAS_SHARED, parseCsv, readBbc, SHARED_MISSING } from './index';

describe('parseCsv', () => {
  it('reads quoted fields with doubled quotes, commas and newlines', () => {
    expect(parseCsv('a,b\n"x, ""y""\nz",2\n')).toEqual([
      ['a', 'b'],
      ['x, "y"\nz', '2'],
    ]);
  });
});

describe.skipIf(!HAS_SHARED)('BBC corpus and generated corpora', () => {
  if (!HAS_SHARED) it.skip(SHARED_MISSING, () => {});
  it('reads 1,891 BBC articles in 5 categories, with mojibake repaired', () => {
    const bbc = readBbc();
    expect(bbc).toHaveLength(1557 + 334);
    expect(new Set(bbc.map((r) => r.category)).size).toBe(5);
    expect(bbc.some((r) => r.text.includes('Â£'))).toBe(false);
    expect(bbcAsText(bbc[0]!).split('\n').length).toBeGreaterThan(3);
  });

  it('generates the same corpus for the same seed, and another for another seed', () => {
    const bbc = readBbc(['val']);
    const a = generateCorpus(bbc, 50, 7);
    expect(generateCorpus(bbc, 50, 7)).toEqual(a);
    expect(generateCorpus(bbc, 50, 8)).not.toEqual(a);
    expect(a.every((r) => r.meta.tags.includes('generated'))).toBe(true);
  });
});
