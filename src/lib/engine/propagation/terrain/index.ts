// Terrain-aware prediction of one cell: received level over the DEM (levels.ts), as a raster
// with its coverage contour (coverage.ts). Results are cached per terrain and per cell
// parameters, so the package's cells are predicted once and a dragged candidate that comes
// back to a position it held is free.
import { resolveLink, type PredictOptions, type ReachInput } from '../index.ts';
import type { LonLat } from '../../types.ts';
import { TerrainCoverage } from './coverage.ts';
import type { Terrain } from './dem.ts';
import { polarLevels } from './levels.ts';

export { TerrainCoverage } from './coverage.ts';
export { Terrain, terrainFor } from './dem.ts';

export interface TerrainCellInput extends ReachInput {
  center: LonLat;
  /** Boresight, degrees clockwise from north; null for omni. */
  azimuthDeg: number | null;
  /** 3 dB beamwidth, degrees; 360 = omni. */
  beamwidthDeg: number;
}

/** Predictions kept per terrain; a drag adds one per frame, so old ones must go. */
const CACHE_ENTRIES = 512;
const caches = new WeakMap<Terrain, Map<string, TerrainCoverage>>();

/** The cell's predicted coverage over `terrain` (received level raster and contour), cached. Throws a RangeError naming a field out of range. */
export function predictTerrainCoverage(cell: TerrainCellInput, terrain: Terrain, options: PredictOptions = {}): TerrainCoverage {
  const key = [cell.center[0], cell.center[1], cell.tech, cell.bandMHz, cell.heightM, cell.eirpDbm, cell.azimuthDeg, cell.beamwidthDeg, options.thresholdDbm].join('|');
  let cache = caches.get(terrain);
  if (!cache) {
    cache = new Map();
    caches.set(terrain, cache);
  }
  const hit = cache.get(key);
  if (hit) {
    // Map keeps insertion order: re-inserting makes this the most recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const link = resolveLink(cell, options);
  const coverage = new TerrainCoverage(cell.center, link.assumptions, polarLevels(cell, link, terrain));
  cache.set(key, coverage);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return coverage;
}
