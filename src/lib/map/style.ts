// Assembles the map style and the style values that follow the figures. Pure: no map
// instance here, so every expression is unit-tested and the map component only applies them.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { HamletShares, Report } from '../engine/types.ts';
import type { TileLayerId } from '../tiles/layers.ts';
import type { PackageLayers } from '../tiles/package-layers.ts';
import { isBasemapOverlay } from './basemap-style.ts';
import { pmtilesVectorSource } from './pmtiles.ts';
import { appLayers, DYNAMIC_SOURCES, layerKeyOf, SHARE_STATE, type LayerKey, type SourceRef, type StaticRefs } from './layers.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The tile source-layer each static kind of feature is stored in. */
const TILE_LAYER_OF: Record<keyof StaticRefs, TileLayerId> = {
  hamlets: 'hamlets',
  hamletLabels: 'hamlet_labels',
  commune: 'commune',
  sites: 'sites',
  cables: 'fiber_cables',
  accessPoints: 'access_points',
  speedtests: 'speedtests',
};

function refsFor(ref: (tileLayer: TileLayerId) => SourceRef): StaticRefs {
  const entries = Object.entries(TILE_LAYER_OF).map(([kind, tileLayer]) => [kind, ref(tileLayer)]);
  return Object.fromEntries(entries) as unknown as StaticRefs;
}

/** Static layers read from one PMTiles vector source named `source`. */
export function pmtilesRefs(source: string): StaticRefs {
  return refsFor((tileLayer) => ({ source, sourceLayer: tileLayer }));
}

/** Static layers read from GeoJSON sources named `pkg-<tile layer>`. */
export const GEOJSON_REFS: StaticRefs = refsFor((tileLayer) => ({ source: `pkg-${tileLayer}` }));

/** The data of each static GeoJSON source, keyed by the source names GEOJSON_REFS uses. */
export function geojsonSourceData(layers: PackageLayers | null): Record<string, FeatureCollection> {
  const data: Record<string, FeatureCollection> = {};
  for (const tileLayer of Object.values(TILE_LAYER_OF)) data[`pkg-${tileLayer}`] = layers?.[tileLayer] ?? EMPTY;
  return data;
}

/** GeoJSON sources for the static package layers; empty until the package is loaded (null). */
export function geojsonSources(layers: PackageLayers | null): Record<string, SourceSpecification> {
  const sources: Record<string, SourceSpecification> = {};
  for (const [id, data] of Object.entries(geojsonSourceData(layers))) sources[id] = { type: 'geojson', data };
  // The choropleth's feature state is keyed by the hamlet id.
  sources['pkg-hamlets'] = { type: 'geojson', data: layers?.hamlets ?? EMPTY, promoteId: 'id' };
  return sources;
}

/** The package's PMTiles archive as a vector source; hamlets keyed by their id for the choropleth's feature state. */
export function packageTilesSource(archiveUrl: string): SourceSpecification {
  return { ...pmtilesVectorSource(archiveUrl), promoteId: { [TILE_LAYER_OF.hamlets]: 'id' } };
}

export interface StyleInput {
  /** Sources holding the static layers (GeoJSON or one PMTiles vector source). */
  staticSources: Record<string, SourceSpecification>;
  refs: StaticRefs;
  /** What lies underneath: basemap.ts's layers (a background at least). */
  basemap: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] };
}

/** The package layer the basemap's roads, water and labels are drawn just above. */
const UNDER_BASEMAP_OVERLAYS = 'choropleth';

/**
 * The whole map style: basemap ground (or plain background), the hamlet choropleth, the
 * basemap's roads, water and labels, then every other package layer; empty dynamic sources.
 */
export function buildStyle(input: StyleInput): StyleSpecification {
  const dynamic: Record<string, SourceSpecification> = {};
  for (const name of DYNAMIC_SOURCES) dynamic[name] = { type: 'geojson', data: EMPTY };
  const app = appLayers(input.refs);
  const split = app.findIndex((layer) => layer.id === UNDER_BASEMAP_OVERLAYS) + 1;
  return {
    version: 8,
    // No glyphs URL: MapLibre draws labels locally from the page's font (works offline).
    sources: { ...input.basemap.sources, ...input.staticSources, ...dynamic },
    layers: [
      ...input.basemap.layers.filter((layer) => !isBasemapOverlay(layer)),
      ...app.slice(0, split),
      ...input.basemap.layers.filter(isBasemapOverlay),
      ...app.slice(split),
    ],
  };
}

/** The source (and source-layer, for tiles) the choropleth layer of `style` draws: where its feature state is set. */
export function choroplethSource(style: StyleSpecification): { source: string; sourceLayer?: string } {
  const layer = style.layers.find((l) => l.id === 'choropleth');
  if (!layer || !('source' in layer) || typeof layer.source !== 'string') throw new Error('the map style has no choropleth layer');
  return 'source-layer' in layer && layer['source-layer'] !== undefined ? { source: layer.source, sourceLayer: layer['source-layer'] } : { source: layer.source };
}

/** A hamlet whose choropleth state must change, and its new state. */
export interface ChoroplethChange {
  id: string;
  state: { [SHARE_STATE]: number | null };
}

/**
 * The hamlets whose `shareKey` share differs from what `shown` (hamlet id → share drawn)
 * records, with their new state; `shown` is updated to the report. A hamlet the report
 * no longer has goes back to no data.
 */
export function choroplethStateChanges(shown: Map<string, number | null>, report: Report | null, shareKey: keyof HamletShares): ChoroplethChange[] {
  const changes: ChoroplethChange[] = [];
  const hamlets = report?.hamlets ?? [];
  for (const h of hamlets) {
    const share = h.share[shareKey];
    if (shown.get(h.id) === share && shown.has(h.id)) continue;
    shown.set(h.id, share);
    changes.push({ id: h.id, state: { [SHARE_STATE]: share } });
  }
  // Every hamlet of the report is in `shown` now: any more are hamlets it no longer has.
  if (shown.size > hamlets.length) {
    const current = new Set(hamlets.map((h) => h.id));
    for (const id of shown.keys()) {
      if (current.has(id)) continue;
      shown.delete(id);
      changes.push({ id, state: { [SHARE_STATE]: null } });
    }
  }
  return changes;
}

/** Filter that hatches the hamlets whose share falls back to the area (uniform) model. */
export function uniformHatchFilter(hamletIds: readonly string[]): ExpressionSpecification {
  return ['in', ['to-string', ['get', 'id']], ['literal', [...hamletIds]]];
}

/** The filter of the selected hamlet's outline (nothing when none is selected). */
export function selectedHamletFilter(hamletId: string | null): ExpressionSpecification {
  return hamletId === null ? ['literal', false] : ['==', ['to-string', ['get', 'id']], hamletId];
}

/** Visibility of every app layer given the panel's toggles. */
export function layerVisibility(
  layers: readonly LayerSpecification[],
  on: Readonly<Record<LayerKey, boolean>>,
): Array<{ id: string; visibility: 'visible' | 'none' }> {
  return layers.flatMap((layer) => {
    const key = layerKeyOf(layer);
    if (key === null) return [];
    return [{ id: layer.id, visibility: on[key] ? ('visible' as const) : ('none' as const) }];
  });
}
