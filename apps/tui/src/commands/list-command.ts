import { type CliIo, printJson } from '../cli-io';
import type { GazetteSource } from '../source/gazette-source';
import { safeLine } from '../text/safe-text';

export async function listCommand(
  io: CliIo,
  source: GazetteSource,
  args: { limit?: number; cursor?: string | undefined; sort?: string | undefined; json: boolean },
): Promise<void> {
  const result = await source.list({
    ...(args.limit !== undefined ? { limit: args.limit } : {}),
    ...(args.cursor ? { cursor: args.cursor } : {}),
    ...(args.sort ? { sort: args.sort as 'newest' } : {}),
  });
  if (args.json) {
    printJson(io, result);
    return;
  }
  for (const item of result.items) {
    io.stdout(`${item.slug}\t${item.publishedAt?.slice(0, 10) ?? 'undated'}\t${safeLine(item.title)}\n`);
  }
  io.stdout(
    `${result.items.length} of ${result.total}${result.nextCursor ? ` (next: --cursor ${result.nextCursor})` : ''}\n`,
  );
}
