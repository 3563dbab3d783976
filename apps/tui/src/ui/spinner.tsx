import { Text, useAnimation } from 'ink';
import type { ReactNode } from 'react';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function Spinner({ label }: { label?: string }): ReactNode {
  const { frame } = useAnimation({ interval: 80 });
  return (
    <Text>
      {FRAMES[frame % FRAMES.length]}
      {label ? ` ${label}` : ''}
    </Text>
  );
}
