// The tagger's training options from the command line, with the defaults the shipped model is trained with.
import type { ConllDocument } from './conll';
import { clustersFor, placeNames } from './ner-resources';
import type { TrainOptions } from './ner-training';

/**
 * The flags of train-ner.ts and cv-ner.ts: --epochs N, --min-count N, --clip Q, --bytes 1|2, --clusters to
 * add word clusters learnt from `docs` (labels unread) and the BBC text (so a held-out fold never shapes
 * them), --places to add the GeoNames names. The defaults rebuild the shipped model: the features are
 * measured by cv:ner (docs/benchmarks.md) but not shipped yet (see ner-generalisation there).
 */
export function trainerOptions(
  args: readonly string[],
  docs: readonly ConllDocument[],
  log: (line: string) => void,
): TrainOptions {
  const arg = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
  return {
    // cv:ner's mean held-out curve is flat from 7 to 16 epochs (within 0.12 F1), with or without clusters.
    epochs: arg('--epochs') ?? 16,
    minFeatureCount: arg('--min-count') ?? 2,
    clipQuantile: arg('--clip') ?? 1,
    weightBytes: arg('--bytes') === 2 ? 2 : 1,
    ...(args.includes('--clusters') ? { clusters: clustersFor(docs, log) } : {}),
    ...(args.includes('--places') ? { placeNames: placeNames() } : {}),
    log,
  };
}
