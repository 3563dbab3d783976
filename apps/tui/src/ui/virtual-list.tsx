import { Box, Text } from 'ink';
import { type ReactNode, useRef } from 'react';

/** The first row to show so that `selected` is on screen, moving the view as little as possible. */
export function scrollTop(previous: number, selected: number, height: number, count: number): number {
  const h = Math.max(1, height);
  let top = Math.min(previous, selected);
  if (selected >= top + h) top = selected - h + 1;
  return Math.max(0, Math.min(top, Math.max(0, count - h)));
}

/** Renders only the rows that fit in `height`: a list of 100,000 costs what a screenful costs. */
export function VirtualList<T>(props: {
  items: readonly T[];
  /** Rows in all, loaded or not (rows not loaded yet show as such). */
  count?: number;
  selected: number;
  height: number;
  renderRow: (item: T, index: number, selected: boolean) => ReactNode;
  /**
   * Row `i` when rows are not all loaded from the start (a list read from both ends): with it, the list
   * spans `count` rows and those not loaded yet show as `pending`.
   */
  at?: (index: number) => T | undefined;
  pending?: (index: number, selected: boolean) => ReactNode;
  empty?: ReactNode;
}): ReactNode {
  const top = useRef(0);
  const count = props.at ? (props.count ?? props.items.length) : props.items.length;
  top.current = scrollTop(top.current, props.selected, props.height, count);
  const rows: ReactNode[] = [];
  const end = Math.min(count, top.current + props.height);
  for (let i = top.current; i < end; i++) {
    const item = props.at ? props.at(i) : props.items[i];
    rows.push(
      item === undefined
        ? (props.pending?.(i, i === props.selected) ?? null)
        : props.renderRow(item, i, i === props.selected),
    );
  }
  return (
    <Box flexDirection="column" height={props.height} overflow="hidden">
      {rows.length ? rows : (props.empty ?? <Text> </Text>)}
    </Box>
  );
}

/** Moves a selection for the usual list keys; returns undefined for keys it does not handle. */
export function moveSelection(
  input: string,
  key: {
    upArrow: boolean;
    downArrow: boolean;
    pageUp: boolean;
    pageDown: boolean;
    home?: boolean;
    end?: boolean;
  },
  selected: number,
  count: number,
  page: number,
): number | undefined {
  const last = Math.max(0, count - 1);
  let next: number | undefined;
  if (key.downArrow || input === 'j') next = selected + 1;
  else if (key.upArrow || input === 'k') next = selected - 1;
  else if (key.pageDown || input === ' ' || input === 'f') next = selected + page;
  else if (key.pageUp || input === 'b') next = selected - page;
  else if (key.home || input === 'g') next = 0;
  else if (key.end || input === 'G') next = last;
  return next === undefined ? undefined : Math.max(0, Math.min(last, next));
}
