import { analyze } from '../analysis/analyze';
import { typoBudget } from './typo-budget';
import { fold } from '../analysis/fold';
import type { QueryNode } from './query-ast';

/**
 * What one word of a query may match, as the core's engine reads it: its terms (all needed: a word written
 * with punctuation is a phrase), terms starting with a prefix (`word*`), and words within `typos` of it.
 */
export interface WordNeed {
  terms: string[];
  prefix?: string;
  typos?: { folded: string; max: number };
}

/** A query tree with its words read: the shape the candidate search walks. */
export type NeedNode =
  | { kind: 'word'; need: WordNeed }
  | { kind: 'and' | 'or'; children: NeedNode[] }
  | { kind: 'any' };

const ANY: NeedNode = { kind: 'any' };

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function wordNeed(word: string, prefix: boolean, typosAllowed: boolean): NeedNode {
  const folded = fold(word);
  const terms = analyze(folded);
  if (terms.length !== 1 && !prefix) {
    const kept = terms.filter(Boolean);
    return kept.length ? { kind: 'word', need: { terms: kept } } : ANY;
  }
  const term = terms[0] ?? '';
  if (!term && !prefix) return ANY; // a stop word: ignored by the engine
  const t = term || folded;
  const need: WordNeed = { terms: [t] };
  if (prefix) need.prefix = commonPrefix(folded, t) || folded;
  const max = typoBudget(folded);
  if (typosAllowed && !prefix && max > 0) need.typos = { folded, max };
  return { kind: 'word', need };
}

/**
 * The query tree as words to look up. Negations, dates and stop words narrow nothing here (the core still
 * applies them); a qualified word (`section:world`) is looked up as a plain word of the article's text.
 */
export function queryNeeds(node: QueryNode | null): NeedNode {
  if (!node) return ANY;
  switch (node.kind) {
    case 'term':
      return wordNeed(node.word, node.prefix, !node.field);
    case 'phrase': {
      const terms = analyze(fold(node.text)).filter(Boolean);
      return terms.length ? { kind: 'word', need: { terms } } : ANY;
    }
    case 'and':
    case 'or':
      return { kind: node.kind, children: node.children.map(queryNeeds) };
    default:
      return ANY;
  }
}

/** Every word need of a tree, in order. */
export function wordNeeds(node: NeedNode): WordNeed[] {
  if (node.kind === 'word') return [node.need];
  if (node.kind === 'any') return [];
  return node.children.flatMap(wordNeeds);
}
