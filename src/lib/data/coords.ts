// Reading a point's coordinates from a CSV row, in WGS84 or in a declared CRS, and the
// lon/lat range check shared by every file.
import { CELL_RANGES, inRange } from '../engine/ranges.ts';
import type { LonLat } from '../engine/types.ts';
import { ACCEPTED_CRS_NAMES, parseCrs, WGS84 } from './crs.ts';
import type { Crs } from './crs.ts';
import { showNumber, showRange } from './fmt.ts';
import type { FieldReader } from './values.ts';

/** Why [lon, lat] is not a WGS84 position, or null when it is one. */
export function lonLatProblem(lon: number, lat: number): { field: 'lon' | 'lat'; message: string } | null {
  const { lon: lonRange, lat: latRange } = CELL_RANGES;
  if (!inRange(lonRange, lon)) {
    const hint = Math.abs(lon) > 1000 ? ' (projected coordinates in metres? declare the CRS: see data/README.md)' : '';
    return { field: 'lon', message: `${showNumber(lon)} is outside ${showRange(lonRange.min, lonRange.max)}${hint}` };
  }
  if (!inRange(latRange, lat)) {
    const hint = Math.abs(lat) > 1000 ? ' (projected coordinates in metres? declare the CRS: see data/README.md)' : '';
    return { field: 'lat', message: `${showNumber(lat)} is outside ${showRange(latRange.min, latRange.max)}${hint}` };
  }
  return null;
}

/** Converts (x, y) in `crs` and checks the result; the message names the input. */
export function convertPosition(crs: Crs, x: number, y: number): { lonLat: LonLat } | { field: 'lon' | 'lat'; message: string } {
  const [lon, lat] = crs.toWgs84(x, y);
  const bad = lonLatProblem(lon, lat);
  if (!bad) return { lonLat: [lon, lat] };
  if (crs.isWgs84) return bad;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
    return {
      field: 'lon',
      message: `x ${showNumber(x)}, y ${showNumber(y)} in ${crs.name} cannot be converted to lon/lat; expected coordinates in that CRS (x = easting, y = northing)`,
    };
  }
  return {
    field: bad.field,
    message: `x ${showNumber(x)}, y ${showNumber(y)} in ${crs.name} converts to lon ${round(lon)}, lat ${round(lat)}, which is outside ${showRange(-180, 180)} / ${showRange(-90, 90)}; expected coordinates in that CRS (x = easting, y = northing)`,
  };
}

function round(n: number): string {
  return Number.isFinite(n) ? showNumber(Math.round(n * 1e6) / 1e6) : String(n);
}

/**
 * CSV point: columns `lon`,`lat` (or `x`,`y`) in the row's `crs` cell's CRS, else the
 * file's CRS (sidecar `<file>.crs`), else WGS84. With a projected CRS, lon/x holds the
 * easting and lat/y the northing, in metres.
 */
export class CsvPointReader {
  private readonly cache = new Map<string, Crs | null>();

  constructor(private readonly fileCrs: Crs = WGS84) {}

  read(r: FieldReader): LonLat | null {
    const xName = r.has('lon') || !r.has('x') ? 'lon' : 'x';
    const yName = r.has('lat') || !r.has('y') ? 'lat' : 'y';
    let crs = this.fileCrs;
    const crsName = r.text('crs', false);
    if (crsName !== null) {
      if (!this.cache.has(crsName)) this.cache.set(crsName, parseCrs(crsName));
      const rowCrs = this.cache.get(crsName);
      if (!rowCrs) {
        r.fail('crs', `got ${JSON.stringify(crsName)}, an unknown coordinate system; expected one of ${ACCEPTED_CRS_NAMES}`);
        return null;
      }
      crs = rowCrs;
    }
    const geographic = crs.geographic;
    const x = r.number(xName, { required: true, expect: geographic ? 'a longitude in degrees' : 'an easting in metres' });
    const y = r.number(yName, { required: true, expect: geographic ? 'a latitude in degrees' : 'a northing in metres' });
    if (x === null || y === null) return null;
    const got = convertPosition(crs, x, y);
    if ('lonLat' in got) return got.lonLat;
    r.fail(got.field === 'lon' ? xName : yName, got.message);
    return null;
  }
}
