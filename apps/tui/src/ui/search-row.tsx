import type { SearchHit } from '@gazette/core/query';
import { Box } from 'ink';
import { memo, type ReactNode } from 'react';
import { highlightQuery, snippetRow } from '../text/highlight';
import { span } from '../text/spans';
import { truncate } from '../text/wrap-spans';
import { StyledLine } from './theme';

/**
 * One hit: its title with the query's words marked, and a row of its first snippet. Memoised: a keystroke
 * re-renders the prompt, not the rows, and new results re-render only the rows whose hit changed.
 * `q` is the query the hit was found by (rows shown while the next query runs keep their own marks).
 */
export const SearchRow = memo(function SearchRow(props: {
  hit: SearchHit;
  q: string;
  width: number;
  selected: boolean;
}): ReactNode {
  const { hit, q, width, selected } = props;
  return (
    <Box flexDirection="column">
      <StyledLine
        line={[span(selected ? '› ' : '  ', 'dim'), ...highlightQuery(truncate(hit.title, width - 2), q)]}
        selected={selected}
      />
      <StyledLine
        line={[span('  '), ...(hit.snippets[0] ? snippetRow(hit.snippets[0], width - 2) : [span('', 'dim')])]}
      />
    </Box>
  );
});
