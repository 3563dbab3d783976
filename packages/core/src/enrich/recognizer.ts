// What an entity recogniser is. The main entry ships a rule-based one (capitalisation and gazetteers,
// no weights, the default everywhere); @gazette/core/ner exports the trained tagger. A caller chooses
// one per call (the `recognizer` option): no process-wide setting, so an Article depends only on its
// input and its options, never on what else was imported.

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name found in a block: `start`/`end` are UTF-16 offsets in that block's text. */
export interface RecognizedSpan {
  label: NerLabel;
  start: number;
  end: number;
}

/** A place of the gazetteer (@gazette/core/places): its country and where it is. */
export interface KnownPlace {
  name: string;
  countryCode: string;
  lat: number;
  lon: number;
  population: number;
}

/**
 * Finds names in the blocks of one document. It is given the whole document so that it may use the
 * other blocks as context (how a word is written elsewhere); it returns one list of spans per block.
 */
export interface EntityRecognizer {
  readonly name: string;
  recognize(blocks: readonly string[]): RecognizedSpan[][];
  /** The gazetteer's place of this name, when the recogniser carries one (`withPlaces`, @gazette/core/places). */
  place?(name: string): KnownPlace | undefined;
}
