// A quick coverage estimate used to tune the sample's story, aim sectors and place speed
// tests; the published figures come from the engine's report. Point model as in the spec,
// with the engine's own propagation model for cells without `range_m`. Fixed-range cells
// and fiber discs use the geodesic distance directly (no exact-area polygons), so shares
// may differ from the report by a point or so at coverage edges.
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { Cell, CoverageTech, LonLat } from '../../src/lib/engine/types.ts';
import { predictReach, type PredictedReach } from '../../src/lib/engine/propagation/index.ts';
import { dist, inverse, toXY } from './frame.ts';

export interface FiberAp {
  lonLat: LonLat;
  maxMbps: number;
  reachM: number;
  status: 'on_air' | 'planned';
  year: number | null;
}

export interface CoverageShape {
  tech: CoverageTech;
  maxMbps: number | null;
  shape: Feature<Polygon>;
}

/** Cheap planar pre-test so the exact geodesic test runs only near the edge of reach. */
function maybeWithin(a: LonLat, b: LonLat, reachM: number): boolean {
  return dist(toXY(a), toXY(b)) <= reachM * 1.01 + 10;
}

const predicted = new Map<string, PredictedReach>();

/** The engine's propagation model for a cell without `range_m` (flat terrain), memoised per cell. */
function prediction(cell: Cell): PredictedReach {
  let p = predicted.get(cell.id);
  if (!p) {
    p = predictReach({ tech: cell.tech, bandMHz: cell.band_mhz, heightM: cell.height_m, eirpDbm: cell.eirp_dbm });
    predicted.set(cell.id, p);
  }
  return p;
}

/** On air as of the end of `year` (null: on-air cells only), per the spec's rule. */
export function onAir(status: string, onAirYear: number | null, year: number | null): boolean {
  if (status === 'on_air') return true;
  return status === 'planned' && year !== null && onAirYear !== null && onAirYear <= year;
}

/**
 * Whether `cell` covers point `p`, and how far into its reach (0 at the mast, 1 at the
 * edge). A fixed `range_m` covers a hard-edged sector; otherwise the engine's predicted
 * reach in that direction (antenna pattern included) applies.
 */
export function cellReach(cell: Cell, p: LonLat): number | null {
  const fixed = cell.range_m !== null;
  const maxReachM = cell.range_m ?? prediction(cell).maxReachM;
  if (!maybeWithin([cell.lon, cell.lat], p, maxReachM)) return null;
  const { distM, azDeg } = inverse([cell.lon, cell.lat], p);
  const sectored = cell.azimuth_deg !== null && cell.beamwidth_deg < 360;
  const offDeg = sectored ? Math.abs(((azDeg - (cell.azimuth_deg ?? 0) + 540) % 360) - 180) : 0;
  if (fixed && offDeg > cell.beamwidth_deg / 2) return null;
  const reachM = fixed || !sectored ? maxReachM : prediction(cell).reachAtOffsetM(offDeg, cell.beamwidth_deg);
  return distM <= reachM ? distM / reachM : null;
}

export interface PointCoverage {
  '4g': boolean;
  '5g': boolean;
  fiber: boolean;
  fiber_1g: boolean;
}

/** Which technologies cover point `p` as of `year`. */
export function coverageAt(
  p: LonLat,
  cells: readonly Cell[],
  aps: readonly FiberAp[],
  shapes: readonly CoverageShape[],
  year: number | null,
): PointCoverage {
  const live = cells.filter((c) => onAir(c.status, c.on_air_year, year));
  const inShape = (tech: CoverageTech, minMbps = 0) =>
    shapes.some((s) => s.tech === tech && (s.maxMbps ?? 0) >= minMbps && booleanPointInPolygon(p, s.shape));
  const apsNear = aps.filter((a) => onAir(a.status, a.year, year) && maybeWithin(a.lonLat, p, a.reachM) && inverse(a.lonLat, p).distM <= a.reachM);
  return {
    '4g': live.some((c) => c.tech === '4G' && cellReach(c, p) !== null) || inShape('4G'),
    '5g': live.some((c) => c.tech === '5G' && cellReach(c, p) !== null) || inShape('5G'),
    fiber: apsNear.length > 0 || inShape('fiber'),
    fiber_1g: apsNear.some((a) => a.maxMbps >= 1000) || inShape('fiber', 1000),
  };
}
