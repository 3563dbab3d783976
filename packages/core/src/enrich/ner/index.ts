// @gazette/core/ner: the trained entity tagger (averaged perceptron, CoNLL-2003 train), in its own entry
// so that only code that imports it downloads its weights. Its weights are parsed on first use.
import type { EntityRecognizer } from '../recognizer';
import modelData from './generated/ner-model.json';
import { NerModel } from './ner-model';
import type { NerModelData } from './ner-model-data';
import { modelRecognizer } from './model-recognizer';

let model: NerModel | undefined;

function getModel(): NerModel {
  model ??= new NerModel(modelData as unknown as NerModelData);
  return model;
}

/**
 * The trained recogniser (English; other languages are read by the rules). Pass it per call:
 * `parseInput(content, { recognizer: nerRecognizer })`, `parseText(text, meta, { recognizer })`,
 * `enrichArticle(article, { recognizer })`, `extractEntities(text, nerRecognizer)`.
 */
export const nerRecognizer: EntityRecognizer = modelRecognizer(getModel);

export { NerModel } from './ner-model';
export type { NerModelData } from './ner-model-data';
