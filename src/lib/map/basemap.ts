// The layers under the package's own layers: a Protomaps-schema basemap when the package
// ships basemap.pmtiles, otherwise a plain neutral background. Offline by construction:
// no glyphs URL (MapLibre then draws text locally, Vietnamese diacritics included) and no
// sprite, so icon layers are dropped and icons stripped from labelled layers.
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import { pmtilesVectorSource } from './pmtiles.ts';

/** Source id of the basemap in the style. */
export const BASEMAP_SOURCE = 'protomaps';
/** Background colour when there is no basemap: a light grey-green that lets coverage colours read. */
export const NEUTRAL_BACKGROUND = '#eef0ec';

export interface BasemapOptions {
  /** URL of basemap.pmtiles (absolute, or relative to the page), or null without one. */
  basemapUrl: string | null;
  lang: 'vi' | 'en';
}

export interface BasemapStyle {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

/** The basemap's sources and layers, bottom-most first, for a style's `sources` and `layers`. */
export function basemapLayers(opts: BasemapOptions): BasemapStyle {
  if (opts.basemapUrl === null) {
    return {
      sources: {},
      layers: [{ id: 'background', type: 'background', paint: { 'background-color': NEUTRAL_BACKGROUND } }],
    };
  }
  const layers = protomapsLayers(BASEMAP_SOURCE, namedFlavor('light'), { lang: opts.lang }) as LayerSpecification[];
  return {
    sources: { [BASEMAP_SOURCE]: pmtilesVectorSource(opts.basemapUrl) },
    layers: layers.flatMap(withoutIcons),
  };
}

/** A symbol layer without its icon properties; [] for a layer that has nothing but an icon. */
function withoutIcons(layer: LayerSpecification): LayerSpecification[] {
  if (layer.type !== 'symbol') return [layer];
  const layout = stripIcon(layer.layout);
  if (!layout || !('text-field' in layout)) return [];
  return [{ ...layer, layout, paint: stripIcon(layer.paint) }];
}

function stripIcon<T extends object>(props: T | undefined): T | undefined {
  if (!props) return props;
  return Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith('icon-'))) as T;
}
