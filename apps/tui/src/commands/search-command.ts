import { PARTIAL_SEARCH_NOTE } from '@gazette/core/query';
import { type CliIo, printJson } from '../cli-io';
import type { GazetteSource } from '../source/gazette-source';
import { safeLine } from '../text/safe-text';
import { UsageError } from '../usage-error';

export async function searchCommand(
  io: CliIo,
  source: GazetteSource,
  args: {
    query?: string | undefined;
    limit?: number;
    cursor?: string | undefined;
    sort?: string | undefined;
    json: boolean;
  },
): Promise<void> {
  if (args.query === undefined)
    throw new UsageError('gazette search needs a QUERY, e.g. gazette search "Macron ambassador".');
  const result = await source.search({
    q: args.query,
    ...(args.limit !== undefined ? { limit: args.limit } : {}),
    ...(args.cursor ? { cursor: args.cursor } : {}),
    ...(args.sort ? { sort: args.sort as 'relevance' } : {}),
  });
  if (args.json) {
    printJson(io, result);
    return;
  }
  for (const hit of result.hits) io.stdout(`${hit.score.toFixed(2)}\t${hit.slug}\t${safeLine(hit.title)}\n`);
  io.stdout(`${result.hits.length} of ${result.total}${result.partial ? ' or more' : ''}\n`);
  if (result.partial) io.stderr(`${PARTIAL_SEARCH_NOTE}\n`);
}
