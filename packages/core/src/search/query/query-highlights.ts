import { tokensWithOffsets } from '../analysis/analyze';
import { fold } from '../analysis/fold';
import { parsedQuery } from './parse-query';
import type { QueryNode } from './query-ast';
import { queryNeeds, wordNeeds } from './query-words';

/**
 * Where a query's words are in a text (a title, a line): the words whose term the query asks for, or that
 * start with a `prefix*` of it, by the core's own word rule. For faces that mark matches in text the search
 * did not make a snippet of; negated words are not marked.
 */
export function queryHighlights(text: string, q: string): Array<{ start: number; end: number }> {
  const needs = wordNeeds(queryNeeds(positive(parsedQuery(q))));
  const terms = new Set(needs.flatMap((n) => n.terms));
  const prefixes = needs.flatMap((n) => (n.prefix === undefined ? [] : [n.prefix]));
  const out: Array<{ start: number; end: number }> = [];
  for (const t of tokensWithOffsets(text)) {
    if (!t.term) continue;
    const word = prefixes.length ? fold(text.slice(t.start, t.end)) : '';
    if (terms.has(t.term) || prefixes.some((p) => t.term.startsWith(p) || word.startsWith(p)))
      out.push({ start: t.start, end: t.end });
  }
  return out;
}

/** The query without its negated parts. */
function positive(node: QueryNode | null): QueryNode | null {
  if (!node || node.kind === 'not') return null;
  if (node.kind === 'and' || node.kind === 'or')
    return {
      kind: node.kind,
      children: node.children.map(positive).filter((c): c is QueryNode => c !== null),
    };
  return node;
}
