import type { EnrichOptions } from '../../enrich/enrich-article';
import type { Article } from '../../model/article-schema';
import { type FieldMapping, jsonRecordToArticle } from './json-record-to-article';
import { readJsonRecords } from './json-records';

/** Reads JSON or NDJSON articles; the first bad record raises a GazetteError naming it. */
export function parseJsonArticles(
  content: string,
  options: EnrichOptions & { format: 'json' | 'ndjson'; name?: string; mapping?: FieldMapping; now?: string },
): Article[] {
  const records = readJsonRecords(content, options.format, options.name ?? 'input');
  const urlsSeen = new Set<string>();
  return records.map((r) =>
    jsonRecordToArticle(r.value, {
      where: r.where,
      format: options.format,
      now: options.now,
      urlsSeen,
      recognizer: options.recognizer,
      ...(options.mapping ? { mapping: options.mapping } : {}),
    }),
  );
}
