import { Text } from 'ink';
import { createContext, type ReactNode, useContext } from 'react';
import type { Line, SpanStyle } from '../text/spans';

export interface TextStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  underline?: boolean;
  inverse?: boolean;
  italic?: boolean;
}

export type Theme = Record<SpanStyle, TextStyle>;

const COLOUR: Theme = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  heading: { bold: true, color: 'cyan' },
  title: { bold: true, color: 'whiteBright' },
  match: { bold: true, color: 'yellowBright', underline: true },
  quote: { color: 'green', italic: true },
  speaker: { color: 'greenBright', bold: true },
  person: { color: 'yellow' },
  organization: { color: 'magenta' },
  place: { color: 'blue' },
  other: { color: 'cyan' },
  selected: { inverse: true },
  error: { color: 'red', bold: true },
};

// NO_COLOR (https://no-color.org): no colour at all; weight, underline and inverse still carry meaning.
const MONO: Theme = {
  plain: {},
  dim: {},
  bold: { bold: true },
  heading: { bold: true },
  title: { bold: true },
  match: { bold: true, underline: true },
  quote: { italic: true },
  speaker: { bold: true },
  person: { underline: true },
  organization: { underline: true },
  place: { underline: true },
  other: { underline: true },
  selected: { inverse: true },
  error: { bold: true },
};

/** The theme for an environment: monochrome when NO_COLOR is set to anything non-empty. */
export function themeFor(env: Record<string, string | undefined>): Theme {
  return env['NO_COLOR'] ? MONO : COLOUR;
}

export const ThemeContext = createContext<Theme>(COLOUR);
export const useTheme = () => useContext(ThemeContext);

/** One screen row of styled spans. */
export function StyledLine({ line, selected = false }: { line: Line; selected?: boolean }): ReactNode {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" {...(selected ? theme.selected : {})}>
      {line.length === 0
        ? ' '
        : line.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: spans of one row never reorder
            <Text key={i} {...theme[s.style]} {...(selected ? theme.selected : {})}>
              {s.text}
            </Text>
          ))}
    </Text>
  );
}
