/** Code points of bytes[from, to) (UTF-8) into out, at most out.length of them; returns the count. */
export function codePoints(bytes: Uint8Array, from: number, to: number, out: Uint32Array): number {
  let n = 0;
  for (let i = from; i < to && n < out.length; i += utf8Width(bytes[i]!)) out[n++] = codePointAt(bytes, i);
  return n;
}

/** Bytes of the UTF-8 sequence led by byte `lead`. */
export const utf8Width = (lead: number): number => (lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);

/** The code point whose UTF-8 sequence starts at bytes[i]. */
export function codePointAt(bytes: Uint8Array, i: number): number {
  const c = bytes[i]!;
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  return (
    ((c & 0x07) << 18) |
    ((bytes[i + 1]! & 0x3f) << 12) |
    ((bytes[i + 2]! & 0x3f) << 6) |
    (bytes[i + 3]! & 0x3f)
  );
}
