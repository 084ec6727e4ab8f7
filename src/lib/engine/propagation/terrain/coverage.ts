// A cell's predicted coverage over terrain as a raster: the received level resampled from
// the polar grid (levels.ts) onto square pixels of one profile step, in a plane tangent at
// the site (lon/lat scale of the site's latitude, within 1e-4 over 5 km). Points are tested
// against this raster directly (bilinear level ≥ threshold); the footprint polygon is its
// contour at the threshold (d3-contour, linear interpolation between pixel centres), so the
// two agree except within one pixel of the edge, where the polygon cuts cell corners straight.
import type { MultiPolygon, Position } from 'geojson';
import { contours } from 'd3-contour';
import { radiiOfCurvature } from '../../geodesy.ts';
import type { LonLat } from '../../types.ts';
import type { ReachAssumptions } from '../index.ts';
import { NO_SIGNAL_DBM, type PolarLevels } from './levels.ts';

/** [west, south, east, north] in degrees. */
type BBox = [number, number, number, number];

export class TerrainCoverage {
  /** Level per pixel, row-major, row 0 northernmost, dBm; NO_SIGNAL_DBM where nothing reaches. */
  readonly levelDbm: Float32Array;
  readonly cols: number;
  readonly rows: number;
  /** Pixel size, metres (the DEM's profile step). */
  readonly pixelM: number;
  /** Column of the site minus that of pixel 0, and row of pixel 0 above the site, in pixels: pixel (c, r) is at east (c − siteCol)·pixelM, north (siteRow − r)·pixelM. */
  readonly siteCol: number;
  readonly siteRow: number;
  /** Lon/lat box holding every covered pixel and the footprint polygon. */
  readonly bbox: BBox;
  /** Farthest covered pixel from the site plus one pixel diagonal, metres. */
  readonly maxReachM: number;
  /** Pixels at or above the threshold. */
  readonly coveredPixels: number;
  private readonly mPerDegLon: number;
  private readonly mPerDegLat: number;
  private footprintCache: MultiPolygon | null = null;

