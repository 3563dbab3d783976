import { GazetteError } from '../errors/gazette-error';
import { TEXT_LIMITS } from '../text/normalize-text';

/** A JSON document is parsed whole, so it is bounded; NDJSON streams and bounds each line instead. */
export const MAX_JSON_CHARS = 20_000_000;

function tooLarge(what: string, length: number, limit: number, where: string, line?: number): GazetteError {
  return new GazetteError(
    'INPUT_TOO_LARGE',
    `${what} is ${length.toLocaleString('en')} characters; the limit is ${limit.toLocaleString('en')}. ${line === undefined ? 'Use NDJSON (one article per line) for large exports.' : 'One article per line.'}`,
    { where, ...(line === undefined ? {} : { line }) },
  );
}

/** One record of a JSON or NDJSON input, with where it was (for errors). */
export interface JsonRecord {
  value: Record<string, unknown>;
  where: string;
}

/**
 * Splits JSON (an article, an array of articles, or { articles: [...] } as `gazette export` and
 * snapshots write) or NDJSON (one article per line) into records. Broken JSON is a GazetteError
 * naming the line.
 */
export function readJsonRecords(content: string, format: 'json' | 'ndjson', where = 'input'): JsonRecord[] {
  const text = content.replace(/^\uFEFF/, '');
  const records: JsonRecord[] = [];
  const push = (value: unknown, at: string) => {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new GazetteError('INVALID_JSON', `${at} is not a JSON object (an article).`, { where: at });
    records.push({ value: value as Record<string, unknown>, where: at });
  };
  if (format === 'ndjson') {
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      if (line.length > TEXT_LIMITS.maxChars)
        throw tooLarge(`Line ${i + 1} of ${where}`, line.length, TEXT_LIMITS.maxChars, where, i + 1);
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new GazetteError(
          'INVALID_JSON',
          `Line ${i + 1} of ${where} is not valid JSON: ${(error as Error).message}.`,
          {
            where,
            line: i + 1,
          },
        );
      }
      push(value, `${where} line ${i + 1}`);
    });
  } else {
    if (text.length > MAX_JSON_CHARS) throw tooLarge(where, text.length, MAX_JSON_CHARS, where);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new GazetteError('INVALID_JSON', `${where} is not valid JSON: ${(error as Error).message}.`, {
        where,
      });
    }
    const list = Array.isArray(value)
      ? value
      : value && typeof value === 'object' && Array.isArray((value as { articles?: unknown }).articles)
        ? (value as { articles: unknown[] }).articles
        : [value];
    list.forEach((v, i) => {
      push(v, list.length === 1 ? where : `${where} item ${i + 1}`);
    });
  }
  if (records.length === 0) throw new GazetteError('EMPTY_INPUT', `${where} holds no articles.`, { where });
  return records;
}
