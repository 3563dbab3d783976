import type { ArticleFilters } from '@gazette/core/query';

/** The views of the UI; the app keeps them on a stack (Esc pops). */
export type Screen =
  | { kind: 'articles'; filters?: ArticleFilters; title?: string }
  | { kind: 'search' }
  | { kind: 'reader'; id: string }
  | { kind: 'entities' }
  | { kind: 'quotes' }
  | { kind: 'help' };

export type StackEntry = Screen & { key: number };
