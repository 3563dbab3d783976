import type { Corpus } from '@gazette/core';
import { type CliIo, printJson } from '../cli-io';

export function listCommand(
  io: CliIo,
  corpus: Corpus,
  args: { limit?: number; cursor?: string | undefined; sort?: string | undefined; json: boolean },
): void {
  const result = corpus.list({
    ...(args.limit !== undefined ? { limit: args.limit } : {}),
    ...(args.cursor ? { cursor: args.cursor } : {}),
    ...(args.sort ? { sort: args.sort as 'newest' } : {}),
  });
  if (args.json) {
    printJson(io, result);
    return;
  }
  for (const item of result.items) {
    io.stdout(`${item.slug}\t${item.publishedAt?.slice(0, 10) ?? 'undated'}\t${item.title}\n`);
  }
  io.stdout(
    `${result.items.length} of ${result.total}${result.nextCursor ? ` (next: --cursor ${result.nextCursor})` : ''}\n`,
  );
}
