import { type CliIo, printJson } from '../cli-io';
import type { GazetteSource } from '../source/gazette-source';
import { safeLine } from '../text/safe-text';

/** `gazette quotes`: quotations with their speakers (the API's /v1/quotes). */
export async function quotesCommand(
  io: CliIo,
  source: GazetteSource,
  args: {
    speaker?: string | undefined;
    q?: string | undefined;
    article?: string | undefined;
    limit?: number;
    cursor?: string | undefined;
    json: boolean;
  },
): Promise<void> {
  const result = await source.quotes({
    ...(args.speaker ? { speaker: args.speaker } : {}),
    ...(args.q ? { q: args.q } : {}),
    ...(args.article ? { article: args.article } : {}),
    ...(args.limit !== undefined ? { limit: args.limit } : {}),
    ...(args.cursor ? { cursor: args.cursor } : {}),
  });
  if (args.json) {
    printJson(io, result);
    return;
  }
  for (const q of result.items)
    io.stdout(`${safeLine(q.speaker ?? 'unattributed')}\t“${safeLine(q.text)}”\t${q.articleSlug}\n`);
  io.stdout(
    `${result.items.length} of ${result.total}${result.nextCursor ? ` (next: --cursor ${result.nextCursor})` : ''}\n`,
  );
}
