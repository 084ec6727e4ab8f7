// Ground elevation from a package's dem.tif, in the form the radial profiles read it:
// NoData cells filled, bilinear sampling between pixel centres, and the pixel size in
// metres (the profile step). Built once per raster (terrainFor) and shared by every cell.
import { radiiOfCurvature } from '../../geodesy.ts';
import type { Raster } from '../../types.ts';

/** Profiles are never sampled finer than this, metres (a 1 m lidar DEM would only cost time). */
const MIN_STEP_M = 10;

export class Terrain {
  readonly width: number;
  readonly height: number;
  /** Elevation above mean sea level per pixel, metres; NoData already filled. */
  readonly elevationM: Float32Array;
  readonly west: number;
  readonly north: number;
  readonly pixelLonDeg: number;
  readonly pixelLatDeg: number;
  /** Ground spacing of profile samples: the DEM pixel's shorter side at its centre latitude, metres. */
  readonly stepM: number;
  /** How many NoData (or non-finite) cells were filled from their neighbours. */
  readonly filledCells: number;
  readonly minElevationM: number;
  readonly maxElevationM: number;

  constructor(readonly raster: Raster) {
    const { width, height, bbox } = raster;
    this.width = width;
    this.height = height;
    this.west = bbox[0];
    this.north = bbox[3];
    this.pixelLonDeg = (bbox[2] - bbox[0]) / width;
    this.pixelLatDeg = (bbox[3] - bbox[1]) / height;
    const { elevationM, filled } = fillNoData(raster);
    this.elevationM = elevationM;
    this.filledCells = filled;
    let min = Infinity, max = -Infinity;
    for (const z of elevationM) {
      min = Math.min(min, z);
      max = Math.max(max, z);
    }
    this.minElevationM = min;
    this.maxElevationM = max;
    const lat = (bbox[1] + bbox[3]) / 2;
    const { meridianM, primeVerticalM } = radiiOfCurvature(lat);
    const xM = (this.pixelLonDeg * Math.PI * primeVerticalM * Math.cos((lat * Math.PI) / 180)) / 180;
    const yM = (this.pixelLatDeg * Math.PI * meridianM) / 180;
    this.stepM = Math.max(MIN_STEP_M, Math.min(xM, yM));
  }

  /** Fractional column of a longitude, pixel centres at whole numbers. */
  columnOf(lon: number): number {
    return (lon - this.west) / this.pixelLonDeg - 0.5;
  }

  /** Fractional row of a latitude (row 0 is the northernmost), pixel centres at whole numbers. */
  rowOf(lat: number): number {
    return (this.north - lat) / this.pixelLatDeg - 0.5;
  }

  /**
   * Elevation at fractional pixel coordinates, bilinear between pixel centres, metres.
   * Beyond the raster the edge pixels are extended (the DEM should cover the area with margin).
   */
  sample(col: number, row: number): number {
    const w = this.width, h = this.height, z = this.elevationM;
    const x = col < 0 ? 0 : col > w - 1 ? w - 1 : col;
    const y = row < 0 ? 0 : row > h - 1 ? h - 1 : row;
    const x0 = Math.min(w - 2, Math.floor(x)), y0 = Math.min(h - 2, Math.floor(y));
    if (x0 < 0 || y0 < 0) return this.sampleThin(x, y);
    const fx = x - x0, fy = y - y0;
    const i = y0 * w + x0;
    const top = (z[i] as number) + ((z[i + 1] as number) - (z[i] as number)) * fx;
    const bottom = (z[i + w] as number) + ((z[i + w + 1] as number) - (z[i + w] as number)) * fx;
    return top + (bottom - top) * fy;
  }

  /** Elevation at (lon, lat), metres above mean sea level. */
  elevationAt(lon: number, lat: number): number {
    return this.sample(this.columnOf(lon), this.rowOf(lat));
  }

  /** A raster one pixel wide or high: nearest pixel along the missing axis. */
  private sampleThin(x: number, y: number): number {
    const col = Math.min(this.width - 1, Math.round(x));
    const row = Math.min(this.height - 1, Math.round(y));
    return this.elevationM[row * this.width + col] as number;
  }
}

/**
 * Copies the elevations with NoData and non-finite cells filled: a breadth-first sweep
 * from the valid cells gives each hole the mean of its already-known 4-neighbours, so
 * a void in a ridge takes the ridge's height rather than sea level. Throws when no
 * cell is valid (the loader rejects such a file before the engine sees it).
 */
function fillNoData(raster: Raster): { elevationM: Float32Array; filled: number } {
  const { width: w, height: h, values, noData } = raster;
  const out = new Float32Array(w * h);
  const known = new Uint8Array(w * h);
  const queue = new Int32Array(w * h);
  let head = 0, tail = 0;
  for (let i = 0; i < w * h; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v) && v !== noData) {
      out[i] = v;
      known[i] = 1;
    }
  }
  const enqueueNeighbours = (i: number) => {
    const x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j >= 0 && j < w * h && known[j] === 0) {
        known[j] = 2; // queued
        queue[tail++] = j;
      }
    }
  };
  for (let i = 0; i < w * h; i++) if (known[i] === 1) enqueueNeighbours(i);
  if (tail === 0 && !known.includes(1)) throw new Error('dem.tif: every cell is NoData; expected elevations in metres');
  let filled = 0;
  while (head < tail) {
    const i = queue[head++] as number;
    const x = i % w;
    let sum = 0, count = 0;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j >= 0 && j < w * h && known[j] === 1) {
        sum += out[j] as number;
        count++;
      }
    }
    out[i] = sum / count;
    known[i] = 1;
    filled++;
    enqueueNeighbours(i);
  }
  return { elevationM: out, filled };
}

const terrains = new WeakMap<Raster, Terrain>();

/** The terrain of a DEM raster, built on first use and shared afterwards. */
export function terrainFor(raster: Raster): Terrain {
  let terrain = terrains.get(raster);
  if (!terrain) {
    terrain = new Terrain(raster);
    terrains.set(raster, terrain);
  }
  return terrain;
}
