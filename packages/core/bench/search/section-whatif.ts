// What-if sizes of a snapshot's u32 sections (50k numbers or more) under transforms, each gzipped apart:
// as stored, as steps from the number before, as byte planes (all first bytes, then all second...), both.
//   npx tsx --conditions=@gazette/source bench/search/section-whatif.ts FILE
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { toSteps } from '../../src/corpus/snapshot/stepped-sections';
import { gazetteSections } from './index-part';

const file = process.argv[2]!;
const bytes = readFileSync(file);
const { base, sections } = gazetteSections(bytes);
const steps = toSteps;
const shuffle = (a: Uint32Array) => {
  const b = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const o = new Uint8Array(b.length);
  const n = a.length;
  for (let i = 0; i < n; i++) for (let k = 0; k < 4; k++) o[k * n + i] = b[4 * i + k]!;
  return o;
};
const u8 = (a: Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const gz = (b: Uint8Array) => gzipSync(b).length;
const mb = (x: number) => (x / 2 ** 20).toFixed(2);
const rows: string[] = [];
let saved = 0;
for (const [name, type, offset, count] of sections) {
  if (type !== 'u32' || count < 50000) continue;
  const a = new Uint32Array(bytes.buffer, bytes.byteOffset + base + offset, count);
  const raw = gz(u8(a));
  const st = gz(u8(steps(a)));
  const sh = gz(shuffle(a));
  const stsh = gz(shuffle(steps(a)));
  const best = Math.min(raw, st, sh, stsh);
  saved += raw - best;
  rows.push(
    `${name.padEnd(28)} raw ${mb(4 * count)} gz ${mb(raw)} steps ${mb(st)} shuffle ${mb(sh)} steps+shuffle ${mb(stsh)}`,
  );
}
console.log(rows.join('\n'));
console.log(`saved if each best, sections apart: ${mb(saved)} MB`);
