import { EntitiesParamsSchema } from '@gazette/core/query';
import { type CliIo, printJson } from '../cli-io';
import type { GazetteSource } from '../source/gazette-source';
import { safeLine } from '../text/safe-text';
import { UsageError } from '../usage-error';

const TYPES = EntitiesParamsSchema.shape.type.unwrap().options;
const SORTS = EntitiesParamsSchema.shape.sort.unwrap().options;

/** `gazette entities`: people, organisations and places by mentions (the API's /v1/entities). */
export async function entitiesCommand(
  io: CliIo,
  source: GazetteSource,
  args: {
    type?: string | undefined;
    prefix?: string | undefined;
    sort?: string | undefined;
    limit?: number;
    cursor?: string | undefined;
    json: boolean;
  },
): Promise<void> {
  if (args.type !== undefined && !(TYPES as readonly string[]).includes(args.type))
    throw new UsageError(`--type must be one of ${TYPES.join(', ')}; got "${args.type}".`);
  if (args.sort !== undefined && !(SORTS as readonly string[]).includes(args.sort))
    throw new UsageError(`gazette entities --sort must be one of ${SORTS.join(', ')}; got "${args.sort}".`);
  const result = await source.entities({
    ...(args.type ? { type: args.type as (typeof TYPES)[number] } : {}),
    ...(args.prefix ? { prefix: args.prefix } : {}),
    ...(args.sort ? { sort: args.sort as (typeof SORTS)[number] } : {}),
    ...(args.limit !== undefined ? { limit: args.limit } : {}),
    ...(args.cursor ? { cursor: args.cursor } : {}),
  });
  if (args.json) {
    printJson(io, result);
    return;
  }
  for (const e of result.items)
    io.stdout(`${e.id}\t${e.type}\t${e.mentionCount}\t${e.articleCount}\t${safeLine(e.name)}\n`);
  io.stdout(
    `${result.items.length} of ${result.total}${result.nextCursor ? ` (next: --cursor ${result.nextCursor})` : ''}\n`,
  );
}
