// Polygon areas and overlays in the equal-area plane, with Clipper2 (clipper2-ts) on
// integer centimetres. One intersection with the NonZero fill rule both unites the
// overlapping coverage shapes and clips them to a hamlet. Chosen over clipper-lib (the
// Clipper 1 port) after a like-for-like run here: equal results, ~15% faster, typed ESM.
import { Clipper, ClipType, FillRule, PolyTree64, type Path64, type Paths64, type PolyPath64 } from 'clipper2-ts';
import type { MultiPolygon, Position } from 'geojson';
import type { EqualAreaProjection } from './projection.ts';
import type { HamletGeometry } from './types.ts';

/** Integer units per metre in the clipping plane (1 cm: far below digitising error, and 100 km stays < 2^31). */
const CLIP_UNITS_PER_M = 100;
const M2_PER_UNIT2 = 1 / (CLIP_UNITS_PER_M * CLIP_UNITS_PER_M);

function projectRing(ring: Position[], projection: EqualAreaProjection, positive: boolean): Path64 {
  const path: Path64 = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (const p of ring) {
    // `+ 0` turns −0 into 0, the integer Clipper expects.
    const x = Math.round(projection.x(p[0] ?? Number.NaN) * CLIP_UNITS_PER_M) + 0;
    const y = Math.round(projection.y(p[1] ?? Number.NaN) * CLIP_UNITS_PER_M) + 0;
    if (x === lastX && y === lastY) continue;
    // The same {x, y, z} shape as the points Clipper makes itself, so its hot code sees one shape.
    path.push({ x, y, z: 0 });
    lastX = x;
    lastY = y;
  }
  const first = path[0];
  if (first && path.length > 1 && first.x === lastX && first.y === lastY) path.pop();
  // NonZero filling needs outer rings one way and holes the other; files may wind either way.
  if (path.length >= 3 && Clipper.isPositive(path) !== positive) path.reverse();
  return path;
}

/** A lon/lat Polygon/MultiPolygon as Clipper paths in the plane: outer rings positive, holes negative. */
export function projectGeometry(geometry: HamletGeometry, projection: EqualAreaProjection): Paths64 {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const paths: Paths64 = [];
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const path = projectRing(ring, projection, i === 0);
      if (path.length >= 3) paths.push(path);
    });
  }
  return paths;
}

/**
 * Projected paths with vertices dropped wherever the outline moves by less than
 * `toleranceM` metres (Clipper's simplifyPaths); rings that collapse are left out.
 */
export function simplifyClipPaths(paths: Paths64, toleranceM: number): Paths64 {
  return Clipper.simplifyPaths(paths, toleranceM * CLIP_UNITS_PER_M, true).filter((path) => path.length >= 3);
}

/** Area of projected paths, square metres (holes subtract). */
export function pathsAreaM2(paths: Paths64): number {
  return Clipper.areaPaths(paths) * M2_PER_UNIT2;
}

/** Area (m²) of `subject` inside the union of `clip`, both filled NonZero. */
export function intersectionAreaM2(subject: Paths64, clip: Paths64): number {
  if (subject.length === 0 || clip.length === 0) return 0;
  return pathsAreaM2(Clipper.intersect(subject, clip, FillRule.NonZero));
}

/** Union of projected paths back in lon/lat, one polygon per outer ring with its holes. */
export function unionToMultiPolygon(paths: Paths64, projection: EqualAreaProjection): MultiPolygon {
  const tree = new PolyTree64();
  Clipper.booleanOpWithPolyTree(ClipType.Union, paths, null, tree, FillRule.NonZero);
  const coordinates: Position[][][] = [];
  const toRing = (path: Path64): Position[] => {
    const ring = path.map((pt) => projection.inverse(pt.x / CLIP_UNITS_PER_M, pt.y / CLIP_UNITS_PER_M));
    const first = ring[0];
    if (first) ring.push(first);
    return ring;
  };
  const visitOuter = (node: PolyPath64): void => {
    const polygon = node.poly;
    if (!polygon) return;
    // RFC 7946: exterior rings counter-clockwise, holes clockwise.
    const rings = [toRing(Clipper.isPositive(polygon) ? polygon : [...polygon].reverse())];
    for (let i = 0; i < node.count; i++) {
      const hole = node.child(i);
      if (hole.poly) rings.push(toRing(Clipper.isPositive(hole.poly) ? [...hole.poly].reverse() : hole.poly));
      // Islands inside a hole are outer rings of their own.
      for (let j = 0; j < hole.count; j++) visitOuter(hole.child(j));
    }
    coordinates.push(rings);
  };
  for (let i = 0; i < tree.count; i++) visitOuter(tree.child(i));
  return { type: 'MultiPolygon', coordinates };
}
