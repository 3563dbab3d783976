// Where a section of a corpus snapshot lies, read from its header, for tests that damage one section.

const u32 = (b: Uint8Array, i: number) => new DataView(b.buffer, b.byteOffset).getUint32(i, true);

/** [start, end) of section `name` in `bytes`, a corpus snapshot starting at `base`. */
export function sectionRange(bytes: Uint8Array, name: string, base = 0): [number, number] {
  const length = u32(bytes, base + 8);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(base + 16, base + 16 + length))) as {
    sections: Array<[string, string, number, number]>;
  };
  const entry = header.sections.find((e) => e[0] === name);
  if (!entry) throw new Error(`no section ${name}`);
  const start = base + ((16 + length + 7) & ~7) + entry[2];
  return [start, start + entry[3] * (entry[1] === 'u32' ? 4 : 1)];
}
