import type { MultiPolygon, Polygon, Position } from 'geojson';
import { whereNumeric } from 'iso-3166-1';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth's 1:110m country shapes (public domain) as TopoJSON, from the npm package world-atlas:
// 108 kB read once per build, never shipped to the browser and never fetched at run time.
import countries110m from 'world-atlas/countries-110m.json';
import { type Point, projectLonLat, WORLD_HEIGHT, WORLD_WIDTH } from './projection';

/** One country's outline, projected and rounded to whole units of the map's viewBox. */
export interface CountryShape {
  /** ISO 3166-1 alpha-2, or undefined for the few shapes without a code (N. Cyprus, Somaliland, Kosovo). */
  code: string | undefined;
  name: string;
  /** SVG path data: absolute moves, relative lines, so a country costs a few bytes per vertex. */
  d: string;
  /** [minX, minY, maxX, maxY] in viewBox units. */
  box: [number, number, number, number];
}

/** Left out: a continent no story of the site happens in, and the bottom third of the map's height. */
const LEFT_OUT = new Set(['Antarctica']);

let cached: CountryShape[] | undefined;

/** Every country of the world-atlas, drawn once per process (the build), in the package's order. */
export function worldShapes(): CountryShape[] {
  if (cached) return cached;
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  cached = collection.features
    .filter((f) => !LEFT_OUT.has(f.properties.name) && f.geometry)
    .map((f) => {
      const polygons = polygonsOf(f.geometry as Polygon | MultiPolygon);
      const rings = polygons
        .flat()
        .flatMap(atAntimeridian)
        .map((ring) => ring.map(projectRounded));
      return {
        code: f.id === undefined ? undefined : whereNumeric(String(f.id))?.alpha2,
        name: f.properties.name,
        d: rings
          .map(ringPath)
          .filter((d) => d !== '')
          .join(''),
        box: boxOf(rings.flat()),
      };
    });
  return cached;
}

/** The shape of a country by ISO alpha-2 code, if the atlas has one. */
export function countryShape(code: string): CountryShape | undefined {
  return worldShapes().find((s) => s.code === code.toUpperCase());
}

export { WORLD_HEIGHT, WORLD_WIDTH };

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * A ring that crosses the antimeridian (Fiji, Russia's Chukotka) would be drawn as a band across the whole
 * map: it is unwrapped into continuous longitudes and drawn twice, once on each edge, each copy clamped to
 * ±180° (the part beyond the edge lies flat along it, with no area).
 */
function atAntimeridian(ring: Position[]): Position[][] {
  const unwrapped: Position[] = [];
  let shift = 0;
  ring.forEach((p, i) => {
    const prev = ring[i - 1];
    if (prev && p[0]! - prev[0]! > 180) shift -= 360;
    else if (prev && prev[0]! - p[0]! > 180) shift += 360;
    unwrapped.push([p[0]! + shift, p[1]!]);
  });
  const lons = unwrapped.map((p) => p[0]!);
  const beyond = Math.max(...lons) > 180 ? -360 : Math.min(...lons) < -180 ? 360 : 0;
  if (beyond === 0) return [ring];
  const clamped = (offset: number) =>
    unwrapped.map((p): Position => [Math.min(180, Math.max(-180, p[0]! + offset)), p[1]!]);
  return [clamped(0), clamped(beyond)];
}

function projectRounded(p: Position): Point {
  const [x, y] = projectLonLat(p[0]!, p[1]!);
  return [Math.round(x), Math.round(y)];
}

/** "M x y" then the steps between rounded points (repeats dropped), then "z"; "" for a speck. */
function ringPath(ring: Point[]): string {
  const [x0, y0] = ring[0]!;
  const steps: number[] = [];
  let [px, py] = [x0, y0];
  for (const [x, y] of ring.slice(1)) {
    if (x === px && y === py) continue;
    steps.push(x - px, y - py);
    [px, py] = [x, y];
  }
  // An island smaller than a unit rounds to a point or a line: nothing to draw.
  if (steps.length < 6) return '';
  return `M${numbers([x0, y0])}l${numbers(steps)}z`;
}

/** Numbers joined as SVG allows: a minus sign separates as well as a space does. */
function numbers(values: number[]): string {
  let out = '';
  values.forEach((v, i) => {
    out += i > 0 && v >= 0 ? ` ${v}` : String(v);
  });
  return out;
}

function boxOf(points: Point[]): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}
