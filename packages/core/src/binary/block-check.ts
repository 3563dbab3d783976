import { checksum32 } from './checksum';
import { damagedSnapshot } from './damaged-snapshot';
import { StringColumn } from './string-column';

// A large section checked a block at a time, when a read first reaches the block, instead of whole at
// load: a cold start checks only the bytes its first query reads. The block checksums themselves are
// a small section, checked at load with the rest; a block that fails its checksum throws before any
// byte of it is used, so no answer is ever made from damaged bytes.

/**
 * Bytes per checked block, about a microsecond to check. A page's snippets read about eight texts
 * scattered over the section, each checking the whole block it lies in: at 16 KB that was 0.03 ms of an
 * AND query at 100k articles; at 4 KB the checksums take 1 byte per KB of the section.
 */
export const CHECK_BLOCK = 1 << 12;
/**
 * Bytes per checked block of the texts, which every search page reads (its snippets: about twenty texts
 * of a few hundred bytes each, far apart): a quarter of CHECK_BLOCK, for 4 bytes of checksum a KB.
 */
export const TEXT_CHECK_BLOCK = 1 << 10;

/** The checksum of each `size` bytes of `bytes` (the last block may be shorter). */
export function blockChecksums(bytes: Uint8Array, size = CHECK_BLOCK): Uint32Array {
  const sums = new Uint32Array(Math.ceil(bytes.length / size));
  for (let b = 0; b < sums.length; b++)
    sums[b] = checksum32(bytes.subarray(b * size, Math.min(bytes.length, (b + 1) * size)));
  return sums;
}

export class BlockCheck {
  private readonly checked: Uint8Array;

  constructor(
    readonly bytes: Uint8Array,
    private readonly sums: Uint32Array,
    /** The section's name, for the error. */
    private readonly what: string,
    /** Bytes per checked block (as blockChecksums was given). */
    private readonly size = CHECK_BLOCK,
  ) {
    if (sums.length !== Math.ceil(bytes.length / size)) throw damagedSnapshot(`section ${what}`);
    this.checked = new Uint8Array(sums.length);
  }

  /** Checks the blocks holding bytes[from, to) (once each); throws a damaged-snapshot error on a mismatch. */
  check(from: number, to: number): void {
    if (to <= from) return;
    const size = this.size;
    const last = Math.min(this.sums.length - 1, ((to - 1) / size) | 0);
    for (let b = (from / size) | 0; b <= last; b++) {
      if (this.checked[b]) continue;
      const start = b * size;
      const block = this.bytes.subarray(start, Math.min(this.bytes.length, start + size));
      if (checksum32(block) !== this.sums[b]) throw damagedSnapshot(`section ${this.what} checksum`);
      this.checked[b] = 1;
    }
  }
}

/** A string column whose bytes are checked block by block as strings are read. */
export class CheckedStringColumn extends StringColumn {
  constructor(
    bytes: Uint8Array,
    off: Uint32Array,
    private readonly blocks: BlockCheck,
  ) {
    super(bytes, off);
  }

  override at(i: number): string {
    this.blocks.check(this.off[i]!, this.off[i + 1]!);
    return super.at(i);
  }

  override compare(i: number, key: Uint8Array): number {
    this.blocks.check(this.off[i]!, this.off[i + 1]!);
    return super.compare(i, key);
  }
}
