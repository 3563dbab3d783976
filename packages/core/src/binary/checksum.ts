// A snapshot section's checksum: fast (a word at a time, four independent lanes so the multiplies
// overlap), not cryptographic. It is there to catch damage (a bad disk, a cut copy, a stray write),
// not an attacker. Each step, h = imul(h ^ word, odd), is a bijection of the word and of h, so any
// change confined to one word always changes the result. (A rotate in the step would mix the high bits
// down but made the pass 2-3 times slower: 200 MB must check well within a cold start.)

const P1 = 0x9e3779b1 | 0;
const P2 = 0x85ebca77 | 0;
const P3 = 0xc2b2ae3d | 0;
const P4 = 0x27d4eb2f | 0;

/** The four lanes over whole words, folded into one. */
function words32(w: Uint32Array): number {
  let a = 1;
  let b = 2;
  let c = 3;
  let d = 4;
  const n = w.length & ~3;
  for (let i = 0; i < n; i += 4) {
    a = Math.imul(a ^ w[i]!, P1);
    b = Math.imul(b ^ w[i + 1]!, P2);
    c = Math.imul(c ^ w[i + 2]!, P3);
    d = Math.imul(d ^ w[i + 3]!, P4);
  }
  for (let i = n; i < w.length; i++) a = Math.imul(a ^ w[i]!, P1);
  return Math.imul(Math.imul(Math.imul(a ^ b, P2) ^ c, P3) ^ d, P4);
}

/** The checksum of `bytes` (any alignment, any length); an unsigned 32-bit number. */
export function checksum32(bytes: Uint8Array): number {
  const words = bytes.byteOffset % 4 === 0 ? bytes.length >>> 2 : 0;
  let h = words32(new Uint32Array(bytes.buffer, bytes.byteOffset, words));
  // The bytes past the last whole word (all of them if the view is not aligned), and the length.
  for (let j = words * 4; j < bytes.length; j++) h = Math.imul(h ^ bytes[j]!, P1);
  h = Math.imul(h ^ bytes.length, P2);
  // Mix the high bits down (murmur's finaliser).
  h = Math.imul(h ^ (h >>> 16), P2);
  h = Math.imul(h ^ (h >>> 13), P3);
  return (h ^ (h >>> 16)) >>> 0;
}
