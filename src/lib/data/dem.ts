// dem.tif → the engine's lon/lat elevation raster. A DEM in WGS84 lon/lat is used as is; one
// in a projected CRS crs.ts knows (UTM, VN-2000 UTM or TM-3) is resampled onto a lon/lat grid
// of about the same pixel size (bilinear; nearest valid pixel beside NoData), since the
// engine samples elevations by lon/lat. NoData cells are counted here (a warning; the engine
// fills them from their neighbours) and a DEM with no elevation at all is an error.
import { flattenPolygon } from '../engine/point-in-polygon.ts';
import { radiiOfCurvature } from '../engine/geodesy.ts';
import type { Hamlet, Raster } from '../engine/types.ts';
import type { FileProblems } from './collector.ts';
import type { GeoRaster } from './raster.ts';
import { checkRange, RANGES } from '../engine/ranges.ts';

/** NoData written into resampled pixels that fall outside the source raster when it declares none. */
const RESAMPLED_NODATA = -32768;
/** Points along each edge of the source raster used to find its lon/lat extent. */
const EDGE_SAMPLES = 16;

/** The DEM as a lon/lat raster, or null (with an error) when it cannot serve as elevations. */
export function demToLonLat(g: GeoRaster, fp: FileProblems, hamlets: readonly Hamlet[]): Raster | null {
  // Counted in the file as written: resampling spreads or hides single NoData cells.
  let missing = 0;
  for (const v of g.values) if (!Number.isFinite(v) || v === g.noData) missing++;
  const total = g.width * g.height;
  if (missing === total) {
    fp.error(null, null, `has no elevation: all ${total} cells are NoData; expected ground elevations in metres`);
    return null;
  }
  if (missing > 0) {
    fp.warn(null, null, `has ${missing} of ${total} cells without elevation (NoData); terrain prediction fills them from the neighbouring cells`);
  }
  if (!checkElevations(g, fp)) return null;
  const raster = g.crs.isWgs84 ? lonLatExtent(g, fp) : resampleToLonLat(g, fp);
  if (raster) warnUncoveredHamlets(raster, hamlets, fp);
  return raster;
}

function lonLatExtent(g: GeoRaster, fp: FileProblems): Raster | null {
  const west = g.originX;
  const north = g.originY;
  const east = west + g.width * g.pixelWidth;
  const south = north - g.height * g.pixelHeight;
  if (west < -180 || east > 180 || south < -90 || north > 90) {
    fp.error(null, null, `has extent ${west}, ${south}, ${east}, ${north}, outside lon −180..180 / lat −90..90; expected EPSG:4326 lon/lat`);
    return null;
  }
  return { width: g.width, height: g.height, bbox: [west, south, east, north], noData: g.noData, values: g.values };
}

/** Bilinear resampling of a projected DEM onto a lon/lat grid covering it. */
function resampleToLonLat(g: GeoRaster, fp: FileProblems): Raster | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  const x0 = g.originX, y0 = g.originY;
  const x1 = x0 + g.width * g.pixelWidth, y1 = y0 - g.height * g.pixelHeight;
  for (let i = 0; i <= EDGE_SAMPLES; i++) {
    const t = i / EDGE_SAMPLES;
    for (const [x, y] of [[x0 + t * (x1 - x0), y0], [x0 + t * (x1 - x0), y1], [x0, y0 + t * (y1 - y0)], [x1, y0 + t * (y1 - y0)]] as const) {
      const [lon, lat] = g.crs.toWgs84(x, y);
      west = Math.min(west, lon); east = Math.max(east, lon);
      south = Math.min(south, lat); north = Math.max(north, lat);
    }
  }
  if (![west, south, east, north].every(Number.isFinite) || west < -180 || east > 180 || south < -90 || north > 90) {
    fp.error(null, null, `could not be placed on the globe from ${g.crs.name} (extent ${x0}, ${y1}, ${x1}, ${y0}); expected coordinates of that system`);
    return null;
  }
  // Same ground resolution as the source: its pixel in metres (or degrees, for a geographic CRS).
  const { meridianM, primeVerticalM } = radiiOfCurvature((south + north) / 2);
  const pixelLonDeg = g.crs.geographic ? g.pixelWidth : (g.pixelWidth * 180) / (Math.PI * primeVerticalM * Math.cos((((south + north) / 2) * Math.PI) / 180));
  const pixelLatDeg = g.crs.geographic ? g.pixelHeight : (g.pixelHeight * 180) / (Math.PI * meridianM);
  const width = Math.max(1, Math.round((east - west) / pixelLonDeg));
  const height = Math.max(1, Math.round((north - south) / pixelLatDeg));
  const noData = g.noData ?? RESAMPLED_NODATA;
  const values = new Float32Array(width * height);
  const valid = (v: number) => Number.isFinite(v) && v !== g.noData;
  for (let r = 0; r < height; r++) {
    const lat = north - ((r + 0.5) * (north - south)) / height;
    for (let c = 0; c < width; c++) {
      const lon = west + ((c + 0.5) * (east - west)) / width;
      const [x, y] = g.crs.fromWgs84(lon, lat);
      values[r * width + c] = bilinearValid(g, (x - x0) / g.pixelWidth - 0.5, (y0 - y) / g.pixelHeight - 0.5, valid, noData);
    }
  }
  return { width, height, bbox: [west, south, east, north], noData, values };
}

