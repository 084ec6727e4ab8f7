// A data package → the PMTiles archive of its vector tiles and a small manifest. Pure:
// the caller supplies gzip (node:zlib in the build script), so this also runs in a browser.
import type { DataPackage } from '../engine/types.ts';
import { TILE_LAYER_IDS, TILE_LAYERS, TILE_MAX_ZOOM, TILE_MIN_ZOOM, tilesFileName, type TileLayerId } from './layers.ts';
import { drawnDataFingerprint } from './fingerprint.ts';
import { packageLayers } from './package-layers.ts';
import { Compression, TileType, writePmtiles } from './pmtiles-writer.ts';
import { cutVectorTiles, layersBounds } from './vector-tiles.ts';

/** tiles/<area id>.json: what the app needs before it opens the archive. */
export interface TilesManifest {
  id: string;
  name: string;
  /** [west, south, east, north] degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat] degrees. */
  center: [number, number];
  minzoom: number;
  maxzoom: number;
  layers: TileLayerId[];
  /** The package folder the tiles were built from, as given to the build script. */
  built_from: string;
  /** The archive's file name, next to this manifest. */
  tiles: string;
  /** drawnDataFingerprint of the package: the app draws the tiles only for a package with the same. */
  data_fingerprint: string;
}

export interface BuiltTiles {
  archive: Uint8Array;
  manifest: TilesManifest;
  tileCount: number;
}

/** Builds the MVT PMTiles archive (zooms TILE_MIN_ZOOM..TILE_MAX_ZOOM) of a package. */
export function buildTilesArchive(
  pkg: DataPackage,
  opts: { gzip: (bytes: Uint8Array) => Uint8Array; builtFrom: string },
): BuiltTiles {
  const layers = packageLayers(pkg);
  const bounds = layersBounds(layers);
  if (!bounds) throw new Error(`${opts.builtFrom}: the package has no features to draw; expected at least one hamlet`);
  const center: [number, number] = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];

  const mvt = cutVectorTiles(layers, { minZoom: TILE_MIN_ZOOM, maxZoom: TILE_MAX_ZOOM });
  const archive = writePmtiles(
    mvt.map((t) => ({ ...t, data: opts.gzip(t.data) })),
    {
      tileType: TileType.Mvt,
      tileCompression: Compression.Gzip,
      internalCompression: Compression.Gzip,
      compress: opts.gzip,
      minZoom: TILE_MIN_ZOOM,
      maxZoom: TILE_MAX_ZOOM,
      bounds,
      center: [center[0], center[1], centerZoom(bounds)],
      metadata: {
        name: pkg.area.name,
        description: `Vector tiles of data package ${pkg.area.id}`,
        vector_layers: TILE_LAYER_IDS.map((id) => ({
          id,
          description: TILE_LAYERS[id].description,
          fields: TILE_LAYERS[id].fields,
          minzoom: TILE_MIN_ZOOM,
          maxzoom: TILE_MAX_ZOOM,
        })),
      },
    },
  );
  const manifest: TilesManifest = {
    id: pkg.area.id,
    name: pkg.area.name,
    bounds,
    center,
    minzoom: TILE_MIN_ZOOM,
    maxzoom: TILE_MAX_ZOOM,
    layers: TILE_LAYER_IDS,
    built_from: opts.builtFrom,
    tiles: tilesFileName(pkg.area.id),
    data_fingerprint: drawnDataFingerprint(pkg),
  };
  return { archive, manifest, tileCount: mvt.length };
}

/** The zoom at which the bounds fill about one 512-px tile, kept inside the archive's zooms. */
function centerZoom([west, , east]: [number, number, number, number]): number {
  const spanDeg = Math.max(east - west, 1e-6);
  return Math.min(TILE_MAX_ZOOM, Math.max(TILE_MIN_ZOOM, Math.floor(Math.log2(360 / spanDeg))));
}
