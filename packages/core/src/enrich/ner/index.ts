// @gazette/core/ner: the trained entity tagger (averaged perceptron, CoNLL-2003 train), in its own entry
// so that only code that imports it downloads its weights. Its weights are parsed on first use.
import { type EntityRecognizer, setEntityRecognizer } from '../recognizer';
import modelData from './generated/ner-model.json';
import { NerModel } from './ner-model';
import type { NerModelData } from './ner-model-data';
import { modelRecognizer } from './model-recognizer';

let model: NerModel | undefined;

function getModel(): NerModel {
  model ??= new NerModel(modelData as unknown as NerModelData);
  return model;
}

/** The trained recogniser; pass it as `recognizer` to enrichment, or install it with installNerModel(). */
export const nerRecognizer: EntityRecognizer = modelRecognizer(getModel);

/** Makes the trained tagger the default recogniser of parseText, parseInput and extractEntities. */
export function installNerModel(): void {
  setEntityRecognizer(nerRecognizer);
}

export { NerModel } from './ner-model';
export type { NerModelData } from './ner-model-data';
