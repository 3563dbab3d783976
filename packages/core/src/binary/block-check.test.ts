import { describe, expect, it } from 'vitest';
import { GazetteError } from '../errors/gazette-error';
import {
  BlockCheck,
  blockChecksums,
  CHECK_BLOCK,
  CheckedStringColumn,
  TEXT_CHECK_BLOCK,
} from './block-check';
import { StringColumn } from './string-column';

// Strings of about a block each, so damage in one block leaves the strings of the others readable.
const strings = Array.from({ length: 5 }, (_, i) => `${i}`.repeat(CHECK_BLOCK - 100));

function column(damageAt?: number, size = CHECK_BLOCK): CheckedStringColumn {
  const c = StringColumn.from(strings);
  const sums = blockChecksums(c.bytes, size);
  const bytes = c.bytes.slice();
  if (damageAt !== undefined) bytes[damageAt] = bytes[damageAt]! ^ 1;
  return new CheckedStringColumn(bytes, c.off, new BlockCheck(bytes, sums, 'texts.bytes', size));
}

describe('block checks', () => {
  it('read strings as written when no block is damaged', () => {
    expect(column().toArray()).toEqual(strings);
  });

  it.each([
    ['CHECK_BLOCK', CHECK_BLOCK],
    ['TEXT_CHECK_BLOCK', TEXT_CHECK_BLOCK],
  ])('refuse every string that reaches a damaged block, and only those (blocks of %s)', (_, size) => {
    for (const at of [2 * CHECK_BLOCK + 7, 3 * CHECK_BLOCK - 20]) {
      const c = column(at, size);
      const block = Math.floor(at / size);
      let refused = 0;
      for (let i = 0; i < strings.length; i++) {
        const reaches = c.off[i]! < (block + 1) * size && c.off[i + 1]! > block * size;
        if (reaches) expect(() => c.at(i)).toThrow(GazetteError);
        else expect(c.at(i)).toBe(strings[i]);
        if (reaches) refused++;
      }
      expect(refused).toBeGreaterThan(0);
      // A block found damaged stays refused.
      expect(() => c.at(Math.floor(at / (CHECK_BLOCK - 100)))).toThrow(/texts\.bytes checksum/);
    }
  });

  it('refuse block checksums that do not cover the section', () => {
    const c = StringColumn.from(strings);
    expect(() => new BlockCheck(c.bytes, new Uint32Array(1), 'texts.bytes')).toThrow(GazetteError);
  });
});
