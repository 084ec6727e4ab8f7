// The true covered shape of a cell or a fiber access point: a centre, a reach by
// direction, and a bounding box that surely holds it. Point tests use this shape
// directly; polygons (footprint.ts) are drawn from it.
import { radiiOfCurvature } from './geodesy.ts';
import { predictReach } from './propagation/index.ts';
import { predictTerrainCoverage, type Terrain, type TerrainCoverage } from './propagation/terrain/index.ts';
import type { Cell, LonLat } from './types.ts';

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

export interface CellShape {
  center: LonLat;
  /** Farthest reach in any direction, metres. */
  maxReachM: number;
  /** Boresight in degrees clockwise from north; null for omni. */
  azimuthDeg: number | null;
  beamwidthDeg: number;
  /** True when the reach comes from the propagation model (a pattern, not a sector). */
  predicted: boolean;
  /** Reach in metres at `offsetDeg` (0..180) off the boresight; negative where nothing is covered. Over terrain: maxReachM, a bound (coverage need not be one interval per bearing). */
  reachAtOffsetM(offsetDeg: number): number;
  /** The terrain-aware prediction when the package has a DEM; it decides coverage instead of the reach. */
  terrain: TerrainCoverage | null;
  /** Lon/lat box that holds the whole shape (and its polygon). */
  bbox: BBox;
}

/** Fixed-reach comparisons treat a bearing within this of the sector edge as on it (degrees). */
const SECTOR_EDGE_TOLERANCE_DEG = 1e-9;

/** Whether a cell radiates in all directions. */
function isOmni(cell: Pick<Cell, 'azimuth_deg' | 'beamwidth_deg'>): boolean {
  return cell.azimuth_deg === null || cell.beamwidth_deg >= 360;
}

/** Shape of a geodesic disc of `radiusM` around `center` (fiber access points, omni cells). */
export function discShape(center: LonLat, radiusM: number): CellShape {
  return {
    center,
    maxReachM: radiusM,
    azimuthDeg: null,
    beamwidthDeg: 360,
    predicted: false,
    reachAtOffsetM: () => radiusM,
    terrain: null,
    bbox: reachBBox(center, radiusM, null, 360),
  };
}

/** The covered shape of a cell: a fixed circle/sector for a given range_m, else the predicted pattern (over `terrain` when the package has a DEM). */
export function cellShape(cell: Cell, terrain: Terrain | null = null): CellShape {
  const center: LonLat = [cell.lon, cell.lat];
  const omni = isOmni(cell);
  if (cell.range_m !== null && omni) return discShape(center, cell.range_m);
  if (cell.range_m !== null) {
    const rangeM = cell.range_m;
    const halfWidthDeg = cell.beamwidth_deg / 2 + SECTOR_EDGE_TOLERANCE_DEG;
    return {
      center,
      maxReachM: rangeM,
      azimuthDeg: cell.azimuth_deg,
      beamwidthDeg: cell.beamwidth_deg,
      predicted: false,
      reachAtOffsetM: (offsetDeg) => (offsetDeg <= halfWidthDeg ? rangeM : -1),
      terrain: null,
      bbox: reachBBox(center, rangeM, cell.azimuth_deg, cell.beamwidth_deg),
    };
  }
  const beamwidthDeg = omni ? 360 : cell.beamwidth_deg;
  if (terrain) return terrainShape(cell, terrain, omni ? null : cell.azimuth_deg, beamwidthDeg);
  const reach = predictReach({ tech: cell.tech, bandMHz: cell.band_mhz, heightM: cell.height_m, eirpDbm: cell.eirp_dbm });
  const reachAtOffsetM = omni ? () => reach.maxReachM : (offsetDeg: number) => reach.reachAtOffsetM(offsetDeg, beamwidthDeg);
  return {
    center,
    maxReachM: reach.maxReachM,
    azimuthDeg: omni ? null : cell.azimuth_deg,
    beamwidthDeg,
    predicted: true,
    reachAtOffsetM,
    terrain: null,
    bbox: omni || cell.azimuth_deg === null ? reachBBox(center, reach.maxReachM, null, 360) : patternBBox(center, cell.azimuth_deg, reachAtOffsetM),
  };
}

