// Issue 18: a small inline map of where a story or an entity's coverage happens, drawn at build time from
// world-atlas's country shapes (no tiles, no network).
import { describe, expect, it } from 'vitest';
import { projectLonLat } from './projection';
import { worldMapFile, worldMapView } from './world-map';
import { countryShape, WORLD_HEIGHT, WORLD_WIDTH, worldShapes } from './world-shapes';

const PARIS = { lat: 48.857, lon: 2.352 };
const SANTIAGO = { lat: -33.457, lon: -70.648 };
const TOKYO = { lat: 35.69, lon: 139.692 };
const WELLINGTON = { lat: -41.287, lon: 174.776 };

/** The rings of a path as written (absolute move, relative steps), read back into points. */
function rings(d: string): Array<Array<[number, number]>> {
  return [...d.matchAll(/M(-?\d+) ?(-?\d+)l([^z]*)z/g)].map((m) => {
    const steps = m[3]!.match(/-?\d+/g)!.map(Number);
    const ring: Array<[number, number]> = [[Number(m[1]), Number(m[2])]];
    for (let i = 0; i < steps.length; i += 2) {
      const [x, y] = ring[ring.length - 1]!;
      ring.push([x + steps[i]!, y + steps[i + 1]!]);
    }
    return ring;
  });
}

/** Even-odd ray casting over every ring: is the point on the country's land? */
function onLand([px, py]: [number, number], d: string): boolean {
  let inPolygon = false;
  for (const ring of rings(d))
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inPolygon = !inPolygon;
    }
  return inPolygon;
}

const inside = (
  [x, y]: [number, number],
  [minX, minY, maxX, maxY]: readonly [number, number, number, number],
) => x >= minX && x <= maxX && y >= minY && y <= maxY;

describe('the world shapes (world-atlas 110m, Natural Earth projection)', () => {
  it('puts a known city inside its own country and outside a far one', () => {
    const cases: Array<[{ lat: number; lon: number }, string, string]> = [
      [PARIS, 'FR', 'CL'],
      [SANTIAGO, 'CL', 'US'],
      [TOKYO, 'JP', 'CN'],
      [WELLINGTON, 'NZ', 'AU'],
    ];
    for (const [c, own, other] of cases) {
      const at = projectLonLat(c.lon, c.lat);
      expect(inside(at, countryShape(own)!.box), own).toBe(true);
      expect(inside(at, countryShape(other)!.box), other).toBe(false);
      // Stronger than the box: the point is on the country's own outline's land.
      expect(onLand(at, countryShape(own)!.d), `${own} land`).toBe(true);
      expect(onLand(at, countryShape(other)!.d), `${other} land`).toBe(false);
    }
  });

  it('keys the shapes by ISO alpha-2 code and keeps every point inside the viewBox', () => {
    const shapes = worldShapes();
    const codes = shapes.flatMap((s) => (s.code ? [s.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['FR', 'NE', 'CL', 'US', 'RU', 'CN', 'BR', 'NZ']));
    for (const s of shapes) {
      const [minX, minY, maxX, maxY] = s.box;
      expect(minX >= 0 && minY >= 0 && maxX <= WORLD_WIDTH && maxY <= WORLD_HEIGHT, s.name).toBe(true);
      expect(s.d).toMatch(/^M-?\d+ -?\d+l[-\d ]+z(M|$)/);
    }
  });

  it('draws no band across the map for a shape crossing the antimeridian (Fiji, Russia)', () => {
    for (const code of ['FJ', 'RU', 'US', 'NZ'])
      for (const ring of rings(countryShape(code)!.d)) {
        const xs = ring.map(([x]) => x);
        expect(Math.max(...xs) - Math.min(...xs), code).toBeLessThan(WORLD_WIDTH / 2);
      }
    // Fiji is drawn on both edges: its islands east and west of 180°.
    const fiji = rings(countryShape('FJ')!.d).flat();
    expect(Math.min(...fiji.map(([x]) => x))).toBeLessThan(50);
    expect(Math.max(...fiji.map(([x]) => x))).toBeGreaterThan(WORLD_WIDTH - 50);
  });

  it('writes one shared file of bounded size, the same bytes every time', () => {
    const file = worldMapFile();
    expect(file).toBe(worldMapFile());
    expect(file).toContain('id="c-FR"');
    // Whole units and relative steps: about 40 kB for 176 shapes (the TopoJSON read is 108 kB).
    expect(file.length).toBeLessThan(60_000);
    expect(file).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});

describe('worldMapView', () => {
  it('draws a dot per place, shades its countries and names both in the accessible label', () => {
    const view = worldMapView(
      [
        { name: 'Santiago', countryCode: 'CL', coordinates: SANTIAGO, weight: 3 },
        { name: 'Chile', countryCode: 'CL', weight: 1 },
        { name: 'Paris', countryCode: 'FR', coordinates: PARIS, weight: 1 },
      ],
      'where this story happens',
    )!;
    expect(view.countries).toEqual(['CL', 'FR']);
    expect(view.dots.map((d) => d.name)).toEqual(['Santiago', 'Paris']);
    const santiago = view.dots[0]!;
    expect(inside([santiago.x, santiago.y], countryShape('CL')!.box)).toBe(true);
    expect(santiago.r).toBeGreaterThan(view.dots[1]!.r); // three mentions against one
    expect(view.label).toBe(
      'Map of where this story happens. places: Santiago, Paris; countries: Chile, France.',
    );
  });

  it('zooms to the marks, never closer than a quarter of the world, and stays inside it', () => {
    const one = worldMapView([{ name: 'Paris', coordinates: PARIS, weight: 1 }], 'x')!;
    const [x, y, w, h] = one.viewBox.split(' ').map(Number) as [number, number, number, number];
    expect(w).toBeCloseTo(WORLD_WIDTH / 4, 0);
    expect(inside(projectLonLat(PARIS.lon, PARIS.lat), [x, y, x + w, y + h])).toBe(true);
    const far = worldMapView(
      [
        { name: 'Santiago', coordinates: SANTIAGO, weight: 1 },
        { name: 'Tokyo', coordinates: TOKYO, weight: 1 },
      ],
      'x',
    )!;
    const [fx, fy, fw, fh] = far.viewBox.split(' ').map(Number) as [number, number, number, number];
    expect(fx >= 0 && fy >= 0 && fx + fw <= WORLD_WIDTH + 0.1 && fy + fh <= WORLD_HEIGHT + 0.1).toBe(true);
    expect(fw).toBeGreaterThan(w);
  });

  it('is deterministic and bounded: the same places give the same view, at most 40 dots', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      name: `Place ${i}`,
      coordinates: { lat: -50 + i, lon: -170 + 3 * i },
      weight: 1 + (i % 7),
    }));
    const view = worldMapView(many, 'x');
    expect(view).toEqual(worldMapView([...many].reverse(), 'x'));
    expect(view!.dots.length).toBe(40);
  });

  it('draws nothing when no place has coordinates and no country a shape', () => {
    expect(worldMapView([], 'x')).toBeUndefined();
    expect(worldMapView([{ name: 'Atlantis', countryCode: 'ZZ', weight: 2 }], 'x')).toBeUndefined();
  });
});
