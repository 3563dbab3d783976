import { parseDocument } from 'yaml';
import { GazetteError } from '../../errors/gazette-error';

export interface FrontMatter {
  data: Record<string, unknown> | undefined;
  /** The text after the front matter. */
  body: string;
  /** Lines the front matter took, so errors in the body can name their line. */
  lineOffset: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits a YAML front-matter block (`---` ... `---`) off the top of a text, when there is one. */
export function splitFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: undefined, body: text, lineOffset: 0 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    throw new GazetteError(
      'INVALID_FRONT_MATTER',
      'The text opens a front-matter block with "---" on line 1 but never closes it with a second "---" line.',
      { where: 'front matter', line: 1 },
    );
  }
  const yamlText = rest.slice(0, close.index);
  const lineOffset = 1 + yamlText.split('\n').length + 1;
  // No aliases expansion beyond a handful and no custom tags: front matter is small and flat.
  const doc = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw new GazetteError(
      'INVALID_FRONT_MATTER',
      `The front matter is not valid YAML${line ? ` (line ${line + 1})` : ''}: ${first.message.split('\n')[0]}`,
      { where: 'front matter', ...(line ? { line: line + 1 } : {}) },
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10 });
  } catch (error) {
    throw new GazetteError(
      'INVALID_FRONT_MATTER',
      `The front matter could not be read: ${(error as Error).message}`,
      { where: 'front matter' },
    );
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new GazetteError(
      'INVALID_FRONT_MATTER',
      'The front matter must be a set of "key: value" lines (a YAML mapping).',
      { where: 'front matter', line: 2 },
    );
  }
  return {
    data: (data ?? {}) as Record<string, unknown>,
    body: rest.slice(close.index + close[0].length),
    lineOffset,
  };
}
