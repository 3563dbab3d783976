import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { fit } from '../text/wrap-spans';
import { useAppApi, useScreenKeys } from './app-context';
import { KEY_HELP } from './key-help';
import { useTheme } from './theme';

export function HelpScreen(): ReactNode {
  const theme = useTheme();
  const api = useAppApi();
  // Any key but the app's own (Esc, q, ?) is swallowed here: this screen only reads.
  useScreenKeys((input, key) => input !== 'q' && input !== '?' && !key.escape);
  // Two columns when they fit, so every key shows on a 30-row terminal.
  const columns = api.width >= 90 ? 2 : 1;
  const width = Math.floor(api.width / columns) - 1;
  const groups = KEY_HELP.map((group) => (
    <Box key={group.where} flexDirection="column" width={width} paddingRight={2}>
      <Text {...theme.bold}>{group.where}</Text>
      {group.keys.map(([k, what]) => (
        <Text key={k} wrap="truncate-end">
          {'  '}
          {fit(k, 18)} {what}
        </Text>
      ))}
    </Box>
  ));
  const half = Math.ceil(groups.length / columns);
  return (
    <Box flexDirection="column">
      <Text {...theme.heading}>Keys</Text>
      <Box flexDirection="row">
        <Box flexDirection="column">{groups.slice(0, half)}</Box>
        {columns === 2 ? <Box flexDirection="column">{groups.slice(half)}</Box> : null}
      </Box>
      <Text {...theme.dim}>Esc or ? to go back.</Text>
    </Box>
  );
}