/** Bilinear value at fractional pixel (col, row) of the source; the nearest valid corner when a corner is NoData; `noData` outside. */
function bilinearValid(g: GeoRaster, col: number, row: number, valid: (v: number) => boolean, noData: number): number {
  if (!(col >= -0.5 && row >= -0.5 && col <= g.width - 0.5 && row <= g.height - 0.5)) return noData;
  const c0 = Math.max(0, Math.min(g.width - 1, Math.floor(col)));
  const r0 = Math.max(0, Math.min(g.height - 1, Math.floor(row)));
  const c1 = Math.min(g.width - 1, c0 + 1), r1 = Math.min(g.height - 1, r0 + 1);
  const fx = Math.max(0, Math.min(1, col - c0)), fy = Math.max(0, Math.min(1, row - r0));
  const corners = [
    [g.values[r0 * g.width + c0] as number, (1 - fx) * (1 - fy)],
    [g.values[r0 * g.width + c1] as number, fx * (1 - fy)],
    [g.values[r1 * g.width + c0] as number, (1 - fx) * fy],
    [g.values[r1 * g.width + c1] as number, fx * fy],
  ] as const;
  if (corners.every(([v]) => valid(v))) return corners.reduce((sum, [v, w]) => sum + v * w, 0);
  let best = noData, bestWeight = -1;
  for (const [v, w] of corners) {
    if (valid(v) && w > bestWeight) {
      best = v;
      bestWeight = w;
    }
  }
  return best;
}

/** Warns when hamlets reach beyond the DEM: there the edge elevation is extended, which may hide ridges. */
function warnUncoveredHamlets(raster: Raster, hamlets: readonly Hamlet[], fp: FileProblems): void {
  const [w, s, e, n] = raster.bbox;
  const outside = hamlets.filter((h) => {
    const [hw, hs, he, hn] = flattenPolygon(h.geometry).bbox;
    return hw < w || hs < s || he > e || hn > n;
  });
  if (outside.length > 0) {
    const names = outside.slice(0, 5).map((h) => h.id).join(', ');
    fp.warn(null, null, `does not cover ${outside.length} hamlet${outside.length === 1 ? '' : 's'} entirely (${names}${outside.length > 5 ? ', …' : ''}); beyond its edge the terrain prediction extends the edge elevations`);
  }
}

/** dem.tif cells (NoData aside) within RANGES.elevation_m: an error outside, one warning when unusual. */
function checkElevations(g: GeoRaster, fp: FileProblems): boolean {
  const range = RANGES.elevation_m;
  let bad = 0;
  let firstBad = '';
  let unusual = 0;
  let firstUnusual = '';
  for (let i = 0; i < g.values.length; i++) {
    const v = g.values[i]!;
    if (v === g.noData || Number.isNaN(v)) continue;
    const verdict = checkRange(range, v);
    if (!verdict) continue;
    const at = `row ${Math.floor(i / g.width)}, column ${i % g.width}`;
    if (verdict.severity === 'error') {
      if (bad++ === 0) firstBad = `${at}: ${verdict.message}`;
    } else if (unusual++ === 0) firstUnusual = `${at}: ${verdict.message}`;
  }
  if (bad) fp.error(null, null, `${bad} ${bad === 1 ? 'cell is' : 'cells are'} not a plausible elevation (first at ${firstBad}); give the missing cells the NoData value`);
  if (unusual) fp.warn(null, null, `${unusual} ${unusual === 1 ? 'cell is' : 'cells are'} an unusual elevation (first at ${firstUnusual})`);
  return bad === 0;
}
