import { GazetteError } from '@gazette/core/query';
import { type CliIo, printJson } from '../cli-io';
import type { GazetteSource } from '../source/gazette-source';
import { safeLine, safeText } from '../text/safe-text';
import { UsageError } from '../usage-error';

export async function showCommand(
  io: CliIo,
  source: GazetteSource,
  args: { id?: string | undefined; json: boolean },
): Promise<void> {
  if (!args.id) throw new UsageError('gazette show needs an ID or SLUG (see gazette list).');
  const article = await source.get(args.id);
  if (!article)
    throw new GazetteError(
      'NOT_FOUND',
      `No article has the id or slug "${args.id}"; gazette list shows them.`,
      { where: 'id' },
    );
  if (args.json) {
    printJson(io, article);
    return;
  }
  io.stdout(
    `${safeLine(article.title)}${article.titleSource === 'derived' ? ' (title derived from the text)' : ''}\n\n`,
  );
  for (const block of article.body)
    io.stdout(`${block.kind === 'heading' ? '## ' : ''}${safeText(block.text)}\n\n`);
  if (article.related.length)
    io.stdout(`Related:\n${article.related.map((r) => `- ${safeLine(r.title)}`).join('\n')}\n`);
}