function terrainShape(cell: Cell, terrain: Terrain, azimuthDeg: number | null, beamwidthDeg: number): CellShape {
  const center: LonLat = [cell.lon, cell.lat];
  const input = { tech: cell.tech, bandMHz: cell.band_mhz, heightM: cell.height_m, eirpDbm: cell.eirp_dbm, center, azimuthDeg, beamwidthDeg };
  const coverage = predictTerrainCoverage(input, terrain);
  return {
    center,
    maxReachM: coverage.maxReachM,
    azimuthDeg,
    beamwidthDeg,
    predicted: true,
    reachAtOffsetM: () => coverage.maxReachM,
    terrain: coverage,
    bbox: coverage.bbox,
  };
}

/** Bearings sampled to box a predicted pattern. */
const PATTERN_BOX_SAMPLES = 128;
/**
 * Between samples (2.8° apart) a 3GPP pattern's reach changes by at most ~4% per degree
 * of bearing; 10% of the longest reach pads the box well beyond that.
 */
const PATTERN_BOX_PAD = 0.1;

/** Lon/lat box around a predicted pattern (its side and back lobes included), from sampled bearings. */
function patternBBox(center: LonLat, azimuthDeg: number, reachAtOffsetM: (offsetDeg: number) => number): BBox {
  const bbox: BBox = [center[0], center[1], center[0], center[1]];
  let maxReachM = 0;
  const reaches: number[] = [];
  for (let i = 0; i < PATTERN_BOX_SAMPLES; i++) {
    const offsetDeg = Math.abs(((360 * i) / PATTERN_BOX_SAMPLES + 180) % 360 - 180);
    const reachM = Math.max(0, reachAtOffsetM(offsetDeg));
    reaches.push(reachM);
    maxReachM = Math.max(maxReachM, reachM);
  }
  const padM = maxReachM * PATTERN_BOX_PAD + 1;
  reaches.forEach((reachM, i) => {
    const box = reachBBox(center, reachM + padM, azimuthDeg + (360 * i) / PATTERN_BOX_SAMPLES, 0);
    bbox[0] = Math.min(bbox[0], box[0]);
    bbox[1] = Math.min(bbox[1], box[1]);
    bbox[2] = Math.max(bbox[2], box[2]);
    bbox[3] = Math.max(bbox[3], box[3]);
  });
  return bbox;
}

/**
 * Lon/lat box around the centre and the arc of `radiusM` (whole circle when azimuth is null),
 * from the local radii of curvature, padded well beyond their error and the polygon's
 * area-preserving widening (< 0.1% at 64 vertices per turn).
 */
function reachBBox(center: LonLat, radiusM: number, azimuthDeg: number | null, beamwidthDeg: number): BBox {
  const paddedM = radiusM * 1.005 + 1;
  const poleward = Math.min(89, Math.abs(center[1]) + paddedM / 110_000);
  const { meridianM } = radiiOfCurvature(center[1]);
  const { primeVerticalM } = radiiOfCurvature(poleward);
  const degPerNorthM = 180 / (Math.PI * meridianM);
  const degPerEastM = 180 / (Math.PI * primeVerticalM * Math.cos((poleward * Math.PI) / 180));
  const directions: number[] = [];
  if (azimuthDeg === null || beamwidthDeg >= 360) directions.push(0, 90, 180, 270);
  else {
    const start = azimuthDeg - beamwidthDeg / 2;
    const end = azimuthDeg + beamwidthDeg / 2;
    directions.push(start, end);
    for (let cardinal = Math.ceil(start / 90) * 90; cardinal <= end; cardinal += 90) directions.push(cardinal);
  }
  // The centre is part of every sector; a small pad keeps it strictly inside.
  let west = -1, south = -1, east = 1, north = 1;
  for (const deg of directions) {
    const rad = (deg * Math.PI) / 180;
    west = Math.min(west, Math.sin(rad) * paddedM);
    east = Math.max(east, Math.sin(rad) * paddedM);
    south = Math.min(south, Math.cos(rad) * paddedM);
    north = Math.max(north, Math.cos(rad) * paddedM);
  }
  return [
    center[0] + west * degPerEastM,
    center[1] + south * degPerNorthM,
    center[0] + east * degPerEastM,
    center[1] + north * degPerNorthM,
  ];
}
