// The user's view choices as a URL hash, so a reload or a copied address reopens the same
// view. Format v2: `#v2=` + base64url (no padding) of the raw-DEFLATE-compressed UTF-8 JSON
//   {"year":2026,"lang":"en","metric":"fiber","carrier":"Viettel","layers":{"hamlets":true,…},"tab":"targets",
//    "map":{"center":[105.8,21.6],"zoom":13.5},"hamlet":"x01","candidates":[[…sites.csv fields…],…]}
// v1 (still read) is the same without map, hamlet and candidates.
// Every field is written, so a link keeps its meaning if the defaults change; reading is
// tolerant, so old or damaged links still open: a bad field, an unknown field or layer, or
// an unknown version is dropped with a problem message, and the defaults fill the rest.
// Compressed (as svelte.dev's playground links are) so that longer views, such as the
// planner's candidate cells, fit a link without a new format. Pure: no DOM.
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { LANGS, type Lang } from '../i18n/vocab.ts';
import { LAYER_KEYS, type LayerKey } from '../map/layers.ts';
import type { Cell, HamletShares } from '../engine/types.ts';
import { packCandidates, unpackCandidates } from './link-candidates.ts';

/** Hamlet shares the choropleth can show (4G is near-universal, so it is left out). */
export const CHOROPLETH_METRICS = ['5g', 'mobile_bb', 'fiber', 'fiber_1g'] as const satisfies ReadonlyArray<keyof HamletShares>;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];

/** The side panel's tabs. */
export const TABS = ['overview', 'targets', 'hamlets', 'measured', 'planner'] as const;
export type Tab = (typeof TABS)[number];

/** Where the map looks. */
export interface MapCamera {
  /** [lon, lat] in degrees. */
  center: [number, number];
  zoom: number;
}

/** What the user chose to look at. Not the package (that is `?data=`), not popups; the
 *  candidates travel beside it (encodeView's second argument). */
export interface ViewState {
  /** The network as of the end of this year; null: on-air cells only. */
  year: number | null;
  lang: Lang;
  metric: ChoroplethMetric;
  /** A carrier name as in the package, or 'all' for the combined coverage. */
  carrier: string;
  layers: Record<LayerKey, boolean>;
  tab: Tab;
  /** null: the package's extent, as a fresh start frames it. */
  map: MapCamera | null;
  /** The hamlet selected in the table (highlighted on the map), or null. */
  hamlet: string | null;
}

/** The view of a fresh start; a hash's missing or bad fields take these values. */
export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({
  year: null,
  lang: 'vi',
  metric: '5g',
  carrier: 'all',
  layers: Object.freeze({
    hamlets: true,
    choropleth: true,
    cov4g: false,
    cov5g: false,
    fiber: false,
    sites: true,
    fiberNet: false,
    pois: true,
    holes: false,
    speedtests: false,
    candidates: true,
  }),
  // The first screen lists the hamlets with their population.
  tab: 'hamlets',
  map: null,
  hamlet: null,
});

const VERSION = 2;
const FIELDS_V1 = ['year', 'lang', 'metric', 'carrier', 'layers', 'tab'] as const satisfies ReadonlyArray<keyof ViewState>;
const FIELDS_V2 = [...FIELDS_V1, 'map', 'hamlet', 'candidates'] as const;
/** A longer hash is not read at all: no link the app writes comes near (a link with 1000
 *  candidate cells is about 20 KB), and parsing is then bounded whatever is pasted. */
export const MAX_HASH_CHARS = 32 * 1024;
/** The inflated JSON's cap: a zip-bomb hash stops here instead of filling the memory. */
const MAX_JSON_BYTES = 1024 * 1024;
/** Compressed bytes inflated per step, so the cap is checked before ~1 MB more is produced. */
const INFLATE_STEP_BYTES = 1024;

/** What a hash describes: view choices and, from v2, the current scenario's candidates. */
export interface DecodedLink {
  view: Partial<ViewState>;
  /** Absent when the link says nothing about candidates (v1, or no field). */
  candidates?: Cell[];
  problems: string[];
}

