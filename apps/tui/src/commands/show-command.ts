import { type Corpus, GazetteError } from '@gazette/core';
import { type CliIo, printJson } from '../cli-io';
import { UsageError } from '../usage-error';

export function showCommand(
  io: CliIo,
  corpus: Corpus,
  args: { id?: string | undefined; json: boolean },
): void {
  if (!args.id) throw new UsageError('gazette show needs an ID or SLUG (see gazette list).');
  const article = corpus.get(args.id);
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
    `${article.title}${article.titleSource === 'derived' ? ' (title derived from the text)' : ''}\n\n`,
  );
  for (const block of article.body) io.stdout(`${block.kind === 'heading' ? '## ' : ''}${block.text}\n\n`);
  if (article.related.length)
    io.stdout(`Related:\n${article.related.map((r) => `- ${r.title}`).join('\n')}\n`);
}
