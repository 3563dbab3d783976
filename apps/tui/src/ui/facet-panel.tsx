import type { FacetName } from '@gazette/core/query';
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { safeLine } from '../text/safe-text';
import { fit } from '../text/wrap-spans';
import type { FacetPick } from './search-screen';
import { useTheme } from './theme';

export interface FacetRow {
  facet: FacetName;
  value: string;
  count: number;
}

const FACET_LABEL: Partial<Record<FacetName, string>> = {
  person: 'People',
  place: 'Places',
  organization: 'Organisations',
  source: 'Sources',
};

/**
 * The facets of a search as filters to pick. Memoised: a keystroke leaves it alone until the facets of the
 * new query come. `stale`: the facets are those of an earlier query (typing has not paused yet): dimmed.
 */
export const FacetPanel = memo(function FacetPanel(props: {
  rows: readonly FacetRow[];
  picks: readonly FacetPick[];
  /** The row under the cursor, -1 when the facets are not focused. */
  cursor: number;
  width: number;
  /** Facet values the panel may list (their group headers take rows of their own). */
  height: number;
  stale: boolean;
  error: string | undefined;
}): ReactNode {
  const theme = useTheme();
  const { rows, picks, width } = props;
  return (
    <Box flexDirection="column" width={width} paddingLeft={1}>
      {props.error ? <Text {...theme.error}>{safeLine(props.error)}</Text> : null}
      {rows.length === 0 && !props.error ? (
        <Text {...theme.dim}>{props.stale ? 'Counting facets…' : 'No facets for this query.'}</Text>
      ) : null}
      {rows.slice(0, Math.max(1, props.height)).map((row, i) => {
        const on = picks.some((p) => p.facet === row.facet && p.value === row.value);
        const header = i === 0 || rows[i - 1]!.facet !== row.facet;
        const label = `${on ? '[x]' : '[ ]'} ${fit(safeLine(row.value), width - 14)} ${String(row.count).padStart(5)}`;
        const look = i === props.cursor ? theme.selected : props.stale ? theme.dim : {};
        return (
          <Box key={`${row.facet}:${row.value}`} flexDirection="column">
            {header ? <Text {...theme.bold}>{FACET_LABEL[row.facet] ?? row.facet}</Text> : null}
            <Text wrap="truncate-end" {...look}>
              {label}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
});
