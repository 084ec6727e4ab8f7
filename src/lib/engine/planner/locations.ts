// Where a suggested site may go: the package's candidate places (candidates.geojson) when
// it has any, else the centres of a square grid laid over the populated area the fixed
// network leaves uncovered, pruned to the cells with the most uncovered demand within a
// site's reach so the search stays bounded (README.md, Candidate locations).
import type { EqualAreaProjection } from '../projection.ts';
import type { CandidatePlace } from '../types.ts';
import type { Demand } from './demand.ts';

/** A place a suggested site may go. */
export interface Location {
  lon: number;
  lat: number;
  /** The candidate place's id and name; null on the grid. */
  placeId: string | null;
  placeName: string | null;
  /** The candidate place's max_height_m; null on the grid (no limit known). */
  maxHeightM: number | null;
}

/** Default grid spacing, metres: a fraction of a 5G site's ~1 km reach, fine enough that a better spot is at most ~180 m away. */
export const DEFAULT_GRID_SPACING_M = 250;
/** The grid is pruned to this many locations (the sample's 5G grid has ~400 populated cells; a province ~20,000). */
export const MAX_GRID_LOCATIONS = 1500;
/** The grid may span at most this many cells (memory: 16 bytes each), else the spacing is refused as too fine. */
const MAX_GRID_CELLS = 4_000_000;
/** Finer than this, grid cells are smaller than a site's footprint needs, metres. */
export const MIN_GRID_SPACING_M = 25;

/** Every candidate place, in file order. */
export function placeLocations(places: readonly CandidatePlace[]): Location[] {
  return places.map((p) => ({ lon: p.lon, lat: p.lat, placeId: p.id, placeName: p.name, maxHeightM: p.max_height_m }));
}

export interface GridLocations {
  locations: Location[];
  /** Grid cells holding uncovered demand, before pruning. */
  populatedCells: number;
}

/**
 * Centres of the `spacingM` grid cells (in the package's equal-area plane, anchored at its
 * origin) that hold demand of positive weight; when there are more than `maxLocations`,
 * those with the most demand weight in the (2r + 1)² cells around them, r = ⌈reachM / spacingM⌉.
 */
export function gridLocations(
  demand: Demand,
  weight: (k: number) => number,
  projection: EqualAreaProjection,
  spacingM: number,
  reachM: number,
  maxLocations = MAX_GRID_LOCATIONS,
): GridLocations {
  const { lon, lat } = demand.index;
  const n = lon.length;
  const ix = new Int32Array(n);
  const iy = new Int32Array(n);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < n; k++) {
    if (!(weight(k) > 0)) continue;
    const x = Math.floor(projection.x(lon[k] as number) / spacingM);
    const y = Math.floor(projection.y(lat[k] as number) / spacingM);
    ix[k] = x;
    iy[k] = y;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) return { locations: [], populatedCells: 0 };
  const nx = maxX - minX + 1;
  const ny = maxY - minY + 1;
  if (nx * ny > MAX_GRID_CELLS) {
    throw new RangeError(`suggest: gridSpacingM ${spacingM} m needs ${nx} × ${ny} grid cells over this package; expected at most ${MAX_GRID_CELLS.toLocaleString('en')} (use a larger spacing)`);
  }
  const cellWeight = new Float64Array(nx * ny);
  for (let k = 0; k < n; k++) {
    const w = weight(k);
    if (!(w > 0)) continue;
    const c = ((iy[k] as number) - minY) * nx + ((ix[k] as number) - minX);
    cellWeight[c] = (cellWeight[c] as number) + w;
  }
  let populated: number[] = [];
  for (let c = 0; c < cellWeight.length; c++) if ((cellWeight[c] as number) > 0) populated.push(c);
  const populatedCells = populated.length;
  if (populated.length > maxLocations) {
    const around = neighbourhoodSums(cellWeight, nx, ny, Math.ceil(reachM / spacingM));
    populated = populated
      .sort((a, b) => (around[b] as number) - (around[a] as number) || a - b)
      .slice(0, maxLocations)
      .sort((a, b) => a - b);
  }
  const locations = populated.map((c): Location => {
    const x = ((c % nx) + minX + 0.5) * spacingM;
    const y = (Math.floor(c / nx) + minY + 0.5) * spacingM;
    const [cLon, cLat] = projection.inverse(x, y);
    return { lon: cLon, lat: cLat, placeId: null, placeName: null, maxHeightM: null };
  });
  return { locations, populatedCells };
}

/** For each cell, the sum of `values` over the (2r + 1)² cells centred on it (clipped at the grid's edge), by a summed-area table. */
function neighbourhoodSums(values: Float64Array, nx: number, ny: number, r: number): Float64Array {
  const w = nx + 1;
  const table = new Float64Array(w * (ny + 1));
  for (let y = 0; y < ny; y++) {
    let row = 0;
    for (let x = 0; x < nx; x++) {
      row += values[y * nx + x] as number;
      table[(y + 1) * w + x + 1] = (table[y * w + x + 1] as number) + row;
    }
  }
  const out = new Float64Array(nx * ny);
  for (let y = 0; y < ny; y++) {
    const y0 = Math.max(0, y - r), y1 = Math.min(ny, y + r + 1);
    for (let x = 0; x < nx; x++) {
      const x0 = Math.max(0, x - r), x1 = Math.min(nx, x + r + 1);
      out[y * nx + x] = (table[y1 * w + x1] as number) - (table[y0 * w + x1] as number) - (table[y1 * w + x0] as number) + (table[y0 * w + x0] as number);
    }
  }
  return out;
}
