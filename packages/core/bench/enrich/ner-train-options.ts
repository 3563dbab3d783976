// The tagger's training options from the command line, with the defaults the shipped model is trained with.
import type { ConllDocument } from './conll';
import { clustersFor, placeNames } from './ner-resources';
import type { TrainOptions } from './ner-training';

/**
 * The flags of train-ner.ts and cv-ner.ts: --epochs N, --min-count N, --clip Q, --bytes 1|2, and
 * --no-clusters / --no-places to train without the word clusters or the GeoNames names. Clusters are
 * learnt from `docs` (labels unread) and the BBC text, so a held-out fold never shapes them.
 */
export function trainerOptions(
  args: readonly string[],
  docs: readonly ConllDocument[],
  log: (line: string) => void,
): TrainOptions {
  const arg = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
  return {
    // Chosen by cv:ner (the held-out folds' mean F1 levels off at 10 epochs and falls after 13), never on valid.
    epochs: arg('--epochs') ?? 10,
    minFeatureCount: arg('--min-count') ?? 2,
    clipQuantile: arg('--clip') ?? 1,
    weightBytes: arg('--bytes') === 2 ? 2 : 1,
    ...(args.includes('--no-clusters') ? {} : { clusters: clustersFor(docs, log) }),
    ...(args.includes('--no-places') ? {} : { placeNames: placeNames() }),
    log,
  };
}
