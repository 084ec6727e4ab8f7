// The basemap as this page draws it (basemap.ts builds it, this fits it into the app's
// style): layer ids that cannot collide with the app's own (Protomaps has a "pois" layer
// too), labels in the font the page ships, and labels switched to another language
// without rebuilding the style.
import type { LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/vocab.ts';
import { basemapLayers, type BasemapOptions, type BasemapStyle } from './basemap.ts';

/** Prefix of every basemap layer id in the map's style. */
export const BASEMAP_LAYER_PREFIX = 'basemap-';

/** The self-hosted family (src/main.ts imports its 400/600/700 faces, Vietnamese subset). */
const PAGE_FONT = 'Be Vietnam Pro';
/** @protomaps/basemaps asks for Noto Sans faces, which no glyph server supplies offline.
 *  MapLibre draws glyphs locally from the CSS family list and sniffs the weight from the
 *  first name, so each face becomes [weight-named face, the real family]. */
const FACE_OF: Record<string, string[]> = {
  'Noto Sans Regular': [`${PAGE_FONT} Regular`, PAGE_FONT],
  'Noto Sans Medium': [`${PAGE_FONT} SemiBold`, PAGE_FONT],
  'Noto Sans Italic': [`${PAGE_FONT} Italic`, PAGE_FONT],
};

/** `value` with every font stack naming only Noto Sans faces swapped for the page's font. */
function inPageFont<T>(value: T): T {
  if (!Array.isArray(value)) {
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inPageFont(v)])) as T;
  }
  const stack = value.length > 0 && value.every((v) => typeof v === 'string' && v in FACE_OF);
  if (stack) return value.flatMap((face: string) => FACE_OF[face] ?? [face]).filter((f, i, all) => all.indexOf(f) === i) as T;
  return value.map(inPageFont) as T;
}

/** basemap.ts's sources and layers, ids prefixed with BASEMAP_LAYER_PREFIX and labels in the page's font. */
export function pageBasemap(opts: BasemapOptions): BasemapStyle {
  const { sources, layers } = basemapLayers(opts);
  return {
    sources,
    layers: layers.map((layer) => ({ ...(layer.type === 'symbol' ? inPageFont(layer) : layer), id: `${BASEMAP_LAYER_PREFIX}${layer.id}` })),
  };
}

/** Basemap source-layers drawn above the hamlet choropleth: without roads, water and
 *  names showing through the hamlet colours nobody can tell where anything is. */
const OVER_FILLS = new Set(['roads', 'water', 'places']);

/** Whether a basemap layer belongs above the choropleth (roads, water, every label) rather than under it. */
export function isBasemapOverlay(layer: LayerSpecification): boolean {
  return layer.type === 'symbol' || ('source-layer' in layer && OVER_FILLS.has(layer['source-layer'] ?? ''));
}

export interface LabelField {
  id: string;
  textField: NonNullable<NonNullable<SymbolLayerSpecification['layout']>['text-field']>;
}

/** The text-field of each basemap label layer in `lang`, to apply to a map drawn in another language. */
export function basemapLabelFields(basemapUrl: string, lang: Lang): LabelField[] {
  const { layers } = pageBasemap({ basemapUrl, lang });
  return layers.flatMap((layer: LayerSpecification) => {
    const textField = layer.type === 'symbol' ? layer.layout?.['text-field'] : undefined;
    return textField === undefined ? [] : [{ id: layer.id, textField }];
  });
}
