// Where a section of a corpus snapshot lies, read from its header, for tests that damage one section.
import { checksum32 } from '../src/binary/checksum';

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

/**
 * A copy of snapshot `bytes` with section `name` changed by `edit` and its checksum (and the header's)
 * made right again: damage only the structure checks can find, as a faulty writer would make.
 */
export function resealed(bytes: Uint8Array, name: string, edit: (section: Uint8Array) => void): Uint8Array {
  const out = bytes.slice();
  const [start, end] = sectionRange(out, name);
  edit(out.subarray(start, end));
  const length = u32(out, 8);
  const header = JSON.parse(new TextDecoder().decode(out.subarray(16, 16 + length))) as {
    sections: Array<[string, string, number, number, number]>;
  };
  header.sections.find((e) => e[0] === name)![4] = checksum32(out.subarray(start, end));
  const json = new TextEncoder().encode(JSON.stringify(header));
  const base = (16 + json.length + 7) & ~7;
  const body = out.subarray((16 + length + 7) & ~7);
  const sealed = new Uint8Array(base + body.length);
  sealed.set(out.subarray(0, 8));
  new DataView(sealed.buffer).setUint32(8, json.length, true);
  new DataView(sealed.buffer).setUint32(12, checksum32(json), true);
  sealed.set(json, 16);
  sealed.set(body, base);
  return sealed;
}
