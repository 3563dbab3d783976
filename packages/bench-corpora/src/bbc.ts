import { readFileSync } from 'node:fs';
import { parseCsv } from './parse-csv';
import { SHARED_CORPORA } from './shared-path';

export interface BbcRecord {
  /** Row position: `train:12`, `val:3`. */
  key: string;
  /** The whole text as given: headline words run straight into the body. */
  text: string;
  category: string;
}

// The CSV was saved as UTF-8 read as Latin-1 in places: "Â£" for "£", "â€™" for "’".
function repairMojibake(text: string): string {
  if (!/[ÂÃâ][\u0080-\u00ff€™œ]/.test(text)) return text;
  return text
    .replace(/Â£/g, '£')
    .replace(/â€™/g, '’')
    .replace(/â€œ/g, '“')
    .replace(/â€\u009d|â€/g, '”')
    .replace(/Â /g, ' ');
}

/** The BBC News articles of ../shared/corpora/bbc (train then val), in file order. */
export function readBbc(splits: ReadonlyArray<'train' | 'val'> = ['train', 'val']): BbcRecord[] {
  return splits.flatMap((split) =>
    parseCsv(readFileSync(`${SHARED_CORPORA}bbc/${split}.csv`, 'utf8'))
      .slice(1)
      .filter((r) => r.length >= 2 && r[0]!.trim())
      .map((r, i) => ({ key: `${split}:${i}`, text: repairMojibake(r[0]!), category: r[1]!.trim() })),
  );
}

/**
 * The record as plain text with one paragraph per two sentences: the CSV lost its paragraph breaks, and
 * Gazette reads a line as a paragraph. The words are untouched.
 */
export function bbcAsText(record: BbcRecord): string {
  const sentences = record.text.match(/[^.!?]+(?:[.!?]+["”’]?|$)\s*/g) ?? [record.text];
  const lines: string[] = [];
  for (let i = 0; i < sentences.length; i += 2)
    lines.push(
      sentences
        .slice(i, i + 2)
        .join('')
        .trim(),
    );
  return `${lines.filter(Boolean).join('\n')}\n`;
}
