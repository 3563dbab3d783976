import type { Article } from '../model/article-schema';
import type { ArticleDiff, FieldChange } from './store-types';

const COMPARED: Array<keyof Article> = [
  'title',
  'standfirst',
  'byline',
  'source',
  'url',
  'image',
  'language',
  'publishedAt',
  'updatedAt',
  'section',
  'tags',
  'wordCount',
];

/** Blocks only in a, and only in b, by longest common subsequence (bounded: long bodies compare as sets). */
function blockDiff(a: string[], b: string[]): { removed: string[]; added: string[] } {
  if (a.length * b.length > 4_000_000) {
    const sa = new Set(a);
    const sb = new Set(b);
    return { removed: a.filter((x) => !sb.has(x)), added: b.filter((x) => !sa.has(x)) };
  }
  const m = a.length;
  const n = b.length;
  const table = Array.from({ length: m + 1 }, () => new Uint32Array(n + 1));
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  while (i < m) removed.push(a[i++]!);
  while (j < n) added.push(b[j++]!);
  return { removed, added };
}

/** What changed from one version of an article to another: metadata fields, and body blocks. */
export function diffArticles(
  id: string,
  from: number,
  before: Article,
  to: number,
  after: Article,
): ArticleDiff {
  const fields: FieldChange[] = [];
  for (const field of COMPARED) {
    const x = before[field];
    const y = after[field];
    if (JSON.stringify(x) !== JSON.stringify(y)) fields.push({ field, before: x ?? null, after: y ?? null });
  }
  const { removed, added } = blockDiff(
    before.body.map((b) => b.text),
    after.body.map((b) => b.text),
  );
  return { id, from, to, fields, removed, added };
}
