// Topology of one Polygon/MultiPolygon beyond its rings' shape and crossings
// (ring-crossing.ts): no hole outside its outer ring, no hole overlapping another, and no
// part of a MultiPolygon overlapping another (a part inside another part's hole — an
// island in a lake — is fine). Areas are measured with Clipper2 in a local metric frame,
// as findOverlaps does.
import type { Position } from 'geojson';
import Flatbush from 'flatbush';
import { Clipper, FillRule } from 'clipper2-ts';
import type { Path64, Paths64 } from 'clipper2-ts';

type Ring = Position[];

const EARTH_RADIUS_M = 6_371_008.8;
/** Clipper works in integers: local metres × 100 (1 cm). */
const CM = 100;
/** Overlap below this (m²) is rounding, not a second layer of area. */
const TOPOLOGY_TOLERANCE_M2 = 1;

/** A local equirectangular frame in centimetres around (lon0, lat0). */
export class LocalFrame {
  private readonly kx: number;
  private readonly ky: number;

  constructor(
    private readonly lon0: number,
    private readonly lat0: number,
  ) {
    this.kx = (Math.PI / 180) * EARTH_RADIUS_M * Math.cos((lat0 * Math.PI) / 180) * CM;
    this.ky = (Math.PI / 180) * EARTH_RADIUS_M * CM;
  }

  /** A closed ring as a Clipper path (the closing position is implied in Clipper). */
  path(ring: Ring): Path64 {
    return ring.slice(0, -1).map((p) => ({ x: Math.round((p[0]! - this.lon0) * this.kx), y: Math.round((p[1]! - this.lat0) * this.ky) }));
  }

  lonLat(p: { x: number; y: number }): Position {
    return [this.lon0 + p.x / this.kx, this.lat0 + p.y / this.ky];
  }

  static areaM2(paths: Paths64): number {
    return Math.abs(Clipper.areaPaths(paths)) / (CM * CM);
  }
}

function frameFor(polygons: readonly Ring[][]): LocalFrame {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const rings of polygons) for (const p of rings[0] ?? []) {
    minX = Math.min(minX, p[0]!);
    maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  }
  return new LocalFrame((minX + maxX) / 2, (minY + maxY) / 2);
}

/**
 * What is wrong with how the rings of non-crossing polygons (RFC 7946 winding) sit
 * together, or null: a hole outside its outer ring, holes overlapping, parts overlapping.
 */
export function ringLayoutProblem(polygons: readonly Ring[][], multi: boolean, show: (p: Position) => string): string | null {
  // One outer ring alone has nothing to sit wrongly with (most hamlets): skip the clipping set-up.
  if (polygons.length === 1 && polygons[0]!.length === 1) return null;
  const frame = frameFor(polygons);
  const parts: Paths64[] = [];
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p]!;
    const where = multi ? `polygon ${p}, ` : '';
    const shell = frame.path(rings[0]!);
    const holes = rings.slice(1).map((ring) => frame.path(ring));
    for (let h = 0; h < holes.length; h++) {
      const outside = Clipper.difference([holes[h]!], [shell], FillRule.NonZero);
      if (LocalFrame.areaM2(outside) > TOPOLOGY_TOLERANCE_M2) {
        return `${where}ring ${h + 1} (hole) lies outside the outer ring (near ${show(firstPoint(outside, frame))}); expected every hole inside its outer ring`;
      }
    }
    const pair = firstOverlap(holes, frame);
    if (pair) return `${where}ring ${pair.b + 1} (hole) overlaps ring ${pair.a + 1} (hole) (near ${show(pair.at)}); expected holes apart from each other`;
    parts.push([shell, ...holes]);
  }
  const pair = firstOverlap(parts.map((paths) => paths), frame, true);
  if (pair) {
    return `polygon ${pair.b} overlaps polygon ${pair.a} (near ${show(pair.at)}); expected the parts of a MultiPolygon apart (a part may sit in another part's hole)`;
  }
  return null;
}

function firstPoint(paths: Paths64, frame: LocalFrame): Position {
  const p = paths[0]?.[0];
  return p ? frame.lonLat(p) : [NaN, NaN];
}

/**
 * The first pair (a < b) of shapes overlapping by more than the tolerance, or null. The
 * union's area is compared with the sum first, so valid input costs one union; pairs are
 * searched (bounding boxes first) only when something overlaps.
 */
function firstOverlap(shapes: readonly (Path64 | Paths64)[], frame: LocalFrame, nested = false): { a: number; b: number; at: Position } | null {
  if (shapes.length < 2) return null;
  const asPaths = (s: Path64 | Paths64): Paths64 => (nested ? (s as Paths64) : [s as Path64]);
  const all = shapes.flatMap(asPaths);
  const sum = shapes.reduce((total, s) => total + Math.abs(Clipper.areaPaths(asPaths(s))), 0) / (CM * CM);
  if (sum - LocalFrame.areaM2(Clipper.union(all, FillRule.NonZero)) <= TOPOLOGY_TOLERANCE_M2) return null;
  const boxes = shapes.map((s) => bbox(asPaths(s)));
  const index = new Flatbush(shapes.length);
  for (const [minX, minY, maxX, maxY] of boxes) index.add(minX, minY, maxX, maxY);
  index.finish();
  for (let b = 1; b < shapes.length; b++) {
    const [minX, minY, maxX, maxY] = boxes[b]!;
    for (const a of index.search(minX, minY, maxX, maxY).sort((x, y) => x - y)) {
      if (a >= b) break;
      const inter = Clipper.intersect(asPaths(shapes[a]!), asPaths(shapes[b]!), FillRule.NonZero);
      if (LocalFrame.areaM2(inter) > TOPOLOGY_TOLERANCE_M2) return { a, b, at: firstPoint(inter, frame) };
    }
  }
  return null;
}

function bbox(paths: Paths64): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const path of paths) for (const p of path) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  return [minX, minY, maxX, maxY];
}
