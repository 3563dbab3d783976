// The map's projection: Natural Earth I (Šavrič, Patterson, Jenny; the polynomial d3-geo also uses), a
// compromise that keeps the continents' shapes familiar without Mercator's swollen north. Written here
// (twelve lines) rather than pulling in d3-geo for one function.

export type Point = [x: number, y: number];

/** The map's viewBox width; one unit is about 0.37 degrees of longitude at the equator. */
export const WORLD_WIDTH = 1000;
/** Northernmost and southernmost latitudes drawn (Greenland's north coast; Tierra del Fuego). */
const TOP_LAT = 84;
const BOTTOM_LAT = -58;

const RAD = Math.PI / 180;

/** Natural Earth I on the unit sphere: longitude and latitude in radians to plane coordinates. */
function naturalEarth(lambda: number, phi: number): Point {
  const phi2 = phi * phi;
  const phi4 = phi2 * phi2;
  return [
    lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
    phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))),
  ];
}

const SCALE = WORLD_WIDTH / (2 * naturalEarth(Math.PI, 0)[0]);
const TOP_Y = naturalEarth(0, TOP_LAT * RAD)[1];

/** The map's viewBox height, from the latitudes drawn. */
export const WORLD_HEIGHT = Math.ceil(SCALE * (TOP_Y - naturalEarth(0, BOTTOM_LAT * RAD)[1]));

/** Longitude and latitude in degrees to viewBox units (x to the east, y to the south; not rounded). */
export function projectLonLat(lon: number, lat: number): Point {
  const [x, y] = naturalEarth(lon * RAD, lat * RAD);
  return [WORLD_WIDTH / 2 + SCALE * x, SCALE * (TOP_Y - y)];
}
