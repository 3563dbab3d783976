import { GazetteError } from '../../errors/gazette-error';
import { TEXT_LIMITS } from '../../text/normalize-text';

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

/** Checks that a parsed value is one article record (a JSON object). */
function asRecord(value: unknown, where: string): JsonRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new GazetteError('INVALID_JSON', `${where} is not a JSON object (an article).`, { where });
  return { value: value as Record<string, unknown>, where };
}

/**
 * Reads line `lineNo` of an NDJSON source: undefined for a blank line, else its record. Shared by the
 * in-memory reader and the streaming ingest, so both bound and report lines the same way.
 */
export function readNdjsonLine(line: string, lineNo: number, source: string): JsonRecord | undefined {
  if (!line.trim()) return undefined;
  if (line.length > TEXT_LIMITS.maxChars)
    throw tooLarge(`Line ${lineNo} of ${source}`, line.length, TEXT_LIMITS.maxChars, source, lineNo);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new GazetteError(
      'INVALID_JSON',
      `Line ${lineNo} of ${source} is not valid JSON: ${(error as Error).message}.`,
      {
        where: source,
        line: lineNo,
      },
    );
  }
  return asRecord(value, `${source} line ${lineNo}`);
}

/**
 * Splits JSON (an article, an array of articles, or { articles: [...] } as `gazette export` and
 * snapshots write) or NDJSON (one article per line) into records. Broken JSON is a GazetteError
 * naming the line.
 */
export function readJsonRecords(content: string, format: 'json' | 'ndjson', where = 'input'): JsonRecord[] {
  const text = content.replace(/^\uFEFF/, '');
  const records: JsonRecord[] = [];
  if (format === 'ndjson') {
    text.split(/\r?\n/).forEach((line, i) => {
      const record = readNdjsonLine(line, i + 1, where);
      if (record) records.push(record);
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
      records.push(asRecord(v, list.length === 1 ? where : `${where} item ${i + 1}`));
    });
  }
  if (records.length === 0) throw new GazetteError('EMPTY_INPUT', `${where} holds no articles.`, { where });
  return records;
}