  constructor(
    readonly center: LonLat,
    readonly assumptions: ReachAssumptions,
    polar: PolarLevels,
  ) {
    const { meridianM, primeVerticalM } = radiiOfCurvature(center[1]);
    this.mPerDegLat = (Math.PI * meridianM) / 180;
    this.mPerDegLon = (Math.PI * primeVerticalM * Math.cos((center[1] * Math.PI) / 180)) / 180;
    const step = polar.stepM;
    this.pixelM = step;
    // Extent of the radials' ends, one pixel more on each side so the raster's border is never covered.
    let minE = 0, maxE = 0, minN = 0, maxN = 0;
    for (let k = 0; k < polar.radials; k++) {
      const rad = (2 * Math.PI * k) / polar.radials;
      const lengthM = (polar.lastSample[k] as number) * step;
      minE = Math.min(minE, Math.sin(rad) * lengthM);
      maxE = Math.max(maxE, Math.sin(rad) * lengthM);
      minN = Math.min(minN, Math.cos(rad) * lengthM);
      maxN = Math.max(maxN, Math.cos(rad) * lengthM);
    }
    this.siteCol = Math.ceil(-minE / step) + 1;
    this.siteRow = Math.ceil(maxN / step) + 1;
    this.cols = this.siteCol + Math.ceil(maxE / step) + 2;
    this.rows = this.siteRow + Math.ceil(-minN / step) + 2;
    this.levelDbm = resample(polar, this.cols, this.rows, this.siteCol, this.siteRow);

    const threshold = assumptions.thresholdDbm;
    let c0 = Infinity, c1 = -Infinity, r0 = Infinity, r1 = -Infinity, farthest2 = 0, covered = 0;
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        if ((this.levelDbm[r * this.cols + c] as number) < threshold) continue;
        covered++;
        c0 = Math.min(c0, c); c1 = Math.max(c1, c);
        r0 = Math.min(r0, r); r1 = Math.max(r1, r);
        farthest2 = Math.max(farthest2, (c - this.siteCol) ** 2 + (r - this.siteRow) ** 2);
      }
    }
    this.coveredPixels = covered;
    this.maxReachM = (Math.sqrt(farthest2) + Math.SQRT2) * step;
    // The contour runs between a covered pixel centre and an uncovered neighbour: within one pixel.
    const [west, north] = this.lonLatOf(c0 - 1, r0 - 1);
    const [east, south] = this.lonLatOf(c1 + 1, r1 + 1);
    this.bbox = [west, south, east, north];
  }

  /** [lon, lat] of fractional pixel (col, row). */
  lonLatOf(col: number, row: number): LonLat {
    return [
      this.center[0] + ((col - this.siteCol) * this.pixelM) / this.mPerDegLon,
      this.center[1] + ((this.siteRow - row) * this.pixelM) / this.mPerDegLat,
    ];
  }

  /** Received level at (lon, lat), bilinear between pixel centres, dBm (NO_SIGNAL_DBM outside the raster). */
  levelAt(lon: number, lat: number): number {
    const x = this.siteCol + ((lon - this.center[0]) * this.mPerDegLon) / this.pixelM;
    const y = this.siteRow - ((lat - this.center[1]) * this.mPerDegLat) / this.pixelM;
    if (!(x >= 0 && y >= 0 && x <= this.cols - 1 && y <= this.rows - 1)) return NO_SIGNAL_DBM;
    const c = Math.min(this.cols - 2, Math.floor(x)), r = Math.min(this.rows - 2, Math.floor(y));
    const fx = x - c, fy = y - r;
    const i = r * this.cols + c;
    const z = this.levelDbm;
    const top = (z[i] as number) + ((z[i + 1] as number) - (z[i] as number)) * fx;
    const bottom = (z[i + this.cols] as number) + ((z[i + this.cols + 1] as number) - (z[i + this.cols] as number)) * fx;
    return top + (bottom - top) * fy;
  }

  /** Whether the level at (lon, lat) reaches the threshold (edge included). */
  covers(lon: number, lat: number): boolean {
    return this.levelAt(lon, lat) >= this.assumptions.thresholdDbm;
  }

  /** The covered area: the raster's contour at the threshold, in lon/lat (holes where ridges shadow). */
  footprint(): MultiPolygon {
    if (!this.footprintCache) {
      const [contour] = contours().size([this.cols, this.rows]).thresholds([this.assumptions.thresholdDbm])(this.levelDbm as unknown as number[]);
      // d3-contour puts pixel centre c at x = c + 0.5.
      const toLonLat = ([x, y]: Position) => this.lonLatOf((x as number) - 0.5, (y as number) - 0.5);
      this.footprintCache = { type: 'MultiPolygon', coordinates: (contour?.coordinates ?? []).map((poly) => poly.map((ring) => ring.map(toLonLat))) };
    }
    return this.footprintCache;
  }
}

/** Bilinear resampling of the polar levels onto the square pixels (bearing, then distance). */
function resample(polar: PolarLevels, cols: number, rows: number, siteCol: number, siteRow: number): Float32Array {
  const { radials, stride, lastSample, levelDbm } = polar;
  const out = new Float32Array(cols * rows).fill(NO_SIGNAL_DBM);
  const radialsPerRad = radials / (2 * Math.PI);
  const at = (k: number, j: number) => (j <= (lastSample[k] as number) ? (levelDbm[k * stride + j] as number) : NO_SIGNAL_DBM);
  for (let r = 0; r < rows; r++) {
    const north = siteRow - r;
    for (let c = 0; c < cols; c++) {
      const east = c - siteCol;
      const s = Math.sqrt(east * east + north * north);
      const j0 = Math.floor(s);
      if (j0 >= stride) continue;
      let a = Math.atan2(east, north) * radialsPerRad;
      if (a < 0) a += radials;
      const k0 = Math.floor(a) % radials;
      const k1 = k0 + 1 === radials ? 0 : k0 + 1;
      const t = a - Math.floor(a), u = s - j0;
      const v0 = at(k0, j0) + (at(k0, j0 + 1) - at(k0, j0)) * u;
      const v1 = at(k1, j0) + (at(k1, j0 + 1) - at(k1, j0)) * u;
      out[r * cols + c] = v0 + (v1 - v0) * t;
    }
  }
  return out;
}
