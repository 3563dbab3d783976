import { analyze } from '../analysis/analyze';
import { typoBudget } from './typo-budget';
import { fold } from '../analysis/fold';
import type { QueryNode } from './query-ast';

/**
 * The terms of a parsed query, as the query limit counts them: each word (a prefix* or a word read with
 * typos counts once; its expansions are bounded by the work budget), each word of a phrase, each date.
 */
export function countTerms(node: QueryNode): number {
  switch (node.kind) {
    case 'term':
    case 'date':
      return 1;
    case 'phrase':
      return Math.max(1, analyze(node.text).length);
    case 'not':
      return countTerms(node.child);
    case 'and':
    case 'or':
      return node.children.reduce((n, c) => n + countTerms(c), 0);
  }
}

/** The words of a query that may expand: prefix words, and words long enough to be read with typos. */
export function expandingWords(node: QueryNode): number {
  switch (node.kind) {
    case 'term':
      return node.prefix || (!node.field && typoBudget(fold(node.word)) > 0) ? 1 : 0;
    case 'not':
      return expandingWords(node.child);
    case 'and':
    case 'or':
      return node.children.reduce((n, c) => n + expandingWords(c), 0);
    default:
      return 0;
  }
}
