// Fast paths for the two big population formats. A province's population file holds
// about a million points: decoding 100 MB to a string, JSON.parse and a validation object
// per feature take seconds and most of the memory. The files a tool writes have one fixed
// shape, so these readers scan that shape only, straight from the bytes into columns of
// numbers, check each value exactly as the general loaders do (plausible range, lon/lat
// after CRS conversion) and give up — returning null — at the first thing they do not
// fully accept: an unusual weight, a bad position, a crs member, another property, a blank
// line, a byte outside ASCII. The caller then runs the general loader, which reports every
// problem with its usual message, so no message is lost and a file the fast path accepts
// is one the general loader accepts with the same points.
import { CELL_RANGES, RANGES, type PlausibleRange } from '../engine/ranges.ts';
import { PopulationPointsBuilder } from '../engine/population.ts';
import type { PopulationPoints } from '../engine/types.ts';
import { convertPosition } from './coords.ts';
import type { Crs } from './crs.ts';
import { MAX_TEXT_BYTES } from './text.ts';

const ascii = (token: string): Uint8Array => Uint8Array.from(token, (c) => c.charCodeAt(0));

/** Exact powers of ten: every 10^k up to 10^22 is a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

// Character codes the scanners look for (plain constants: the hot loops compare bytes to them).
const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const UPPER_E = 69;
const LOWER_E = 101;
const CLOSE_BRACKET = 93;
const CLOSE_BRACE = 125;
/** Longer numbers are left to the general loader (Number() of a string that long is built from a spread). */
const MAX_NUMBER_CHARS = 400;

/**
 * Where the last readNumber ended. The scanners are plain functions over (bytes, index)
 * with this one side result rather than a cursor object: V8 keeps the index in a register
 * then, about twice as fast on 100 MB.
 */
let numberEnd = 0;

/**
 * The number at bytes[start], read exactly as Number() reads its text (its end in
 * numberEnd); NaN when there is none. `leadingZeros`: CSV's 007 (JSON allows a lone 0
 * before the point only). The digits, point left out, make an integer m; while m stays
 * within 2^53 every step of building it was exact, and with a power of ten up to 22,
 * m × 10^e is then one correctly rounded operation on exact doubles, so equal to Number()'s
 * result (Clinger's fast path). Other numbers (17 significant digits, say) are handed to Number().
 */
function readNumber(b: Uint8Array, start: number, leadingZeros: boolean): number {
  let i = start;
  const negative = b[i] === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let exponent = 0;
  const intStart = i;
  let c = b[i]!;
  if (c === ZERO && !leadingZeros) c = b[++i]!;
  else
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      c = b[++i]!;
    }
  if (i === intStart) return Number.NaN;
  if (c === DOT) {
    const fracStart = ++i;
    c = b[i]!;
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      c = b[++i]!;
    }
    if (i === fracStart) return Number.NaN;
    exponent = fracStart - i;
  }
  if (c === LOWER_E || c === UPPER_E) {
    c = b[++i]!;
    const negativeExponent = c === MINUS;
    if (negativeExponent || c === PLUS) c = b[++i]!;
    const expStart = i;
    let written = 0;
    // Capped: beyond ±10^6 the fast path is not taken anyway, and Number() reads the text.
    while (c >= ZERO && c <= NINE) {
      if (written < 1e6) written = written * 10 + (c - ZERO);
      c = b[++i]!;
    }
    if (i === expStart) return Number.NaN;
    exponent += negativeExponent ? -written : written;
  }
  if (i - start > MAX_NUMBER_CHARS) return Number.NaN;
  numberEnd = i;
  if (mantissa > Number.MAX_SAFE_INTEGER || exponent < -22 || exponent > 22) return Number(String.fromCharCode(...b.subarray(start, i)));
  const magnitude = exponent < 0 ? mantissa / POW10[-exponent]! : mantissa * POW10[exponent]!;
  return negative ? -magnitude : magnitude;
}

/** The index after JSON whitespace (space, tab, CR, LF) from i. */
function skipSpace(b: Uint8Array, i: number): number {
  let c = b[i];
  while (c === SPACE || c === NEWLINE || c === RETURN || c === TAB) c = b[++i];
  return i;
}

/** The index after `token` when the bytes at i are exactly it, else −1. */
function take(b: Uint8Array, i: number, token: Uint8Array): number {
  if (i + token.length > b.length) return -1;
  for (let k = 0; k < token.length; k++) if (b[i + k] !== token[k]) return -1;
  return i + token.length;
}

