/** A paragraph continuing a quotation may reopen it with a mark (and space before it): the quotation's text leaves it out. */
const REOPENING = /^\s*["“«„]/;

/**
 * The text of a quotation running from blocks[block] at `start` to blocks[endBlock] before `end`: each
 * block's slice, its reopening mark dropped, joined by a space. One owner: the quote reader makes a
 * quotation's text with it, and an article record gives that text back from the body with it.
 */
export function joinQuotation(
  blocks: readonly string[],
  block: number,
  start: number,
  endBlock: number,
  end: number,
): string {
  const parts = [(blocks[block] ?? '').slice(start)];
  for (let b = block + 1; b < endBlock; b++) parts.push(blocks[b] ?? '');
  parts.push((blocks[endBlock] ?? '').slice(0, end));
  return parts.map((t) => t.replace(REOPENING, '')).join(' ');
}
