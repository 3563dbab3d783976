import { GazetteError } from '../errors/gazette-error';

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
