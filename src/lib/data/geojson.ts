// GeoJSON FeatureCollection → features with WGS84 geometry. Positions are checked
// (numbers, lon/lat range) and converted from a declared CRS: the file's `crs` member
// (2008 GeoJSON, as QGIS/GDAL write it) or a sidecar `<file>.crs` text file. A third
// coordinate (height) is dropped. What each file's features must be is checked by that
// file's loader.
import type { Geometry, Position } from 'geojson';
import type { FileProblems } from './collector.ts';
import { featureLabel } from './collector.ts';
import { convertPosition, lonLatProblem } from './coords.ts';
import { ACCEPTED_CRS_NAMES, crsFromGeoJsonMember, WGS84 } from './crs.ts';
import type { Crs } from './crs.ts';
import { showValue, typeName } from './fmt.ts';
import { parseJson } from './json.ts';

export interface GeoFeature {
  index: number;
  /** `feature N` (0-based index in `features`). */
  where: string;
  /** The Feature's own `id` member, if any. */
  featureId: unknown;
  properties: Record<string, unknown>;
  /** WGS84 geometry; null when the feature has none or it was invalid (already reported). */
  geometry: Geometry | null;
  /** True when the geometry was present but invalid (so loaders do not report it again). */
  geometryReported: boolean;
}

/** Parses a FeatureCollection. null when the file as a whole is unusable (reported). */
export function readFeatureCollection(text: string, fp: FileProblems, sidecarCrs: Crs | null): GeoFeature[] | null {
  const parsed = parseJson(text, fp);
  if (!parsed.ok) return null;
  const root = parsed.value;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    fp.error(null, null, `the file holds ${typeName(root)}; expected a GeoJSON FeatureCollection object`);
    return null;
  }
  const fc = root as { type?: unknown; features?: unknown; crs?: unknown };
  if (fc.type !== 'FeatureCollection') {
    fp.error(null, 'type', `got ${showValue(fc.type)}; expected "FeatureCollection"`);
    return null;
  }
  if (!Array.isArray(fc.features)) {
    fp.error(null, 'features', `got ${typeName(fc.features)}; expected an array of features`);
    return null;
  }
  let crs: Crs = sidecarCrs ?? WGS84;
  if (fc.crs !== undefined && fc.crs !== null) {
    const declared = crsFromGeoJsonMember(fc.crs);
    if (!declared.crs) {
      fp.error(null, 'crs', `got ${JSON.stringify(declared.name)}, an unknown coordinate system; expected one of ${ACCEPTED_CRS_NAMES}`);
      return null;
    }
    if (sidecarCrs && sidecarCrs.name !== declared.crs.name) {
      fp.error(null, 'crs', `the file declares ${declared.crs.name} but its .crs sidecar says ${sidecarCrs.name}; expected one CRS`);
      return null;
    }
    crs = declared.crs;
  }
  const out: GeoFeature[] = [];
  fc.features.forEach((f: unknown, index) => {
    const where = featureLabel(index);
    if (!f || typeof f !== 'object' || Array.isArray(f) || (f as { type?: unknown }).type !== 'Feature') {
      const got = f && typeof f === 'object' && !Array.isArray(f) ? showValue((f as { type?: unknown }).type) : typeName(f);
      fp.error(where, 'type', `got ${got}; expected a GeoJSON Feature`);
      return;
    }
    const feature = f as { id?: unknown; properties?: unknown; geometry?: unknown };
    let properties: Record<string, unknown> = {};
    if (feature.properties !== undefined && feature.properties !== null) {
      if (typeof feature.properties !== 'object' || Array.isArray(feature.properties)) {
        fp.error(where, 'properties', `got ${typeName(feature.properties)}; expected an object`);
        return;
      }
      properties = feature.properties as Record<string, unknown>;
    }
    let geometry: Geometry | null = null;
    let geometryReported = false;
    if (feature.geometry !== undefined && feature.geometry !== null) {
      const converted = convertGeometry(feature.geometry, crs);
      if ('error' in converted) {
        fp.error(where, converted.field, converted.error);
        geometryReported = true;
      } else geometry = converted.geometry;
    }
    out.push({ index, where, featureId: feature.id, properties, geometry, geometryReported });
  });
  return out;
}

type Converted = { geometry: Geometry } | { field: string; error: string };

const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

class PositionError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function convertGeometry(g: unknown, crs: Crs): Converted {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) {
    return { field: 'geometry', error: `got ${typeName(g)}; expected a GeoJSON geometry object` };
  }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(type in DEPTH)) {
    return {
      field: 'geometry',
      error: `got type ${showValue(type)}; expected Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon`,
    };
  }
  const depth = DEPTH[type]!;
  // Where in the coordinates the walk is: at[0..d) are the indexes down to nesting d. The
  // "[0][3]" of a message is built only for a message (a province's hamlets have 140 000 positions).
  const at: number[] = [];
  const path = (d: number) => at.slice(0, d).map((i) => `[${i}]`).join('');
  const convert = (value: unknown, level: number, d: number): unknown => {
    if (!Array.isArray(value)) throw new PositionError('geometry', `coordinates${path(d)} is ${typeName(value)}; expected an array`);
    if (level === 0) return convertOne(value, d);
    // In place: the parsed arrays are this function's own, and a file's positions are
    // most of what it allocates.
    for (let i = 0; i < value.length; i++) {
      at[d] = i;
      value[i] = convert(value[i], level - 1, d + 1);
    }
    return value;
  };
  const convertOne = (pos: unknown[], d: number): Position => {
    const x = pos[0];
    const y = pos[1];
    if (pos.length < 2 || typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new PositionError('geometry', `coordinates${path(d)} is ${showValue(pos)}; expected a position [x, y] of two numbers`);
    }
    // WGS84 needs no conversion, only the range check; a position of two numbers is kept as parsed.
    if (crs.isWgs84 && lonLatProblem(x, y) === null) return pos.length === 2 ? (pos as Position) : [x, y];
    const got = convertPosition(crs, x, y);
    if ('lonLat' in got) return got.lonLat;
    const where = d > 0 ? ` (coordinates${path(d)})` : '';
    throw new PositionError('geometry', crs.isWgs84 ? `${got.field} ${got.message}${where}` : `${got.message}${where}`);
  };
  try {
    const converted = convert(coordinates, depth, 0);
    return { geometry: { type, coordinates: converted } as Geometry };
  } catch (err) {
    if (err instanceof PositionError) return { field: err.field, error: err.message };
    throw err;
  }
}
