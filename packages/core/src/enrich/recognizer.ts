// The entity recogniser in use. The main entry ships a rule-based one (capitalisation and gazetteers,
// no weights); importing @gazette/core/ner and calling installNerModel() swaps in the trained tagger.
import { ruleRecognizer } from './rule-recognizer';

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name found in a block: `start`/`end` are UTF-16 offsets in that block's text. */
export interface RecognizedSpan {
  label: NerLabel;
  start: number;
  end: number;
}

/**
 * Finds names in the blocks of one document. It is given the whole document so that it may use the
 * other blocks as context (how a word is written elsewhere); it returns one list of spans per block.
 */
export interface EntityRecognizer {
  readonly name: string;
  recognize(blocks: readonly string[]): RecognizedSpan[][];
}

let active: EntityRecognizer = ruleRecognizer;

/** Sets the recogniser enrichment uses by default; no argument restores the rule-based one. */
export function setEntityRecognizer(recognizer?: EntityRecognizer): void {
  active = recognizer ?? ruleRecognizer;
}

export function getEntityRecognizer(): EntityRecognizer {
  return active;
}