/**
 * The values of a range that need no message (checkRange(…) === null), as two plain
 * bounds: the hot loop compares numbers instead of calling inRange on range objects of
 * several shapes, which V8 does not inline. Two comparisons say it exactly for ranges with
 * closed ends that take fractions (NaN and ±Infinity fail them too).
 */
function quietBounds(r: PlausibleRange): { min: number; max: number } {
  if (r.integer || r.minExclusive || r.maxExclusive) throw new Error(`the population fast path compares ${r.what} with closed bounds; this range needs inRange`);
  return { min: Math.max(r.min, r.usualMin), max: Math.min(r.max, r.usualMax) };
}
const QUIET_WEIGHT = quietBounds(RANGES.population_weight);
const QUIET_LON = quietBounds(CELL_RANGES.lon);
const QUIET_LAT = quietBounds(CELL_RANGES.lat);

/** The points read, as columns, when their weight and position need no message. */
class PointSink {
  private readonly columns = new PopulationPointsBuilder();

  constructor(private readonly crs: Crs | null) {}

  /** Adds a point when the weight and the position need no message at all; false otherwise. */
  add(pop: number, x: number, y: number): boolean {
    if (!(pop >= QUIET_WEIGHT.min && pop <= QUIET_WEIGHT.max)) return false;
    let lon = x;
    let lat = y;
    if (this.crs && !this.crs.isWgs84) {
      const got = convertPosition(this.crs, x, y);
      if (!('lonLat' in got)) return false;
      [lon, lat] = got.lonLat;
    } else if (!(lon >= QUIET_LON.min && lon <= QUIET_LON.max && lat >= QUIET_LAT.min && lat <= QUIET_LAT.max)) return false;
    this.columns.push(lon, lat, pop);
    return true;
  }

  /** The points read, or null when there are none (the general loader has the message). */
  points(): PopulationPoints | null {
    return this.columns.count === 0 ? null : this.columns.build();
  }
}

