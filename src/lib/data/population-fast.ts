// Fast paths for the two big population formats. A province's population file holds
// about a million points: JSON.parse of 100 MB of GeoJSON plus a validation object per
// feature take seconds and most of the memory. The files a tool writes have one fixed
// shape, so these readers take that shape only, check each value exactly as the general
// loaders do (plausible range, lon/lat after CRS conversion) and give up — returning
// null — at the first thing they do not fully accept: an unusual weight, a bad position,
// a crs member, another property, a blank line. The caller then runs the general loader,
// which reports every problem with its usual message, so no message is lost and a file
// the fast path accepts is one the general loader accepts with the same points.
import { inRange, RANGES } from '../engine/ranges.ts';
import type { PopulationPoint } from '../engine/types.ts';
import { convertPosition, lonLatProblem } from './coords.ts';
import type { Crs } from './crs.ts';
import { WGS84 } from './crs.ts';
import { ProblemList } from './collector.ts';
import { decodeText } from './text.ts';

const WS = '[ \\t\\r\\n]*';
/** A JSON number (RFC 8259), which Number() reads exactly as JSON.parse does. */
const NUM = '(-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)';
const key = (name: string, ws: string): string => `${ws}"${name}"${ws}:${ws}`;
const HEAD = new RegExp(`^${WS}\\{${key('type', WS)}"FeatureCollection"${WS},${key('features', WS)}\\[`, 'y');
/**
 * One Point feature whose only property is pop; the third coordinate (height) is allowed
 * and dropped. `ws` is the whitespace allowed between tokens inside the feature.
 */
const feature = (ws: string): RegExp =>
  new RegExp(
    `${WS}\\{${key('type', ws)}"Feature"${ws},${key('properties', ws)}\\{${key('pop', ws)}${NUM}${ws}\\}${ws},` +
      `${key('geometry', ws)}\\{${key('type', ws)}"Point"${ws},${key('coordinates', ws)}\\[${ws}${NUM}${ws},${ws}${NUM}(?:${ws},${ws}${NUM})?${ws}\\]${ws}\\}${ws}\\}${WS}([,\\]])`,
    'y',
  );
/** Features written without spaces inside (what tools write) match ~2× faster without the whitespace checks. */
const COMPACT_FEATURE = feature('');
const FEATURE = feature(WS);
const TAIL = new RegExp(`${WS}\\}${WS}$`, 'y');

/** A point when the weight and the position need no message at all, else null. */
function acceptedPoint(popText: string, xText: string, yText: string, crs: Crs): PopulationPoint | null {
  const pop = Number(popText);
  // checkRange(…) === null without building the messages it would not need.
  const range = RANGES.population_weight;
  if (!inRange(range, pop) || pop < range.usualMin || pop > range.usualMax) return null;
  if (crs.isWgs84) {
    const lon = Number(xText);
    const lat = Number(yText);
    return lonLatProblem(lon, lat) ? null : { lon, lat, pop };
  }
  const got = convertPosition(crs, Number(xText), Number(yText));
  if (!('lonLat' in got)) return null;
  return { lon: got.lonLat[0], lat: got.lonLat[1], pop };
}

/**
 * population.geojson written as `{"type":"FeatureCollection","features":[{"type":"Feature",
 * "properties":{"pop":N},"geometry":{"type":"Point","coordinates":[x,y]}}, …]}` (any
 * whitespace). null: not that shape, or something needs a message; use the general loader.
 */
export function fastPopulationGeoJson(text: string, crs: Crs | null): PopulationPoint[] | null {
  HEAD.lastIndex = 0;
  if (!HEAD.test(text)) return null;
  const conv = crs ?? WGS84;
  const out: PopulationPoint[] = [];
  let at = HEAD.lastIndex;
  for (;;) {
    COMPACT_FEATURE.lastIndex = at;
    FEATURE.lastIndex = at;
    const compact = COMPACT_FEATURE.exec(text);
    const m = compact ?? FEATURE.exec(text);
    if (!m) return null;
    const point = acceptedPoint(m[1]!, m[2]!, m[3]!, conv);
    if (!point) return null;
    out.push(point);
    at = compact ? COMPACT_FEATURE.lastIndex : FEATURE.lastIndex;
    if (m[5] === ']') break;
  }
  TAIL.lastIndex = at;
  return TAIL.test(text) ? out : null;
}

/** A CSV number as spreadsheets and GIS tools write it (a subset of what the general reader accepts). */
const CSV_NUM = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * population.csv of exactly three columns (lon/x, lat/y, pop in any order), one point per
 * line, no quotes, no blank lines (one final line break allowed). null: use the general loader.
 */
export function fastPopulationCsv(text: string, crs: Crs | null): PopulationPoint[] | null {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = (lines[0] ?? '').replace(/\r$/, '').split(',').map((h) => h.trim().toLowerCase());
  const lonCol = header.includes('lon') ? header.indexOf('lon') : header.indexOf('x');
  const latCol = header.includes('lat') ? header.indexOf('lat') : header.indexOf('y');
  const popCol = header.indexOf('pop');
  if (header.length !== 3 || lonCol === -1 || latCol === -1 || popCol === -1 || new Set([lonCol, latCol, popCol]).size !== 3) return null;
  if (lines.length < 2) return null;
  const conv = crs ?? WGS84;
  const out: PopulationPoint[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.replace(/\r$/, '').split(',');
    if (cells.length !== 3 || !cells.every((c) => CSV_NUM.test(c))) return null;
    const point = acceptedPoint(cells[popCol]!, cells[lonCol]!, cells[latCol]!, conv);
    if (!point) return null;
    out.push(point);
  }
  return out;
}

/** The population files in a vector format, in the order the loader prefers them. */
export const POPULATION_VECTOR_FILES = ['population.geojson', 'population.csv'] as const;
export type PopulationVectorFile = (typeof POPULATION_VECTOR_FILES)[number];

const FAST_READERS = { 'population.geojson': fastPopulationGeoJson, 'population.csv': fastPopulationCsv } satisfies Record<PopulationVectorFile, unknown>;

/**
 * A population file (lon/lat: no .crs sidecar) as the loader would read it when nothing in
 * it needs a message: decoded as the loader decodes text, then the fast path. null
 * otherwise, and the loader reads it again itself (this reports nothing).
 */
export function readPopulationFast(name: PopulationVectorFile, bytes: Uint8Array): PopulationPoint[] | null {
  const text = decodeText(bytes, new ProblemList().forFile(name));
  if (text === null) return null;
  return FAST_READERS[name](text, null);
}

/** Points as [lon, lat, pop, …]: one buffer crosses between threads without copying. */
export function packPoints(points: readonly PopulationPoint[]): Float64Array {
  const packed = new Float64Array(points.length * 3);
  points.forEach((p, i) => {
    packed[i * 3] = p.lon;
    packed[i * 3 + 1] = p.lat;
    packed[i * 3 + 2] = p.pop;
  });
  return packed;
}

export function unpackPoints(packed: Float64Array): PopulationPoint[] {
  const points: PopulationPoint[] = new Array<PopulationPoint>(packed.length / 3);
  for (let i = 0; i < points.length; i++) points[i] = { lon: packed[i * 3]!, lat: packed[i * 3 + 1]!, pop: packed[i * 3 + 2]! };
  return points;
}
