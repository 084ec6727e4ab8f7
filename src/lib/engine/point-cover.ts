// Which points an item covers, edge included. Cells and access points are tested
// against their true shape by geodesic distance and bearing. Cheap estimates decide the
// clear cases and geographiclib every case near the boundary, so the answer is the exact
// one at a fraction of the cost: a fixed circle or sector uses a plane tangent at the
// centre; a predicted pattern, whose reach depends on the bearing, LocalGeodesic.
import type { BBox, CellShape } from './cell-shape.ts';
import { azimuthOffsetDeg, inverse, LocalGeodesic, radiiOfCurvature, WGS84_A } from './geodesy.ts';
import type { CoverItem } from './items.ts';
import { containsPoint } from './point-in-polygon.ts';
import { BBOX_PAD_DEG, type PopulationIndex } from './population.ts';
import type { LonLat } from './types.ts';

/** A point within this of the reach is on the edge, metres. */
const ON_EDGE_M = 1e-6;
/** Distances this close to the reach, relative plus absolute, go to the exact solution (≫ LocalGeodesic's 4e-7 error). */
const LOCAL_MARGIN_REL = 1e-5;
const LOCAL_MARGIN_M = 1e-3;

/** Tests points against one cell shape; reuse it for many points around the same shape. */
export class ShapeTester {
  private readonly local: LocalGeodesic;
  private readonly rejectM2: number;
  private readonly mPerDegLat: number;
  private readonly mPerDegLon: number;
  /** Boresight as an east/north unit vector, and cos of the half beamwidth. */
  private readonly boresightEast: number;
  private readonly boresightNorth: number;
  private readonly cosHalfWidth: number;
  /**
   * The tangent plane's distance and bearing err by about tan φ · d / (2 R) (relative,
   * and radians): scale taken at the centre's latitude, and meridians converging. Twice
   * that, plus a floor, marks the band where the exact solution decides.
   */
  private readonly planarErrorPerM: number;

  constructor(private readonly shape: CellShape) {
    this.local = new LocalGeodesic(shape.center);
    const latRad = (shape.center[1] * Math.PI) / 180;
    const { meridianM, primeVerticalM } = radiiOfCurvature(shape.center[1]);
    this.mPerDegLat = (meridianM * Math.PI) / 180;
    this.mPerDegLon = (primeVerticalM * Math.cos(latRad) * Math.PI) / 180;
    this.rejectM2 = (shape.maxReachM * 1.02 + 1) ** 2;
    const boresightRad = ((shape.azimuthDeg ?? 0) * Math.PI) / 180;
    this.boresightEast = Math.sin(boresightRad);
    this.boresightNorth = Math.cos(boresightRad);
    this.cosHalfWidth = Math.cos(((shape.beamwidthDeg / 2) * Math.PI) / 180);
    this.planarErrorPerM = (Math.abs(Math.tan(latRad)) + 0.1) / WGS84_A;
  }

  /** Whether (lon, lat) is inside the shape or on its edge. */
  covers(lon: number, lat: number): boolean {
    const shape = this.shape;
    const east = (lon - shape.center[0]) * this.mPerDegLon;
    const north = (lat - shape.center[1]) * this.mPerDegLat;
    const d2 = east * east + north * north;
    if (d2 > this.rejectM2) return false;
    if (shape.terrain) return shape.terrain.covers(lon, lat);
    if (shape.predicted) return this.coversPattern(east, north, lon, lat);
    const d = Math.sqrt(d2);
    const relError = d * this.planarErrorPerM + 1e-9;
    const tolM = d * relError + 1e-3;
    if (d > shape.maxReachM + tolM) return false;
    const radiallyInside = d < shape.maxReachM - tolM;
    if (shape.azimuthDeg === null) return radiallyInside || this.exact(lon, lat);
    // Inside the sector ⇔ the angle to the boresight ≤ half the beamwidth ⇔ dot ≥ d·cos(half).
    // A bearing error of ε rad moves dot by at most d·ε.
    const dot = east * this.boresightEast + north * this.boresightNorth;
    const edge = d * this.cosHalfWidth;
    const dotTol = d * 2 * relError + 1e-3;
    if (dot < edge - dotTol) return false;
    return (radiallyInside && dot > edge + dotTol) || this.exact(lon, lat);
  }

  private coversPattern(east: number, north: number, lon: number, lat: number): boolean {
    const shape = this.shape;
    // The tangent plane's bearing is off by ~0.01° at 3 km, which moves a 3GPP pattern's
    // reach by < 0.05%: a 1% band around the reach leaves only boundary points to refine.
    const planarM = Math.hypot(east, north);
    const planarOffsetDeg = shape.azimuthDeg === null ? 0 : azimuthOffsetDeg((Math.atan2(east, north) * 180) / Math.PI, shape.azimuthDeg);
    const roughReachM = shape.reachAtOffsetM(planarOffsetDeg);
    if (planarM < roughReachM * 0.99 - 1) return true;
    if (planarM > roughReachM * 1.01 + 1) return false;
    this.local.measure(lon, lat);
    const distanceM = this.local.distanceM;
    if (distanceM <= ON_EDGE_M) return true;
    const reachM = shape.reachAtOffsetM(shape.azimuthDeg === null ? 0 : azimuthOffsetDeg(this.local.azimuthDeg, shape.azimuthDeg));
    // The reach changes with bearing, so the margin also covers LocalGeodesic's bearing error.
    const margin = distanceM * LOCAL_MARGIN_REL + LOCAL_MARGIN_M + Math.max(0, reachM) * 1e-4;
    if (distanceM < reachM - margin) return true;
    if (distanceM > reachM + margin) return false;
    return this.exact(lon, lat);
  }

  private exact(lon: number, lat: number): boolean {
    const shape = this.shape;
    const target: LonLat = [lon, lat];
    const { distanceM, azimuthDeg } = inverse(shape.center, target);
    if (distanceM <= ON_EDGE_M) return true;
    if (shape.azimuthDeg === null) return distanceM <= shape.maxReachM + ON_EDGE_M;
    // A fixed sector's reach is negative beyond its edges (cell-shape.ts).
    return distanceM <= shape.reachAtOffsetM(azimuthOffsetDeg(azimuthDeg, shape.azimuthDeg)) + ON_EDGE_M;
  }
}

/** Whether an item covers (lon, lat), edge included. */
export function itemCoversPoint(item: CoverItem, lon: number, lat: number): boolean {
  if (item.polygon) return containsPoint(item.polygon, lon, lat);
  return item.shape !== null && new ShapeTester(item.shape).covers(lon, lat);
}

/**
 * Calls `visit` with each population point (assigned to a hamlet) that the item covers.
 * Points for which `skip(k)` is true are not tested (the one-shot path skips points the
 * item could not change).
 */
export function forEachCoveredPoint(item: CoverItem, population: PopulationIndex, visit: (k: number) => void, skip?: (k: number) => boolean): void {
  const [west, south, east, north] = item.bbox;
  const box: BBox = [west - BBOX_PAD_DEG, south - BBOX_PAD_DEG, east + BBOX_PAD_DEG, north + BBOX_PAD_DEG];
  const { lon, lat, hamlet } = population;
  const polygon = item.polygon;
  const tester = item.shape ? new ShapeTester(item.shape) : null;
  population.grid.forEachInBBox(box, (k) => {
    if (hamlet[k] === -1 || (skip && skip(k))) return;
    const x = lon[k] as number;
    const y = lat[k] as number;
    if (polygon ? containsPoint(polygon, x, y) : tester !== null && tester.covers(x, y)) visit(k);
  });
}
