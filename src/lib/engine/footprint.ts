// Cell footprints as lon/lat polygons. Vertices sit on the WGS84 ellipsoid (geodesic
// direct problem) at a radius widened by √(θ / sin θ), θ being the angle between
// vertices, so the polygon has the same area as the true circle or sector (an inscribed
// polygon, as Turf's `circle` draws it, is 0.2–0.3% small; spec: Edge rules → Geometry).
import type { Polygon, Position } from 'geojson';
import { cellShape, type CellShape } from './cell-shape.ts';
import type { Terrain } from './propagation/terrain/index.ts';
import { normalizeAzimuth } from './azimuth.ts';
import { azimuthOffsetDeg, destination } from './geodesy.ts';
import type { Cell, HamletGeometry, LonLat } from './types.ts';

/** Vertices per full turn of a circle or arc (the spec's minimum is 64). */
export const VERTICES_PER_TURN = 64;
/** Predicted patterns vary with bearing, so they are sampled twice as densely. */
const PATTERN_VERTICES_PER_TURN = 128;

/** Factor that makes a regular polygon with vertex angle `stepRad` as large as its circle. */
function areaWidening(stepRad: number): number {
  return Math.sqrt(stepRad / Math.sin(stepRad));
}

/** Geodesic disc of radiusM around [lon, lat], same area as the true disc. */
export function geodesicDisc(center: LonLat, radiusM: number, vertices = VERTICES_PER_TURN): Polygon {
  const count = Math.max(3, Math.round(vertices));
  const widenedM = radiusM * areaWidening((2 * Math.PI) / count);
  const ring: Position[] = [];
  // Bearings run anticlockwise so the ring is counter-clockwise, as RFC 7946 prefers.
  for (let i = 0; i < count; i++) ring.push(destination(center, normalizeAzimuth((-360 * i) / count), widenedM));
  ring.push(ring[0] as Position);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Circular sector of radiusM from `azimuthDeg − beamwidthDeg/2` to `+beamwidthDeg/2` (clockwise from north), same area as the true sector. */
export function geodesicSector(center: LonLat, radiusM: number, azimuthDeg: number, beamwidthDeg: number): Polygon {
  if (beamwidthDeg >= 360) return geodesicDisc(center, radiusM);
  const segments = Math.max(1, Math.ceil((VERTICES_PER_TURN * beamwidthDeg) / 360));
  const stepDeg = beamwidthDeg / segments;
  const widenedM = radiusM * areaWidening((stepDeg * Math.PI) / 180);
  const end = azimuthDeg + beamwidthDeg / 2;
  // Centre, then the arc from its clockwise end back to its start: counter-clockwise.
  const ring: Position[] = [center];
  for (let i = 0; i <= segments; i++) ring.push(destination(center, normalizeAzimuth(end - i * stepDeg), widenedM));
  ring.push(center);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Polygon of a shape: disc, sector, the predicted pattern sampled every 360/128°, or the terrain prediction's contour. */
export function shapeFootprint(shape: CellShape): HamletGeometry {
  if (shape.terrain) return shape.terrain.footprint();
  if (!shape.predicted || shape.azimuthDeg === null) {
    if (shape.azimuthDeg === null) return geodesicDisc(shape.center, shape.maxReachM);
    return geodesicSector(shape.center, shape.maxReachM, shape.azimuthDeg, shape.beamwidthDeg);
  }
  const boresight = shape.azimuthDeg;
  const widening = areaWidening((2 * Math.PI) / PATTERN_VERTICES_PER_TURN);
  const ring: Position[] = [];
  for (let i = 0; i < PATTERN_VERTICES_PER_TURN; i++) {
    const bearing = normalizeAzimuth(boresight - (360 * i) / PATTERN_VERTICES_PER_TURN);
    const reachM = Math.max(0, shape.reachAtOffsetM(azimuthOffsetDeg(bearing, boresight)));
    ring.push(reachM > 0 ? destination(shape.center, bearing, reachM * widening) : shape.center);
  }
  ring.push(ring[0] as Position);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * The cell's covered area in lon/lat: exact-area geodesic circle/sector for a fixed range_m;
 * when range_m is null, the predicted antenna-pattern shape (≥ 64 vertices per full turn),
 * or over `terrain` (the package's DEM, terrainFor(pkg.dem)) the contour of the predicted level.
 */
export function cellFootprint(cell: Cell, terrain: Terrain | null = null): HamletGeometry {
  return shapeFootprint(cellShape(cell, terrain));
}
