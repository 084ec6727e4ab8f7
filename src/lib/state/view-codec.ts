// The user's view choices as a URL hash, so a reload or a copied address reopens the same
// view. Format v1: `#v1=` + base64url (no padding) of the raw-DEFLATE-compressed UTF-8 JSON
//   {"year":2026,"lang":"en","metric":"fiber","carrier":"Viettel","layers":{"hamlets":true,…},"tab":"targets"}
// Every field is written, so a link keeps its meaning if the defaults change; reading is
// tolerant, so old or damaged links still open: a bad field, an unknown field or layer, or
// an unknown version is dropped with a problem message, and the defaults fill the rest.
// Compressed (as svelte.dev's playground links are) so that longer views, such as the
// planner's candidate cells, fit a link without a new format. Pure: no DOM.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { LANGS, type Lang } from '../i18n/vocab.ts';
import { LAYER_KEYS, type LayerKey } from '../map/layers.ts';
import type { HamletShares } from '../engine/types.ts';

/** Hamlet shares the choropleth can show (4G is near-universal, so it is left out). */
export const CHOROPLETH_METRICS = ['5g', 'mobile_bb', 'fiber', 'fiber_1g'] as const satisfies ReadonlyArray<keyof HamletShares>;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];

/** The side panel's tabs. */
export const TABS = ['overview', 'targets', 'hamlets', 'measured', 'planner'] as const;
export type Tab = (typeof TABS)[number];

/** What the user chose to look at. Not the package (that is `?data=`), not popups or selections. */
export interface ViewState {
  /** The network as of the end of this year; null: on-air cells only. */
  year: number | null;
  lang: Lang;
  metric: ChoroplethMetric;
  /** A carrier name as in the package, or 'all' for the combined coverage. */
  carrier: string;
  layers: Record<LayerKey, boolean>;
  tab: Tab;
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
});

const VERSION = 1;
const FIELDS = ['year', 'lang', 'metric', 'carrier', 'layers', 'tab'] as const satisfies ReadonlyArray<keyof ViewState>;

/** The hash (with its `#`) that reopens `view`. */
export function encodeView(view: ViewState): string {
  // Fixed key order, so one view always gives one hash.
  const layers = Object.fromEntries(LAYER_KEYS.map((key) => [key, view.layers[key]]));
  const json = JSON.stringify({ year: view.year, lang: view.lang, metric: view.metric, carrier: view.carrier, layers, tab: view.tab });
  return `#v${VERSION}=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** The view a hash (`location.hash`, with or without `#`) describes, as far as it is valid,
 *  and a message for each part that was not; an empty hash is the default view, silently. */
export function decodeView(hash: string): { view: Partial<ViewState>; problems: string[] } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { view: {}, problems: [] };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const match = /^v(\d+)=(.*)$/s.exec(text);
  if (!match) return { view: {}, problems: [`View link "#${shown}": expected "#v${VERSION}=…"; the default view is shown`] };
  if (Number(match[1]) !== VERSION) {
    return { view: {}, problems: [`View link version ${match[1]}: this app reads version ${VERSION}; the default view is shown`] };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(strFromU8(inflateSync(fromBase64Url(match[2] ?? ''))));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { view: {}, problems: [`View link "#${shown}" is damaged (${reason}); the default view is shown`] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { view: {}, problems: [`View link: expected a JSON object, got ${JSON.stringify(doc)}; the default view is shown`] };
  }
  return readFields(doc as Record<string, unknown>);
}

function readFields(doc: Record<string, unknown>): { view: Partial<ViewState>; problems: string[] } {
  const view: Partial<ViewState> = {};
  const problems: string[] = [];
  const bad = (field: string, value: unknown, expected: string) =>
    problems.push(`View link: ${field} ${JSON.stringify(value)} ignored; expected ${expected}`);

  for (const key of Object.keys(doc)) {
    if (!(FIELDS as readonly string[]).includes(key)) problems.push(`View link: unknown field "${key}" ignored`);
  }
  const { year, lang, metric, carrier, layers, tab } = doc;
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
  return { view, problems };
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
