import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Changes one byte in the middle of a named section of a corpus snapshot file (also one kept beside a
 * store, behind its key): found through the snapshot's JSON header, whose section table ends in "]]}".
 */
export function damageSection(file: string, section: string): void {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  const start = text.indexOf('{"format":"gazette-snapshot"');
  const end = text.indexOf(']]}', start) + 3;
  const header = JSON.parse(text.slice(start, end)) as { sections: Array<[string, string, number, number]> };
  const entry = header.sections.find((s) => s[0] === section);
  if (!entry || entry[3] === 0) throw new Error(`no section ${section} with bytes in ${file}`);
  const size = entry[1] === 'u32' ? 4 : 1;
  const at = ((end + 7) & ~7) + entry[2] + Math.floor((entry[3] * size) / 2);
  bytes[at] = bytes[at]! ^ 0x04;
  writeFileSync(file, bytes);
}

/** The file of the `i`-th segment kept beside the store at `db` (named by its manifest). */
export function keptSegmentFile(db: string, i = 0): string {
  const manifest = JSON.parse(readFileSync(`${db}.segments/manifest.json`, 'utf8')) as {
    segments: Array<{ file: string }>;
  };
  return `${db}.segments/${manifest.segments[i]!.file}`;
}