/** The hash (with its `#`) that reopens `view` with `candidates` as the current scenario. */
export function encodeView(view: ViewState, candidates: readonly Cell[] = []): string {
  // Fixed key order, so one view always gives one hash.
  const layers = Object.fromEntries(LAYER_KEYS.map((key) => [key, view.layers[key]]));
  const map = view.map === null ? null : { center: view.map.center, zoom: view.map.zoom };
  const doc = { year: view.year, lang: view.lang, metric: view.metric, carrier: view.carrier, layers, tab: view.tab, map, hamlet: view.hamlet };
  const json = JSON.stringify({ ...doc, candidates: packCandidates(candidates) });
  return `#v${VERSION}=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** The view a hash (`location.hash`, with or without `#`) describes, as far as it is valid,
 *  and a message for each part that was not; an empty hash is the default view, silently. */
export function decodeView(hash: string): DecodedLink {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { view: {}, problems: [] };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (text.length > MAX_HASH_CHARS) {
    return { view: {}, problems: [`View link "#${shown}" is ${text.length} characters long; at most ${MAX_HASH_CHARS} are read; the default view is shown`] };
  }
  const match = /^v(\d+)=(.*)$/s.exec(text);
  if (!match) return { view: {}, problems: [`View link "#${shown}": expected "#v${VERSION}=…"; the default view is shown`] };
  const version = Number(match[1]);
  if (version !== 1 && version !== 2) {
    return { view: {}, problems: [`View link version ${match[1]}: this app reads versions 1 to ${VERSION}; the default view is shown`] };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(strFromU8(inflateCapped(fromBase64Url(match[2] ?? ''), MAX_JSON_BYTES)));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { view: {}, problems: [`View link "#${shown}" is damaged (${reason}); the default view is shown`] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { view: {}, problems: [`View link: expected a JSON object, got ${JSON.stringify(doc)}; the default view is shown`] };
  }
  return readFields(doc as Record<string, unknown>, version === 1 ? FIELDS_V1 : FIELDS_V2);
}

function readFields(doc: Record<string, unknown>, fields: readonly string[]): DecodedLink {
  const view: Partial<ViewState> = {};
  const problems: string[] = [];
  const bad = (field: string, value: unknown, expected: string) =>
    problems.push(`View link: ${field} ${JSON.stringify(value)} ignored; expected ${expected}`);

  for (const key of Object.keys(doc)) {
    if (!fields.includes(key)) problems.push(`View link: unknown field "${key}" ignored`);
  }
  const { year, lang, metric, carrier, layers, tab, map, hamlet, candidates } = fields === FIELDS_V1 ? pick(doc, FIELDS_V1) : doc;
  if (year !== undefined) {
    if (year === null || (Number.isInteger(year) && (year as number) >= 1000 && (year as number) <= 9999)) view.year = year as number | null;
    else bad('year', year, 'a four-digit year or null');
  }
  if (lang !== undefined) {
    if (oneOf(LANGS, lang)) view.lang = lang;
    else bad('lang', lang, `one of ${LANGS.join(', ')}`);
  }
  if (metric !== undefined) {
    if (oneOf(CHOROPLETH_METRICS, metric)) view.metric = metric;
    else bad('metric', metric, `one of ${CHOROPLETH_METRICS.join(', ')}`);
  }
  if (carrier !== undefined) {
    if (typeof carrier === 'string' && carrier !== '') view.carrier = carrier;
    else bad('carrier', carrier, 'a carrier name or "all"');
  }
  if (tab !== undefined) {
    if (oneOf(TABS, tab)) view.tab = tab;
    else bad('tab', tab, `one of ${TABS.join(', ')}`);
  }
  if (layers !== undefined) {
    if (typeof layers === 'object' && layers !== null && !Array.isArray(layers)) {
      const merged: Record<LayerKey, boolean> = { ...DEFAULT_VIEW.layers };
      for (const [key, on] of Object.entries(layers)) {
        if (!oneOf(LAYER_KEYS, key)) problems.push(`View link: unknown layer "${key}" ignored`);
        else if (typeof on !== 'boolean') bad(`layer ${key}`, on, 'true or false');
        else merged[key] = on;
      }
      view.layers = merged;
    } else bad('layers', layers, 'an object of layer names to true/false');
  }
  if (map !== undefined) {
    if (map === null || isCamera(map)) view.map = map === null ? null : { center: [map.center[0], map.center[1]], zoom: map.zoom };
    else bad('map', map, '{"center":[lon,lat],"zoom":0..24} or null');
  }
  if (hamlet !== undefined) {
    if (hamlet === null || (typeof hamlet === 'string' && hamlet !== '')) view.hamlet = hamlet;
    else bad('hamlet', hamlet, "a hamlet's id or null");
  }
  if (candidates === undefined) return { view, problems };
  const unpacked = unpackCandidates(candidates);
  return { view, candidates: unpacked.cells, problems: [...problems, ...unpacked.problems] };
}

function pick(doc: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in doc).map((k) => [k, doc[k]]));
}

function isCamera(value: unknown): value is MapCamera {
  if (typeof value !== 'object' || value === null) return false;
  const { center, zoom } = value as Record<string, unknown>;
  if (!Array.isArray(center) || center.length !== 2) return false;
  const [lon, lat] = center as unknown[];
  const finite = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
  return finite(lon, -180, 180) && finite(lat, -90, 90) && finite(zoom, 0, 24) && Object.keys(value).length === 2;
}

/** Raw DEFLATE, inflated a step at a time and abandoned once the output passes `maxBytes`. */
function inflateCapped(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new Error(`inflates to more than ${maxBytes} bytes`);
    chunks.push(chunk);
    finished = final;
  });
  for (let at = 0; at < bytes.length; at += INFLATE_STEP_BYTES) {
    inflater.push(bytes.subarray(at, at + INFLATE_STEP_BYTES), at + INFLATE_STEP_BYTES >= bytes.length);
  }
  if (!finished) throw new Error('no compressed data');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

// btoa/atob work on "binary strings" (one char per byte) in browsers, workers and Node alike.
function toBase64Url(bytes: Uint8Array): string {
  return btoa(strFromU8(bytes, true)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url text');
  return strToU8(atob(text.replace(/-/g, '+').replace(/_/g, '/')), true);
}
