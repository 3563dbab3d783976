import type { KnownPlace } from '../recognizer';

/** The gazetteer data as scripts/build-places.ts writes it: one "name, country, lat, lon, population" line per name. */
export interface PlacesData {
  source: string;
  minPopulation: number;
  places: string;
}

/** A lookup of places by exact name, built on first use (one pass over the lines). */
export function placeLookup(data: PlacesData): (name: string) => KnownPlace | undefined {
  let byName: Map<string, string> | undefined;
  return (name) => {
    if (!byName) {
      byName = new Map();
      for (const line of data.places.split('\n')) byName.set(line.slice(0, line.indexOf('\t')), line);
    }
    const line = byName.get(name);
    if (!line) return undefined;
    const [, countryCode, lat, lon, population] = line.split('\t');
    return {
      name,
      countryCode: countryCode!,
      lat: Number(lat),
      lon: Number(lon),
      population: Number(population),
    };
  };
}
