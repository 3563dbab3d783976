/** Field qualifiers of the query language (`title:word`). */
export const QUERY_FIELDS = [
  'title',
  'byline',
  'source',
  'section',
  'tag',
  'lang',
  'person',
  'org',
  'place',
  'entity',
  'quote',
  'speaker',
] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export type QueryNode =
  | { kind: 'term'; field?: QueryField; word: string; prefix: boolean; offset: number }
  | { kind: 'phrase'; field?: QueryField; text: string; offset: number }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  | { kind: 'date'; op: 'after' | 'before' | 'year'; value: string; offset: number };
