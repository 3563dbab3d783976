import type { Corpus } from '@gazette/core';
import { type CliIo, printJson } from '../cli-io';
import { UsageError } from '../usage-error';

export function searchCommand(
  io: CliIo,
  corpus: Corpus,
  args: {
    query?: string | undefined;
    limit?: number;
    cursor?: string | undefined;
    sort?: string | undefined;
    json: boolean;
  },
): void {
  if (args.query === undefined)
    throw new UsageError('gazette search needs a QUERY, e.g. gazette search "Macron ambassador".');
  const result = corpus.search({
    q: args.query,
    ...(args.limit !== undefined ? { limit: args.limit } : {}),
    ...(args.cursor ? { cursor: args.cursor } : {}),
    ...(args.sort ? { sort: args.sort as 'relevance' } : {}),
  });
  if (args.json) {
    printJson(io, result);
    return;
  }
  for (const hit of result.hits) io.stdout(`${hit.score.toFixed(2)}\t${hit.slug}\t${hit.title}\n`);
  io.stdout(`${result.hits.length} of ${result.total}\n`);
}
