// BILOU tags (Begin, Inside, Last, Outside, Unit): tag sets that let the decoder see where a name ends.

export const ENTITY_LABELS = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const BILOU_TAGS: readonly string[] = [
  'O',
  ...ENTITY_LABELS.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`]),
];

/** A labelled span of tokens, `end` exclusive. */
export interface TokenSpan {
  label: EntityLabel;
  start: number;
  end: number;
}

export function spansToBilou(n: number, spans: readonly TokenSpan[]): string[] {
  const tags: string[] = new Array(n).fill('O');
  for (const { label, start, end } of spans) {
    if (end - start === 1) tags[start] = `U-${label}`;
    else
      for (let i = start; i < end; i++) tags[i] = `${i === start ? 'B' : i === end - 1 ? 'L' : 'I'}-${label}`;
  }
  return tags;
}

/** Reads IOB1/IOB2 or BILOU tags into spans (a lone I- opens a span, as conlleval does). */
export function tagsToSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  const close = (at: number) => {
    if (open) {
      open.end = at;
      spans.push(open);
      open = undefined;
    }
  };
  tags.forEach((tag, i) => {
    const dash = tag.indexOf('-');
    const pos = dash < 0 ? 'O' : tag.slice(0, dash);
    const label = tag.slice(dash + 1) as EntityLabel;
    if (pos === 'O') {
      close(i);
      return;
    }
    const continues = open && open.label === label && (pos === 'I' || pos === 'L');
    if (!continues) {
      close(i);
      open = { label, start: i, end: i + 1 };
    }
    if (pos === 'L' || pos === 'U') close(i + 1);
  });
  close(tags.length);
  return spans;
}

/** Whether `next` may follow `prev` in a well-formed BILOU sequence (`prev` undefined: sentence start). */
export function bilouAllowed(prev: string | undefined, next: string): boolean {
  const prevOpen = prev !== undefined && (prev.startsWith('B-') || prev.startsWith('I-'));
  const nextContinues = next.startsWith('I-') || next.startsWith('L-');
  if (!prevOpen) return !nextContinues;
  return nextContinues && prev.slice(2) === next.slice(2);
}
