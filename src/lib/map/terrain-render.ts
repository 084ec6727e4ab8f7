// Images of the terrain for the map, computed in the engine worker: a hillshade of the DEM
// and the predicted received level of a site's cells. Pure (typed arrays in, RGBA out), so
// the worker builds them and the page only puts them on the map (terrain-layers.ts).
// Image sources rather than a raster-dem source: MapLibre's hillshade layer needs
// terrain-RGB/terrarium tiles, which a package does not ship; one image of the DEM works
// offline with no tiles, and the signal raster is per cell anyway.
import type { Terrain, TerrainCoverage } from '../engine/propagation/terrain/index.ts';

/** RGBA pixels and the lon/lat of the image's corners: top-left, top-right, bottom-right, bottom-left. */
export interface TerrainImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  coordinates: [[number, number], [number, number], [number, number], [number, number]];
}

/** Sun for the hillshade: from the north-west, 45° up (gdaldem hillshade's defaults). */
const SUN_AZIMUTH_DEG = 315;
const SUN_ALTITUDE_DEG = 45;
/** Darkest shade drawn (alpha of black), so the basemap stays readable under it. */
const MAX_SHADE_ALPHA = 160;
/** Commune hills are gentle (slopes of 5–30 %): the shade is stretched so they read at all. */
const SHADE_CONTRAST = 3;

/**
 * Hillshade of the DEM (Horn's 3 × 3 gradient, as gdaldem computes it): black with an alpha
 * that grows as a slope turns from the sun; flat or sunlit ground stays clear.
 */
export function hillshadeImage(terrain: Terrain): TerrainImage {
  const { width: w, height: h, elevationM: z } = terrain;
  const lat = terrain.north - (h * terrain.pixelLatDeg) / 2;
  const dxM = terrain.pixelLonDeg * 111_320 * Math.cos((lat * Math.PI) / 180);
  const dyM = terrain.pixelLatDeg * 110_574;
  const zenith = ((90 - SUN_ALTITUDE_DEG) * Math.PI) / 180;
  // gdaldem's azimuth convention: math angle of the sun measured from east, anticlockwise.
  const azimuth = ((360 - SUN_AZIMUTH_DEG + 90) * Math.PI) / 180;
  const flatShade = Math.cos(zenith);
  const rgba = new Uint8ClampedArray(w * h * 4);
  const at = (c: number, r: number) => z[Math.min(h - 1, Math.max(0, r)) * w + Math.min(w - 1, Math.max(0, c))] as number;
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const dzdx = (at(c + 1, r - 1) + 2 * at(c + 1, r) + at(c + 1, r + 1) - (at(c - 1, r - 1) + 2 * at(c - 1, r) + at(c - 1, r + 1))) / (8 * dxM);
      const dzdy = (at(c - 1, r + 1) + 2 * at(c, r + 1) + at(c + 1, r + 1) - (at(c - 1, r - 1) + 2 * at(c, r - 1) + at(c + 1, r - 1))) / (8 * dyM);
      const slope = Math.atan(Math.hypot(dzdx, dzdy));
      const aspect = Math.atan2(dzdy, -dzdx);
      const shade = Math.cos(zenith) * Math.cos(slope) + Math.sin(zenith) * Math.sin(slope) * Math.cos(azimuth - aspect);
      // Only darken: ground facing the sun more than flat ground is left clear.
      const darkness = Math.max(0, Math.min(1, (SHADE_CONTRAST * (flatShade - shade)) / flatShade));
      rgba[(r * w + c) * 4 + 3] = Math.round(darkness * MAX_SHADE_ALPHA);
    }
  }
  const west = terrain.west, north = terrain.north;
  const east = west + w * terrain.pixelLonDeg, south = north - h * terrain.pixelLatDeg;
  return { width: w, height: h, rgba, coordinates: [[west, north], [east, north], [east, south], [west, south]] };
}

/** Colour stops of the signal layer and its legend: level from (dBm, inclusive) and colour (viridis, colour-blind safe). */
export const SIGNAL_STOPS: readonly { fromDbm: number; color: [number, number, number] }[] = [
  { fromDbm: -110, color: [68, 1, 84] },
  { fromDbm: -100, color: [59, 82, 139] },
  { fromDbm: -90, color: [33, 145, 140] },
  { fromDbm: -80, color: [94, 201, 98] },
  { fromDbm: -70, color: [253, 231, 37] },
];
const SIGNAL_ALPHA = 170;

/** Predicted level of one or more cells (the strongest where they overlap), coloured by SIGNAL_STOPS; clear below the lowest stop. null without cells. */
export function signalImage(coverages: readonly TerrainCoverage[]): TerrainImage | null {
  const first = coverages[0];
  if (!first) return null;
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity, pixelM = Infinity;
  for (const c of coverages) {
    const [w, s] = c.lonLatOf(0, c.rows - 1), [e, n] = c.lonLatOf(c.cols - 1, 0);
    west = Math.min(west, w); south = Math.min(south, s); east = Math.max(east, e); north = Math.max(north, n);
    pixelM = Math.min(pixelM, c.pixelM);
  }
  const mPerDegLat = 110_574, mPerDegLon = 111_320 * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const width = Math.max(1, Math.ceil(((east - west) * mPerDegLon) / pixelM));
  const height = Math.max(1, Math.ceil(((north - south) * mPerDegLat) / pixelM));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let r = 0; r < height; r++) {
    const lat = north - ((r + 0.5) * (north - south)) / height;
    for (let c = 0; c < width; c++) {
      const lon = west + ((c + 0.5) * (east - west)) / width;
      let level = -Infinity;
      for (const coverage of coverages) level = Math.max(level, coverage.levelAt(lon, lat));
      let stop = -1;
      for (let s = 0; s < SIGNAL_STOPS.length; s++) if (level >= (SIGNAL_STOPS[s] as (typeof SIGNAL_STOPS)[number]).fromDbm) stop = s;
      if (stop < 0) continue;
      const [red, green, blue] = (SIGNAL_STOPS[stop] as (typeof SIGNAL_STOPS)[number]).color;
      const i = (r * width + c) * 4;
      rgba[i] = red; rgba[i + 1] = green; rgba[i + 2] = blue; rgba[i + 3] = SIGNAL_ALPHA;
    }
  }
  return { width, height, rgba, coordinates: [[west, north], [east, north], [east, south], [west, south]] };
}
