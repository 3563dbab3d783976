// A small HTML tag scanner for the hostile-build test: it reads tags with their quoted attribute values
// (where a literal `<` is harmless), so only real markup is judged.
const TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

export interface Tag {
  name: string;
  attrs: Array<[string, string]>;
}

export function tags(html: string): Tag[] {
  return [...html.matchAll(TAG)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attrs: [...(m[2] ?? '').matchAll(ATTR)].map((a) => [
      a[1]!.toLowerCase(),
      (a[2] ?? '').replace(/^["']|["']$/g, '').replace(/&#x?[0-9a-f]+;|&[a-z]+;/gi, ''),
    ]),
  }));
}

/** Why a tag could run code, or undefined when it cannot. */
export function liveProblem(tag: Tag): string | undefined {
  const attr = new Map(tag.attrs);
  if (tag.name === 'script') {
    const src = attr.get('src');
    if (attr.get('type') === 'application/ld+json' && !src) return undefined;
    if (attr.get('type') === 'module' && src && /^\/_astro\/[\w.-]+\.js$/.test(src)) return undefined;
    return `script ${JSON.stringify(tag.attrs)}`;
  }
  // The only SVGs are the site's own timeline and map: their attributes are checked below like any other.
  // The map's <use> may refer only to the site's own shapes file (the world, or one country by ISO code).
  if (tag.name === 'use') {
    const href = new Map(tag.attrs).get('href') ?? '';
    if (!/^\/world-map\.svg#(world|c-[A-Z]{2})$/.test(href)) return `<use href=${href}>`;
  } else if (
    ['img', 'iframe', 'object', 'embed', 'frame', 'base', 'foreignobject', 'animate', 'set'].includes(
      tag.name,
    )
  )
    return `<${tag.name}>`;
  for (const [name, value] of tag.attrs) {
    if (name.startsWith('on')) return `${name}= on <${tag.name}>`;
    if (
      ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) &&
      /^\s*(javascript|data|vbscript):/i.test(value)
    )
      return `${name}=${value} on <${tag.name}>`;
  }
  return undefined;
}
