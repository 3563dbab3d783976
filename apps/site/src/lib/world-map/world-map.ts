import { countryByCode } from '@gazette/core/internals';
import { projectLonLat } from './projection';
import { countryShape, WORLD_HEIGHT, WORLD_WIDTH, worldShapes } from './world-shapes';

/** A place as the core gives it (an article's entity, an entity's summary or a co-occurring entity). */
export interface MapPlace {
  name: string;
  countryCode?: string | undefined;
  coordinates?: { lat: number; lon: number } | undefined;
  /** Mentions, or shared articles: what sizes its dot. */
  weight: number;
}

export interface MapDot {
  name: string;
  x: number;
  y: number;
  r: number;
}

/** What a page draws: the shared world shapes, the countries shaded, a dot per place with coordinates. */
export interface WorldMapView {
  viewBox: string;
  /** Border width in viewBox units, so borders look the same however far the view is zoomed. */
  stroke: number;
  /** ISO alpha-2 codes of the countries shaded (those the atlas has a shape for). */
  countries: string[];
  dots: MapDot[];
  /** The accessible name: every place and country drawn, in words. */
  label: string;
}

/** The shared file of shapes (`/world-map.svg`): a page's map refers to it instead of repeating 40 kB. */
export const WORLD_MAP_FILE = '/world-map.svg';
/** The id of a country's shape in that file. */
export const countryShapeId = (code: string) => `c-${code}`;

/** Dots and view are sized for a map drawn about 320 px wide (the article's side column). */
const DOT_MIN = 4;
const DOT_MAX = 11;
/** The view never zooms closer than this share of the world's width (a city alone is shown in its region). */
const MIN_VIEW_WIDTH = WORLD_WIDTH / 4;
const PADDING = 24;
/** At most this many dots and countries: an entity's coverage is drawn from its first places only. */
const MAX_MARKS = 40;

/**
 * The map of where a story or an entity's coverage happens, or undefined when no place has coordinates
 * and no country has a shape. Deterministic: the same places give the same view, byte for byte.
 */
export function worldMapView(places: readonly MapPlace[], subject: string): WorldMapView | undefined {
  const located = dedupe(places.filter((p) => p.coordinates)).slice(0, MAX_MARKS);
  const countries = [...new Set(places.flatMap((p) => (p.countryCode ? [p.countryCode.toUpperCase()] : [])))]
    .filter((code) => countryShape(code))
    .slice(0, MAX_MARKS);
  if (located.length === 0 && countries.length === 0) return undefined;
  const view = viewAround(located, countries);
  const zoom = view[2] / WORLD_WIDTH;
  const dots = located.map((p) => {
    const [x, y] = projectLonLat(p.coordinates!.lon, p.coordinates!.lat);
    const r = Math.min(DOT_MAX, DOT_MIN + 1.5 * Math.sqrt(Math.max(0, p.weight - 1))) * zoom * 2;
    return { name: p.name, x: round1(x), y: round1(y), r: round1(r) };
  });
  return {
    viewBox: view.map(round1).join(' '),
    stroke: round1(zoom) || 0.1,
    countries,
    dots,
    label: mapLabel(subject, located, countries),
  };
}

/** The whole atlas as one SVG file: every country a path with an id, grouped so a page can use them all. */
export function worldMapFile(): string {
  const paths = worldShapes()
    .map((s) => `<path${s.code ? ` id="${countryShapeId(s.code)}"` : ''} d="${s.d}"/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WORLD_WIDTH} ${WORLD_HEIGHT}">` +
    '<title>Country shapes: Natural Earth 1:110m through world-atlas</title>' +
    `<defs><g id="world">${paths}</g></defs><use href="#world" fill="#ccc" stroke="#fff"/></svg>\n`
  );
}

/** One dot per place name, the heaviest weight kept (a place named twice is one place). */
function dedupe(places: MapPlace[]): MapPlace[] {
  const byName = new Map<string, MapPlace>();
  for (const p of places) {
    const have = byName.get(p.name);
    if (!have || have.weight < p.weight) byName.set(p.name, p);
  }
  return [...byName.values()].sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
}

/** [x, y, width, height]: the marks' box with room around it, at the world's proportions, inside the world. */
function viewAround(located: MapPlace[], countries: string[]): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of located) {
    const [x, y] = projectLonLat(p.coordinates!.lon, p.coordinates!.lat);
    xs.push(x);
    ys.push(y);
  }
  for (const code of countries) {
    const [minX, minY, maxX, maxY] = countryShape(code)!.box;
    xs.push(minX, maxX);
    ys.push(minY, maxY);
  }
  const aspect = WORLD_WIDTH / WORLD_HEIGHT;
  const w0 = Math.max(...xs) - Math.min(...xs) + 2 * PADDING;
  const h0 = Math.max(...ys) - Math.min(...ys) + 2 * PADDING;
  const width = Math.min(WORLD_WIDTH, Math.max(MIN_VIEW_WIDTH, w0, h0 * aspect));
  const height = width / aspect;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const x = clamp(cx - width / 2, 0, WORLD_WIDTH - width);
  const y = clamp(cy - height / 2, 0, WORLD_HEIGHT - height);
  return [x, y, width, height];
}

/** The map's accessible name; country names are the core's (the ones its recogniser reads). */
function mapLabel(subject: string, located: MapPlace[], countries: string[]): string {
  const parts: string[] = [];
  if (located.length) parts.push(`places: ${located.map((p) => p.name).join(', ')}`);
  if (countries.length)
    parts.push(`countries: ${countries.map((c) => countryByCode(c)?.name ?? c).join(', ')}`);
  return `Map of ${subject}. ${parts.join('; ')}.`;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
