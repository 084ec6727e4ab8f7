// A bucket grid over fixed points (~250 m buckets, wider when the points spread over a
// country). Points are stored bucket by bucket, so a box query walks a few contiguous
// runs of memory. Built in O(n) by counting sort: at 900k settlement points it builds ~8×
// faster than a KD-tree and answers the engine's box queries (a cell's reach, a hamlet's
// extent) as fast or faster.
import type { BBox } from './cell-shape.ts';

/** Bucket edge, metres. */
const BUCKET_M = 250;
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;
/** Bucket count the grid may always use, and per point beyond that. */
const MIN_BUCKET_BUDGET = 1 << 16;
const BUCKETS_PER_POINT = 4;

export class PointGrid {
  /** Point lon/lat in bucket order; `order[k]` is the input index of the k-th stored point. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly order: Uint32Array;
  private readonly west: number;
  private readonly south: number;
  private readonly bucketLonDeg: number;
  private readonly bucketLatDeg: number;
  private readonly nx: number;
  private readonly ny: number;
  /** Points of bucket b are stored at [start[b], start[b + 1]). */
  private readonly start: Uint32Array;

  /** Indexes points given as parallel lon/lat arrays (degrees). */
  constructor(lon: ArrayLike<number>, lat: ArrayLike<number>) {
    const n = lon.length;
    let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = lon[i] as number;
      const y = lat[i] as number;
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    }
    if (n === 0) west = south = east = north = 0;
    const midLatRad = (((south + north) / 2) * Math.PI) / 180;
    this.west = west;
    this.south = south;
    let bucketLatDeg = BUCKET_M / M_PER_DEG_LAT;
    let bucketLonDeg = BUCKET_M / (M_PER_DEG_LON_EQUATOR * Math.max(0.01, Math.cos(midLatRad)));
    // Points spread far apart (a whole country) would need more buckets than memory holds:
    // widen the buckets until there are at most a few per point.
    const maxBuckets = Math.max(MIN_BUCKET_BUDGET, BUCKETS_PER_POINT * n);
    const spanBuckets = (((east - west) / bucketLonDeg) + 1) * (((north - south) / bucketLatDeg) + 1);
    if (spanBuckets > maxBuckets) {
      const widen = Math.sqrt(spanBuckets / maxBuckets);
      bucketLatDeg *= widen;
      bucketLonDeg *= widen;
    }
    this.bucketLatDeg = bucketLatDeg;
    this.bucketLonDeg = bucketLonDeg;
    this.nx = Math.max(1, Math.floor((east - west) / bucketLonDeg) + 1);
    this.ny = Math.max(1, Math.floor((north - south) / bucketLatDeg) + 1);
    const bucketOf = new Uint32Array(n);
    const start = new Uint32Array(this.nx * this.ny + 1);
    for (let i = 0; i < n; i++) {
      const b = this.bucketY(lat[i] as number) * this.nx + this.bucketX(lon[i] as number);
      bucketOf[i] = b;
      start[b + 1] = (start[b + 1] as number) + 1;
    }
    for (let b = 1; b < start.length; b++) start[b] = (start[b] as number) + (start[b - 1] as number);
    const fill = start.slice(0, -1);
    this.order = new Uint32Array(n);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const b = bucketOf[i] as number;
      const k = fill[b] as number;
      fill[b] = k + 1;
      this.order[k] = i;
      this.lon[k] = lon[i] as number;
      this.lat[k] = lat[i] as number;
    }
    this.start = start;
  }

  /** Buckets the grid holds (its memory is ~4 bytes each). */
  get bucketCount(): number {
    return this.nx * this.ny;
  }

  /** Calls `visit(k)` for every stored point k inside `bbox` (edges included). */
  forEachInBBox(bbox: BBox, visit: (k: number) => void): void {
    const [west, south, east, north] = bbox;
    const x0 = this.bucketX(west);
    const x1 = this.bucketX(east);
    const y0 = this.bucketY(south);
    const y1 = this.bucketY(north);
    const { lon, lat, start } = this;
    for (let y = y0; y <= y1; y++) {
      const end = start[y * this.nx + x1 + 1] as number;
      for (let k = start[y * this.nx + x0] as number; k < end; k++) {
        const px = lon[k] as number;
        const py = lat[k] as number;
        if (px >= west && px <= east && py >= south && py <= north) visit(k);
      }
    }
  }

  private bucketX(lon: number): number {
    return Math.min(this.nx - 1, Math.max(0, Math.floor((lon - this.west) / this.bucketLonDeg)));
  }

  private bucketY(lat: number): number {
    return Math.min(this.ny - 1, Math.max(0, Math.floor((lat - this.south) / this.bucketLatDeg)));
  }
}
