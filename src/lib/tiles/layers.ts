// The vector tiles' contract: source-layer names, their geometry and their properties.
// `npm run build-data` writes exactly these; the app's map layers read exactly these, so
// both import the names from here. tiles/README.md documents the same table.

export type TileFieldType = 'String' | 'Number';

export interface TileLayerSpec {
  geometry: 'Point' | 'LineString' | 'Polygon';
  /** Property name → MVT value type; a property that is null in the data is left out. */
  fields: Record<string, TileFieldType>;
  description: string;
}

export const TILE_LAYERS = {
  hamlets: {
    geometry: 'Polygon',
    fields: { id: 'String', name: 'String', population: 'Number' },
    description: 'Hamlet (xóm) boundaries with census population',
  },
  hamlet_labels: {
    geometry: 'Point',
    fields: { id: 'String', name: 'String', population: 'Number' },
    description: "One label point per hamlet, at its polygon's pole of inaccessibility",
  },
  commune: {
    geometry: 'Polygon',
    fields: { id: 'String', name: 'String' },
    description: 'Outline of the whole area: the union of its hamlets',
  },
  sites: {
    geometry: 'Point',
    fields: {
      id: 'String',
      site_id: 'String',
      name: 'String',
      carrier: 'String',
      tech: 'String',
      status: 'String',
      on_air_year: 'Number',
      azimuth_deg: 'Number',
      beamwidth_deg: 'Number',
      band_mhz: 'Number',
    },
    description: 'BTS cells, one point per sector or omni cell; azimuth_deg absent = omni',
  },
  fiber_cables: {
    geometry: 'LineString',
    fields: { id: 'String', carrier: 'String' },
    description: 'Fiber cables (drawn only)',
  },
  access_points: {
    geometry: 'Point',
    fields: { id: 'String', carrier: 'String', max_mbps: 'Number', reach_m: 'Number', status: 'String' },
    description: 'Fiber access points (splitter / ODP boxes)',
  },
  pois: {
    geometry: 'Point',
    fields: { id: 'String', type: 'String', name: 'String' },
    description: 'Commune HQ, schools, health stations and other priority places',
  },
  speedtests: {
    geometry: 'Point',
    fields: {
      kind: 'String',
      tech: 'String',
      carrier: 'String',
      down_mbps: 'Number',
      up_mbps: 'Number',
      latency_ms: 'Number',
      time: 'String',
    },
    description: 'Speed-test measurements',
  },
} as const satisfies Record<string, TileLayerSpec>;

export type TileLayerId = keyof typeof TILE_LAYERS;

/** The source-layer names in drawing order (areas first, points last). */
export const TILE_LAYER_IDS = Object.keys(TILE_LAYERS) as TileLayerId[];

/** Lowest zoom the archive holds tiles for. */
export const TILE_MIN_ZOOM = 8;
/** Highest zoom the archive holds tiles for; MapLibre overzooms beyond it. */
export const TILE_MAX_ZOOM = 15;

/** The archive's file name for an area, inside the tiles/ folder: `<area id>.pmtiles`. */
export function tilesFileName(areaId: string): string {
  return `${areaId}.pmtiles`;
}
