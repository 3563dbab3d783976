// Search as you type: the word being typed is read as a prefix (`mac` finds Macron), as every
// search-as-you-type box does. One rule for every face (the TUI's `/`, the site's search box).

const DATE_QUALIFIERS = new Set(['after', 'before', 'year', 'date']);
const OPERATORS = new Set(['OR', 'AND', 'NOT', '|']);

/**
 * The query with its last word marked as a prefix (`word*`) while it is being typed: not after a space,
 * inside an open "phrase", on an operator, a date qualifier or a word already ending in `*`.
 */
export function prefixLastWord(q: string): string {
  const last = lastWord(q);
  if (!last || last.endsWith('*') || last.endsWith('"') || OPERATORS.has(last)) return q;
  if ((q.match(/"/g)?.length ?? 0) % 2 === 1) return q;
  const colon = last.indexOf(':');
  if (
    colon >= 0 &&
    (colon === last.length - 1 || DATE_QUALIFIERS.has(last.slice(0, colon).replace(/^-/, '').toLowerCase()))
  )
    return q;
  if (!/[\p{L}\p{N}]$/u.test(last)) return q;
  return `${q}*`;
}

/** The run of characters after the last space or parenthesis (a loop: /[^\s()]+$/ backtracks polynomially). */
function lastWord(q: string): string | undefined {
  let start = q.length;
  while (start > 0 && !/[\s()]/.test(q[start - 1]!)) start--;
  return start < q.length ? q.slice(start) : undefined;
}