/** The index after a UTF-8 byte-order mark (the text decoder drops it too), or −1 when the file is too large to be text. */
function textStart(bytes: Uint8Array): number {
  if (bytes.length > MAX_TEXT_BYTES) return -1;
  return Math.max(0, take(bytes, 0, UTF8_BOM));
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const NUMBER = Symbol('number');
type Token = Uint8Array | typeof NUMBER;
/** JSON tokens, with any whitespace allowed between them. */
const tokens = (...parts: Array<string | typeof NUMBER>): Token[] => parts.map((p) => (p === NUMBER ? p : ascii(p)));
const HEAD = tokens('{', '"type"', ':', '"FeatureCollection"', ',', '"features"', ':', '[');
/** A Point feature whose only property is pop, up to its position's first two numbers. */
const FEATURE = tokens('{', '"type"', ':', '"Feature"', ',', '"properties"', ':', '{', '"pop"', ':', NUMBER, '}', ',', '"geometry"', ':', '{', '"type"', ':', '"Point"', ',', '"coordinates"', ':', '[', NUMBER, ',', NUMBER);
/** The rest of a feature after its position's numbers (a third, the height, is read and dropped before it). */
const FEATURE_END = tokens(']', '}', '}');
/** FEATURE written without spaces (what tools write): the bytes before each of its three numbers, and after them. */
const COMPACT = ['{"type":"Feature","properties":{"pop":', '},"geometry":{"type":"Point","coordinates":[', ','].map(ascii);
const COMPACT_END = ascii(']}}');

/** Reads `sequence` from i, its numbers into `numbers`; the index after it, or −1 at the first token that differs. */
function takeTokens(b: Uint8Array, from: number, sequence: readonly Token[], numbers: number[]): number {
  let i = from;
  let n = 0;
  for (const token of sequence) {
    i = skipSpace(b, i);
    if (token === NUMBER) {
      numbers[n] = readNumber(b, i, false);
      if (Number.isNaN(numbers[n++])) return -1;
      i = numberEnd;
    } else if ((i = take(b, i, token)) === -1) return -1;
  }
  return i;
}

/** One feature written without spaces (what tools write), its numbers into `numbers`: the index after it, or −1 when it is written otherwise. */
function takeCompactFeature(b: Uint8Array, from: number, numbers: number[]): number {
  let i = from;
  for (let k = 0; k < 3; k++) {
    if ((i = take(b, i, COMPACT[k]!)) === -1) return -1;
    numbers[k] = readNumber(b, i, false);
    if (Number.isNaN(numbers[k])) return -1;
    i = numberEnd;
  }
  return take(b, i, COMPACT_END);
}

/** One feature with any spacing and an optional height (read and dropped): the index after it, or −1 when it is not that shape. */
function takeSpacedFeature(b: Uint8Array, from: number, numbers: number[]): number {
  let i = takeTokens(b, from, FEATURE, numbers);
  if (i === -1) return -1;
  i = skipSpace(b, i);
  if (b[i] === COMMA) {
    i = skipSpace(b, i + 1);
    if (Number.isNaN(readNumber(b, i, false))) return -1;
    i = numberEnd;
  }
  return takeTokens(b, i, FEATURE_END, numbers);
}

/**
 * population.geojson written as `{"type":"FeatureCollection","features":[{"type":"Feature",
 * "properties":{"pop":N},"geometry":{"type":"Point","coordinates":[x,y]}}, …]}` (any
 * whitespace, an optional height). null: not that shape, or something needs a message;
 * use the general loader.
 */
export function fastPopulationGeoJson(bytes: Uint8Array, crs: Crs | null): PopulationPoints | null {
  const numbers = [0, 0, 0];
  const start = textStart(bytes);
  let i = start === -1 ? -1 : takeTokens(bytes, start, HEAD, numbers);
  if (i === -1) return null;
  const sink = new PointSink(crs);
  for (;;) {
    i = skipSpace(bytes, i);
    const compactEnd = takeCompactFeature(bytes, i, numbers);
    i = compactEnd !== -1 ? compactEnd : takeSpacedFeature(bytes, i, numbers);
    if (i === -1 || !sink.add(numbers[0]!, numbers[1]!, numbers[2]!)) return null;
    i = skipSpace(bytes, i);
    if (bytes[i] === CLOSE_BRACKET) break;
    if (bytes[i] !== COMMA) return null;
    i++;
  }
  i = skipSpace(bytes, i + 1);
  if (bytes[i] !== CLOSE_BRACE) return null;
  return skipSpace(bytes, i + 1) === bytes.length ? sink.points() : null;
}

/**
 * population.csv of exactly three columns (lon/x, lat/y, pop in any order), one point per
 * line, no quotes, no spaces, no blank lines (one final line break allowed). null: use the
 * general loader.
 */
export function fastPopulationCsv(bytes: Uint8Array, crs: Crs | null): PopulationPoints | null {
  const start = textStart(bytes);
  const headerEnd = start === -1 ? -1 : bytes.indexOf(NEWLINE, start);
  if (headerEnd === -1) return null;
  let headerText: string;
  try {
    headerText = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, headerEnd));
  } catch {
    return null;
  }
  const header = headerText
    .replace(/\r$/, '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  const lonCol = header.includes('lon') ? header.indexOf('lon') : header.indexOf('x');
  const latCol = header.includes('lat') ? header.indexOf('lat') : header.indexOf('y');
  const popCol = header.indexOf('pop');
  if (header.length !== 3 || lonCol === -1 || latCol === -1 || popCol === -1 || new Set([lonCol, latCol, popCol]).size !== 3) return null;
  let i = headerEnd + 1;
  if (i === bytes.length) return null;
  const sink = new PointSink(crs);
  const cells = [0, 0, 0];
  while (i < bytes.length) {
    for (let col = 0; col < 3; col++) {
      if (col > 0 && bytes[i++] !== COMMA) return null;
      cells[col] = readNumber(bytes, i, true);
      if (Number.isNaN(cells[col])) return null;
      i = numberEnd;
    }
    if (bytes[i] === RETURN) i++;
    if (i < bytes.length && bytes[i++] !== NEWLINE) return null;
    if (!sink.add(cells[popCol]!, cells[lonCol]!, cells[latCol]!)) return null;
  }
  return sink.points();
}

/** The population files in a vector format, in the order the loader prefers them. */
export const POPULATION_VECTOR_FILES = ['population.geojson', 'population.csv'] as const;
export type PopulationVectorFile = (typeof POPULATION_VECTOR_FILES)[number];

const FAST_READERS = { 'population.geojson': fastPopulationGeoJson, 'population.csv': fastPopulationCsv } satisfies Record<PopulationVectorFile, unknown>;

/** A population file read by its fast path (crs: from its .crs sidecar, null for lon/lat); null when the general loader must read it. */
export function readPopulationFast(name: PopulationVectorFile, bytes: Uint8Array, crs: Crs | null): PopulationPoints | null {
  return FAST_READERS[name](bytes, crs);
}
