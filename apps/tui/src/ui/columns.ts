import { type ArticleSummary, ArticleSummarySchema } from '@gazette/core/query';
import { safeLine } from '../text/safe-text';
import { fit } from '../text/wrap-spans';

/** The fields the article list shows, picked from the schema: renaming a field breaks the build, not the UI. */
export const LIST_FIELDS = ArticleSummarySchema.pick({
  title: true,
  source: true,
  publishedAt: true,
  wordCount: true,
});

type ColumnKind = 'text' | 'number' | 'date' | 'named';

export interface Column {
  key: keyof typeof LIST_FIELDS.shape;
  label: string;
  kind: ColumnKind;
  /** Cells; 0 means "what is left". */
  width: number;
  align: 'left' | 'right';
  format: (item: ArticleSummary) => string;
}

interface ZodDefLike {
  type: string;
  innerType?: { _zod: { def: ZodDefLike } };
  shape?: Record<string, unknown>;
  options?: Array<{ _zod: { def: ZodDefLike } }>;
  format?: string;
}

// The kind of a field is read from its zod definition, so the list follows the model.
function kindOf(def: ZodDefLike): ColumnKind {
  if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType)
    return kindOf(def.innerType._zod.def);
  if (def.type === 'number' || def.type === 'int') return 'number';
  if (def.type === 'object' && def.shape && 'name' in def.shape) return 'named';
  if (def.type === 'union' && def.options?.every((o) => /date/.test(o._zod.def.format ?? ''))) return 'date';
  if (def.type === 'string' && /date/.test(def.format ?? '')) return 'date';
  return 'text';
}

const WIDTH: Record<ColumnKind, number> = { text: 0, number: 7, date: 10, named: 18 };

function label(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function formatter(key: string, kind: ColumnKind): (item: ArticleSummary) => string {
  return (item) => {
    const value = (item as Record<string, unknown>)[key];
    if (value === undefined || value === null) return kind === 'date' ? 'undated' : '';
    switch (kind) {
      case 'number':
        return (value as number).toLocaleString('en');
      case 'date':
        return String(value).slice(0, 10);
      case 'named':
        return safeLine((value as { name: string }).name);
      case 'text':
        return safeLine(String(value));
    }
  };
}

export const COLUMNS: readonly Column[] = Object.entries(LIST_FIELDS.shape).map(([key, schema]) => {
  const kind = kindOf((schema as unknown as { _zod: { def: ZodDefLike } })._zod.def);
  return {
    key: key as Column['key'],
    label: label(key),
    kind,
    // Wide enough for its label, so the header always reads.
    width: WIDTH[kind] && Math.max(WIDTH[kind], label(key).length),
    align: kind === 'number' ? 'right' : 'left',
    format: formatter(key, kind),
  };
});

/** Widths for a row of `total` cells: fixed columns first, the text column(s) share the rest. */
export function layoutColumns(total: number, columns: readonly Column[] = COLUMNS): number[] {
  const gaps = columns.length - 1;
  const fixed = columns.reduce((n, c) => n + c.width, 0);
  const flexible = columns.filter((c) => c.width === 0).length || 1;
  const rest = Math.max(8, Math.floor((total - fixed - gaps) / flexible));
  return columns.map((c) => c.width || rest);
}

export function formatRow(item: ArticleSummary, widths: readonly number[], columns = COLUMNS): string {
  return columns.map((c, i) => fit(c.format(item), widths[i]!, c.align)).join(' ');
}

export function formatHeader(widths: readonly number[], columns = COLUMNS): string {
  return columns.map((c, i) => fit(c.label, widths[i]!, c.align)).join(' ');
}
