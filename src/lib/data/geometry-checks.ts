// Checks on hamlet and coverage polygons: rings closed and long enough, no ring crossing
// itself or another (ring-crossing.ts), holes inside their shell and apart, MultiPolygon
// parts apart (polygon-topology.ts), no two hamlets overlapping; and winding normalised to
// RFC 7946 (outer rings counter-clockwise, holes clockwise) so later stages can rely on it.
import type { Geometry, Position } from 'geojson';
import Flatbush from 'flatbush';
import { Clipper, FillRule } from 'clipper2-ts';
import type { Paths64 } from 'clipper2-ts';
import { flattenPolygon, type FlatPolygon } from '../engine/point-in-polygon.ts';
import type { HamletGeometry } from '../engine/types.ts';
import { showCount } from './fmt.ts';
import { edgesOf } from './edge-runs.ts';
import { interiorsApart } from './interiors-apart.ts';
import { LocalFrame, ringLayoutProblem } from './polygon-topology.ts';
import { findCrossing } from './ring-crossing.ts';

/**
 * Hamlets may overlap by less than this (m²) without an error: digitising noise along a
 * shared boundary. 500 m² is, for example, a 1 km shared edge drawn 0.5 m apart — well
 * below what moves a hamlet's share, well above float noise of exactly shared edges.
 */
export const OVERLAP_TOLERANCE_M2 = 500;

type Ring = Position[];

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Drops repeated consecutive positions (common in digitised data; not an error): the ring itself when it has none. */
function dedupe(ring: Ring): Ring {
  let repeats = false;
  for (let i = 1; i < ring.length && !repeats; i++) repeats = samePosition(ring[i - 1]!, ring[i]!);
  if (!repeats) return ring;
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || !samePosition(last, p)) out.push(p);
  }
  return out;
}

/** Twice the signed area in lon/lat units; > 0 when counter-clockwise. */
function signedArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    s += (a[0]! - b[0]!) * (a[1]! + b[1]!);
  }
  return s;
}

function orient(ring: Ring, ccw: boolean): Ring {
  return signedArea2(ring) > 0 === ccw ? ring : [...ring].reverse();
}

export type PolygonCheck = { geometry: HamletGeometry } | { message: string };

/**
 * Checks a polygonal geometry and returns it cleaned (no repeated positions, RFC 7946
 * winding) or the first thing wrong with it, e.g. "ring 1 is not closed".
 */
export function checkPolygonal(g: Geometry): PolygonCheck {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return { message: `got a ${g.type}; expected a Polygon or MultiPolygon` };
  }
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (polygons.length === 0) return { message: 'the MultiPolygon has no polygons; expected at least one' };
  const cleaned: Ring[][] = [];
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p]!;
    const where = g.type === 'MultiPolygon' ? `polygon ${p}, ` : '';
    if (rings.length === 0) return { message: `${where}the polygon is empty; expected at least an outer ring` };
    const out: Ring[] = [];
    for (let r = 0; r < rings.length; r++) {
      const raw = rings[r]!;
      const ringName = `${where}ring ${r}${r === 0 ? ' (outer)' : ' (hole)'}`;
      if (raw.length > 0 && !samePosition(raw[0]!, raw[raw.length - 1]!)) {
        return { message: `${ringName} is not closed (its first position ${pos(raw[0]!)} differs from its last ${pos(raw[raw.length - 1]!)}); expected the first position repeated at the end` };
      }
      const ring = dedupe(raw);
      if (ring.length < 4) {
        return { message: `${ringName} has ${ring.length} distinct positions (closing one included); expected at least 4` };
      }
      out.push(orient(ring, r === 0));
    }
    cleaned.push(out);
  }
  const geometry: HamletGeometry =
    g.type === 'Polygon' ? { type: 'Polygon', coordinates: cleaned[0]! } : { type: 'MultiPolygon', coordinates: cleaned };
  const crossing = findCrossing(cleaned.length === 1 ? cleaned[0]! : cleaned.flat());
  if (crossing) {
    return { message: `a ring crosses itself (or another ring) near ${pos(crossing)}; expected simple, non-crossing rings` };
  }
  const layout = ringLayoutProblem(cleaned, g.type === 'MultiPolygon', pos);
  if (layout) return { message: layout };
  return { geometry };
}

function pos(p: Position): string {
  return `${round6(p[0]!)}, ${round6(p[1]!)}`;
}

function round6(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export interface Overlap {
  /** Indexes into the list given to findOverlaps. */
  a: number;
  b: number;
  areaM2: number;
}

function toLocalPaths(g: HamletGeometry, frame: LocalFrame): Paths64 {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.flatMap((rings) => rings.map((ring) => frame.path(ring)));
}

/** [west, south, east, north] of a polygonal geometry's outer rings, in degrees. */
export function polygonBbox(g: HamletGeometry): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polygons) for (const p of rings[0] ?? []) {
    minX = Math.min(minX, p[0]!);
    maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Pairs of polygons that overlap by more than `toleranceM2`. Candidate pairs come from a
 * bbox index (flatbush); pairs that only touch (interiorsApart) are passed over, the
 * others intersected with Clipper2 in a local equirectangular frame centred on the pair
 * (area error well under 1% at commune scale). Geometries must already have passed
 * checkPolygonal (RFC 7946 winding, so NonZero fill is right). `flat`: the geometries
 * flattened, when the caller has them already.
 */
export function findOverlaps(
  geometries: readonly HamletGeometry[],
  toleranceM2 = OVERLAP_TOLERANCE_M2,
  flat: readonly FlatPolygon[] = geometries.map(flattenPolygon),
): Overlap[] {
  if (geometries.length < 2) return [];
  // The flattened polygons' boxes are polygonBbox's: over the parts' outer rings.
  const boxes = flat.map((f) => f.bbox);
  const index = new Flatbush(geometries.length);
  for (const [minX, minY, maxX, maxY] of boxes) index.add(minX, minY, maxX, maxY);
  index.finish();
  const edges = edgesOf(flat);
  const overlaps: Overlap[] = [];
  boxes.forEach(([minX, minY, maxX, maxY], a) => {
    for (const b of index.search(minX, minY, maxX, maxY, (b) => b > a).sort((x, y) => x - y)) {
      const [bMinX, bMinY, bMaxX, bMaxY] = boxes[b]!;
      const shared = [Math.max(minX, bMinX), Math.max(minY, bMinY), Math.min(maxX, bMaxX), Math.min(maxY, bMaxY)] as const;
      if (interiorsApart(edges[a]!, edges[b]!, shared)) continue;
      const frame = new LocalFrame((minX + maxX) / 2, (minY + maxY) / 2);
      const inter = Clipper.intersect(toLocalPaths(geometries[a]!, frame), toLocalPaths(geometries[b]!, frame), FillRule.NonZero);
      const areaM2 = LocalFrame.areaM2(inter);
      if (areaM2 >= toleranceM2) overlaps.push({ a, b, areaM2 });
    }
  });
  return overlaps;
}

/** "1,234 m²" or "2.5 ha" for overlap messages. */
export function showArea(m2: number): string {
  return m2 >= 10_000 ? `${Math.round(m2 / 1000) / 10} ha` : `${showCount(Math.round(m2))} m²`;
}
