import { compareStored, type StringColumn } from '../../binary/string-column';

/**
 * The run whose head is the least stored string (code point order), -1 when every run is spent: run s
 * reads `columns[s]` from `at[s]` up to `end[s]`. A k-way merge of the segments' sorted columns takes
 * its next string here (there are few segments: a scan of the heads beats a heap).
 */
export function leastStoredHead(
  columns: readonly StringColumn[],
  at: ArrayLike<number>,
  end: ArrayLike<number>,
): number {
  let least = -1;
  for (let s = 0; s < columns.length; s++)
    if (
      at[s]! < end[s]! &&
      (least < 0 || compareStored(columns[s]!, at[s]!, at[least]!, columns[least]!) < 0)
    )
      least = s;
  return least;
}
