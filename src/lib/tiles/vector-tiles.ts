// Cuts GeoJSON layers into Mapbox Vector Tiles for every zoom of a range, skipping
// tiles where no layer has a feature. geojson-vt slices and simplifies; vt-pbf encodes.
import type { FeatureCollection } from 'geojson';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

/** One encoded (uncompressed) MVT tile. */
export interface MvtTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface CutOptions {
  minZoom: number;
  maxZoom: number;
}

const EXTENT = 4096;
/** Tile buffer in tile units (of 4096): 64 keeps line joins and labels clean across tile edges. */
const BUFFER = 64;

/** [west, south, east, north] degrees of every feature in the layers, or null when all are empty. */
export function layersBounds(layers: Record<string, FeatureCollection>): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1] as number);
      n = Math.max(n, c[1] as number);
    } else for (const child of c) visit(child);
  };
  for (const fc of Object.values(layers)) {
    for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  }
  return w <= e ? [w, s, e, n] : null;
}

/** Web-Mercator tile column and row holding a lon/lat at zoom z. */
function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const sinLat = Math.sin((lat * Math.PI) / 180);
  const x = ((lon + 180) / 360) * n;
  const y = (0.5 - Math.log((1 + sinLat) / (1 - sinLat)) / (4 * Math.PI)) * n;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  return [clamp(x), clamp(y)];
}

/** Encodes every non-empty tile of the zoom range, in z, x, y order. */
export function cutVectorTiles(layers: Record<string, FeatureCollection>, opts: CutOptions): MvtTile[] {
  const bounds = layersBounds(layers);
  if (!bounds) return [];
  const indexes = Object.entries(layers)
    .filter(([, fc]) => fc.features.length > 0)
    .map(([name, fc]) => {
      // Points are never simplified; tolerance 3 (of 4096) is geojson-vt's default for shapes,
      // and at maxZoom it keeps every vertex.
      const index = new GeoJSONVT(fc, { maxZoom: opts.maxZoom, indexMaxZoom: opts.minZoom, extent: EXTENT, buffer: BUFFER });
      return [name, index] as const;
    });

  const tiles: MvtTile[] = [];
  for (let z = opts.minZoom; z <= opts.maxZoom; z++) {
    // The buffer lets a feature near a tile edge show in the neighbour: widen the range by one tile.
    const [x0, y0] = lonLatToTile(bounds[0], bounds[3], z);
    const [x1, y1] = lonLatToTile(bounds[2], bounds[1], z);
    const last = 2 ** z - 1;
    for (let x = Math.max(0, x0 - 1); x <= Math.min(last, x1 + 1); x++) {
      for (let y = Math.max(0, y0 - 1); y <= Math.min(last, y1 + 1); y++) {
        const present: Record<string, GeoJSONVTTile> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) present[name] = tile;
        }
        if (Object.keys(present).length === 0) continue;
        tiles.push({ z, x, y, data: fromGeojsonVt(present, { version: 2, extent: EXTENT }) });
      }
    }
  }
  return tiles;
}
