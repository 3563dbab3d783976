/**
 * A short id for a feed URL: FNV-1a over its UTF-16 units, twice with two seeds, in base 36. Stable across
 * runs and machines (it names the source in `gazette unfollow`), with no clock and no crypto dependency.
 */
export function sourceId(url: string): string {
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < url.length; i++) {
      h ^= url.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  };
  return `s${hash(0x811c9dc5).toString(36).padStart(7, '0')}${hash(0x050c5d1f).toString(36).padStart(7, '0')}`.slice(
    0,
    11,
  );
}
