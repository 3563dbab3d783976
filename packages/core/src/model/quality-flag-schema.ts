import { z } from 'zod';

/** Machine-readable notes on what the input lacked or what was done to it. */
export const QualityFlagSchema = z.enum([
  'no-title',
  'title-derived',
  'no-date',
  'no-byline',
  'no-source',
  'no-url',
  'teasers-removed',
  'short-body',
  'control-characters-removed',
  'bidi-controls-removed',
  'language-guessed',
  /** The text holds U+FFFD: bytes that could not be decoded (or were already replaced upstream). */
  'replacement-characters',
]);
export type QualityFlag = z.infer<typeof QualityFlagSchema>;
