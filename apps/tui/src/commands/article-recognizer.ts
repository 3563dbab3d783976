import type { EntityRecognizer } from '@gazette/core';

/**
 * The recogniser `gazette parse` and `gazette ingest` read with: the trained tagger, with places linked to
 * the gazetteer (country code and coordinates). Both load on demand, only in these commands.
 */
export async function articleRecognizer(): Promise<EntityRecognizer> {
  const [{ nerRecognizer }, { withPlaces }] = await Promise.all([
    import('@gazette/core/ner'),
    import('@gazette/core/places'),
  ]);
  return withPlaces(nerRecognizer);
}
