import { sha256Hex, slugify } from '@gazette/core/internals';

// One place that turns corpus values into URL paths, so every link and every getStaticPaths agree.
// Values that are already URL-safe keep their form; others get a readable slug plus a short hash,
// so two values never share a path.
function pathKey(value: string, fallback: string): string {
  if (/^[a-z0-9][a-z0-9_-]{0,79}$/.test(value)) return value;
  const words = slugify(value);
  return `${words || fallback}-${sha256Hex(value).slice(0, 8)}`;
}

export const articleKey = (slug: string) => slug;
export const entityKey = (id: string) => pathKey(id, 'entity');
export const sectionKey = (section: string) => pathKey(section, 'section');
export const tagKey = (tag: string) => pathKey(tag, 'tag');

export const articlePath = (slug: string) => `/articles/${articleKey(slug)}/`;
export const entityPath = (id: string) => `/entities/${entityKey(id)}/`;
export const sectionPath = (section: string, page = 1) =>
  `/sections/${sectionKey(section)}/${page > 1 ? `${page}/` : ''}`;
export const tagPath = (tag: string, page = 1) => `/tags/${tagKey(tag)}/${page > 1 ? `${page}/` : ''}`;
export const searchPath = (q?: string) => (q ? `/search/?q=${encodeURIComponent(q)}` : '/search/');
