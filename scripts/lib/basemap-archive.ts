// A basemap.pmtiles in the Protomaps basemap schema (https://docs.protomaps.com/basemaps/layers)
// from GeoJSON layers keyed by source-layer name, written with the project's own PMTiles
// writer. Shared by the end-to-end fixture (basemap-fixture.ts) and the sample's synthetic
// basemap (scripts/sample/basemap.ts). Pure: gzip is injected, and the same gzip gives the
// same bytes.
import type { FeatureCollection } from 'geojson';
import { Compression, TileType, writePmtiles } from '../../src/lib/tiles/pmtiles-writer.ts';
import { cutVectorTiles, layersBounds } from '../../src/lib/tiles/vector-tiles.ts';

export interface BasemapArchiveOptions {
  minZoom: number;
  maxZoom: number;
  /** Zoom of the archive's suggested first view. */
  centerZoom: number;
  name: string;
  description: string;
}

/** `vector_layers` of the archive's metadata: each layer with the field types it holds. */
function vectorLayers(layers: Record<string, FeatureCollection>, opts: BasemapArchiveOptions): Array<Record<string, unknown>> {
  return Object.entries(layers).map(([id, fc]) => {
    const fields: Record<string, string> = {};
    for (const f of fc.features) {
      for (const [key, value] of Object.entries(f.properties ?? {})) fields[key] = typeof value === 'number' ? 'Number' : 'String';
    }
    return { id, fields, minzoom: opts.minZoom, maxzoom: opts.maxZoom };
  });
}

/** The archive's bytes (gzip-compressed MVT) and how many tiles it holds. */
export function buildBasemapArchive(
  layers: Record<string, FeatureCollection>,
  gzip: (bytes: Uint8Array) => Uint8Array,
  opts: BasemapArchiveOptions,
): { archive: Uint8Array; tileCount: number } {
  const bounds = layersBounds(layers);
  if (!bounds) throw new Error(`${opts.name}: no features`);
  const tiles = cutVectorTiles(layers, { minZoom: opts.minZoom, maxZoom: opts.maxZoom });
  const archive = writePmtiles(
    tiles.map((t) => ({ ...t, data: gzip(t.data) })),
    {
      tileType: TileType.Mvt,
      tileCompression: Compression.Gzip,
      internalCompression: Compression.Gzip,
      compress: gzip,
      minZoom: opts.minZoom,
      maxZoom: opts.maxZoom,
      bounds,
      center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, opts.centerZoom],
      metadata: { name: opts.name, description: opts.description, type: 'baselayer', vector_layers: vectorLayers(layers, opts) },
    },
  );
  return { archive, tileCount: tiles.length };
}
