// @gazette/core/places: a gazetteer of the world's cities (GeoNames, 15,000 people or more, about 23,000
// names; 0.9 MB of JSON, 0.4 MB gzipped), in its own entry so that only code that imports it downloads it.
// A recogniser wrapped with `withPlaces` gives each place it finds in the gazetteer its country code and
// coordinates, and reads a well-known city the rules could not type ("Paris") as a place.
import type { EntityRecognizer, KnownPlace } from '../recognizer';
import { type PlacesData, placeLookup } from './gazetteer';
import data from './generated/places.json';

/** The most populous city of the gazetteer with exactly this name, or undefined. */
export const findPlace: (name: string) => KnownPlace | undefined = placeLookup(data as PlacesData);

/** `recognizer`, with the gazetteer: `parseInput(content, { recognizer: withPlaces(nerRecognizer) })`. */
export function withPlaces(recognizer: EntityRecognizer): EntityRecognizer {
  return {
    name: `${recognizer.name}+places`,
    recognize: (blocks) => recognizer.recognize(blocks),
    place: findPlace,
  };
}

export type { KnownPlace } from '../recognizer';
