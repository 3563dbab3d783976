/** The tagger's weights as shipped: compact, JSON-safe, read once on first use. */
export interface NerModelData {
  version: 1;
  /** Tag names, in weight order (BILOU over PER, ORG, LOC, MISC). */
  tags: string[];
  /** Weight = stored integer / scale. */
  scale: number;
  /** Bytes per stored weight: 1 (signed byte) or 2 (signed 16-bit, little-endian). */
  weightBytes?: 1 | 2;
  /** (tags + 1) x tags transition weights, row 0 after the sentence start; integers. */
  transitions: number[];
  /** Feature names joined by "\n", in the order of `weights`. */
  features: string;
  /** Base64 bytes: per feature, a count n then n pairs (tag index, signed weight of `weightBytes`). */
  weights: string;
  /** Gazetteer lines "lower-cased name\tTYPE[,TYPE]" learnt from the training text. */
  gazetteer: string;
  /** Space-separated words the training text writes in lower case. */
  lowerVocab: string;
  /** Lines "word\tcluster path" learnt from unlabelled text; absent: a model without cluster features. */
  clusters?: string;
}
