// A cheap exact test that two checked polygons do not overlap, so findOverlaps clips with
// Clipper2 only the pairs that might. Neighbouring hamlets share borders vertex for vertex,
// or along a straight line with vertices of their own, and touch without overlapping;
// proving that costs a few comparisons per edge, where clipping sweeps both polygons.
//
// Why it is exact: split every edge of A at the vertices of B lying on it (and B's at
// A's). When no two edges cross, each piece of an edge either lies on the other polygon's
// boundary or meets it at most at its ends, so the piece is wholly inside the other
// polygon or wholly outside, and its midpoint tells which. If no piece of A lies inside B
// and none of B inside A, the interiors can still meet only where a part of A and a part
// of B have the very same outline, which outer rings made only of shared pieces reveal.
// Edges that cross are left to Clipper2, which measures the overlap.
import Flatbush from 'flatbush';
import { containsPoint, type FlatPolygon } from '../engine/point-in-polygon.ts';

type Box = readonly [number, number, number, number];

/** Where the other polygon's boundary meets one edge, as parameters t along it (0 at its start, 1 at its end). */
interface EdgeContacts {
  cuts: number[];
  /** [t0, t1] stretches lying on the other polygon's boundary. */
  onBoundary: [number, number][];
}

/** A polygon's edges, laid out once for all the pairs it is in (edgesOf). */
export interface PolygonEdges {
  polygon: FlatPolygon;
  /** Edge i runs from (xy[4i], xy[4i+1]) to (xy[4i+2], xy[4i+3]); edges in ring order. */
  xy: Float64Array;
  /** Edge i's box is [box[4i], box[4i+1], box[4i+2], box[4i+3]] (west, south, east, north). */
  box: Float64Array;
  /** The ring of each edge, and its place in the ring. */
  ringOf: Int32Array;
  placeOf: Int32Array;
  /** Per ring: its edge count, and whether it is a part's outer ring. */
  ringEdgeCount: number[];
  ringIsOuter: boolean[];
}

/** The edges of a flattened polygon, for interiorsApart. */
export function edgesOf(polygon: FlatPolygon): PolygonEdges {
  const rings = polygon.parts.flat();
  const n = rings.reduce((sum, ring) => sum + ring.coords.length / 2 - 1, 0);
  const edges: PolygonEdges = {
    polygon,
    xy: new Float64Array(4 * n),
    box: new Float64Array(4 * n),
    ringOf: new Int32Array(n),
    placeOf: new Int32Array(n),
    ringEdgeCount: rings.map((ring) => ring.coords.length / 2 - 1),
    ringIsOuter: polygon.parts.flatMap((part) => part.map((_, i) => i === 0)),
  };
  let i = 0;
  rings.forEach(({ coords }, r) => {
    for (let k = 0; k + 3 < coords.length; k += 2, i++) {
      const [x0, y0, x1, y1] = [coords[k]!, coords[k + 1]!, coords[k + 2]!, coords[k + 3]!];
      edges.xy[4 * i] = x0;
      edges.xy[4 * i + 1] = y0;
      edges.xy[4 * i + 2] = x1;
      edges.xy[4 * i + 3] = y1;
      edges.box[4 * i] = Math.min(x0, x1);
      edges.box[4 * i + 1] = Math.min(y0, y1);
      edges.box[4 * i + 2] = Math.max(x0, x1);
      edges.box[4 * i + 3] = Math.max(y0, y1);
      edges.ringOf[i] = r;
      edges.placeOf[i] = k / 2;
    }
  });
  return edges;
}

/**
 * One polygon's side of a pair: its edges that reach into the box both polygons' bounding
 * boxes share (no other edge can touch the other polygon), and where they touch it.
 * Edges are numbered e = 0, 1, … in this list; ids[e] is the polygon's own edge number.
 */
class Side {
  readonly ids: number[] = [];
  /** The listed edges' coordinates and boxes, four numbers each, copied close together for the all-pairs loop. */
  private readonly xy: number[] = [];
  private readonly box: number[] = [];
  /** 1 for an edge the other polygon has too (the same two vertices). */
  readonly sharedWhole: number[];
  /** 1 for an edge whose first vertex lies on the other polygon's boundary. */
  readonly startsOnOther: number[];
  /** Edges the other boundary meets partly: cut by a vertex, or along a collinear edge. */
  private readonly contacts = new Map<number, EdgeContacts>();
  /** Per ring, pieces of its edges off the other polygon's boundary (counted by mayReachInto). */
  private piecesOff: number[] = [];

  constructor(
    readonly edges: PolygonEdges,
    box: Box,
  ) {
    const b = edges.box;
    for (let i = 0; i < edges.ringOf.length; i++) {
      if (b[4 * i]! > box[2] || b[4 * i + 2]! < box[0] || b[4 * i + 1]! > box[3] || b[4 * i + 3]! < box[1]) continue;
      this.ids.push(i);
      for (let j = 0; j < 4; j++) {
        this.xy.push(edges.xy[4 * i + j]!);
        this.box.push(b[4 * i + j]!);
      }
    }
    this.sharedWhole = new Array<number>(this.ids.length).fill(0);
    this.startsOnOther = new Array<number>(this.ids.length + 1).fill(0);
  }

  get edgeCount(): number {
    return this.ids.length;
  }

  /** Coordinate j (0..3: x0, y0, x1, y1) of edge e. */
  at(e: number, j: number): number {
    return this.xy[4 * e + j]!;
  }

  /** Box value j (0..3: west, south, east, north) of edge e. */
  boxAt(e: number, j: number): number {
    return this.box[4 * e + j]!;
  }

  private contactsOf(e: number): EdgeContacts {
    let c = this.contacts.get(e);
    if (!c) this.contacts.set(e, (c = { cuts: [], onBoundary: [] }));
    return c;
  }

  /** Parameter along edge e of a point on its line, read on its longer axis. */
  along(e: number, x: number, y: number): number {
    const [x0, y0, x1, y1] = [this.at(e, 0), this.at(e, 1), this.at(e, 2), this.at(e, 3)];
    return Math.abs(x1 - x0) >= Math.abs(y1 - y0) ? (x - x0) / (x1 - x0) : (y - y0) / (y1 - y0);
  }

  /** The other polygon's boundary passes through this point of edge e. */
  cutAt(e: number, t: number): void {
    if (t > 0 && t < 1) this.contactsOf(e).cuts.push(t);
  }

  /** Stretch [from, to] of edge e lies along the other polygon's boundary. */
  alongOther(e: number, from: number, to: number): void {
    if (to > from) this.contactsOf(e).onBoundary.push([from, to]);
  }

  /** Whether edge e does not continue the edge before it in this list (a ring starts, or the ring left the box). */
  private startsRun(e: number): boolean {
    const { ringOf, placeOf } = this.edges;
    const [before, id] = [this.ids[e - 1]!, this.ids[e]!];
    return e === 0 || ringOf[before] !== ringOf[id] || placeOf[before]! + 1 !== placeOf[id];
  }

  /**
   * Whether some piece of this side's edges lies inside (or on the boundary of) `other`.
   * One midpoint per chain: a chain of pieces changes sides only where it touches `other`.
   */
  mayReachInto(other: FlatPolygon): boolean {
    this.piecesOff = new Array<number>(this.edges.ringEdgeCount.length).fill(0);
    let chainTested = false;
    for (let e = 0; e < this.edgeCount; e++) {
      if (this.sharedWhole[e] === 1) {
        chainTested = false;
        continue;
      }
      if (this.startsRun(e) || this.startsOnOther[e] === 1) chainTested = false;
      const c = this.contacts.get(e);
      const ts = c ? [0, ...c.cuts.sort((p, q) => p - q), 1] : WHOLE;
      for (let i = 0; i + 1 < ts.length; i++) {
        const mid = (ts[i]! + ts[i + 1]!) / 2;
        const onOther = c?.onBoundary.some(([from, to]) => from <= mid && mid <= to) ?? false;
        if (i > 0 || onOther) chainTested = false;
        if (onOther) continue;
        const r = this.edges.ringOf[this.ids[e]!]!;
        this.piecesOff[r] = this.piecesOff[r]! + 1;
        if (chainTested) continue;
        chainTested = true;
        const [x0, y0, x1, y1] = [this.at(e, 0), this.at(e, 1), this.at(e, 2), this.at(e, 3)];
        if (containsPoint(other, x0 + mid * (x1 - x0), y0 + mid * (y1 - y0))) return true;
      }
    }
    return false;
  }

  /** Whether some part's outer ring lies wholly on the other polygon's boundary (after mayReachInto). */
  hasOuterRingOnOther(): boolean {
    // A ring with edges outside the box has pieces off the other's boundary.
    const { ringOf, ringEdgeCount, ringIsOuter } = this.edges;
    const edgesInBox = new Array<number>(ringEdgeCount.length).fill(0);
    for (const id of this.ids) edgesInBox[ringOf[id]!]!++;
    return ringEdgeCount.some((count, r) => ringIsOuter[r] && edgesInBox[r] === count && this.piecesOff[r] === 0);
  }
}

const WHOLE = [0, 1];

/** Twice the signed area of triangle (a, b, c); exactly 0 when c is a or b. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

const sameSide = (u: number, v: number) => (u > 0 && v > 0) || (u < 0 && v < 0);

/** Below this many edge pairs, comparing all is cheaper than building an index. */
const NESTED_LOOP_MAX = 4096;

/**
 * Notes where the edges of the two sides touch (the same edge, a vertex on an edge,
 * collinear edges along each other); false at the first two edges that cross.
 */
function recordContacts(a: Side, b: Side): boolean {
  if (a.edgeCount * b.edgeCount <= NESTED_LOOP_MAX) {
    for (let e = 0; e < a.edgeCount; e++) {
      const [west, south, east, north] = [a.boxAt(e, 0), a.boxAt(e, 1), a.boxAt(e, 2), a.boxAt(e, 3)];
      for (let f = 0; f < b.edgeCount; f++) {
        if (b.boxAt(f, 0) > east || b.boxAt(f, 2) < west || b.boxAt(f, 1) > north || b.boxAt(f, 3) < south) continue;
        if (!recordContact(a, e, b, f)) return false;
      }
    }
    return true;
  }
  const index = new Flatbush(b.edgeCount);
  for (let f = 0; f < b.edgeCount; f++) index.add(b.boxAt(f, 0), b.boxAt(f, 1), b.boxAt(f, 2), b.boxAt(f, 3));
  index.finish();
  for (let e = 0; e < a.edgeCount; e++) {
    for (const f of index.search(a.boxAt(e, 0), a.boxAt(e, 1), a.boxAt(e, 2), a.boxAt(e, 3))) if (!recordContact(a, e, b, f)) return false;
  }
  return true;
}

/** recordContacts for edge e of a and edge f of b, whose boxes meet. */
function recordContact(a: Side, e: number, b: Side, f: number): boolean {
  const [px, py, qx, qy] = [a.at(e, 0), a.at(e, 1), a.at(e, 2), a.at(e, 3)];
  const [rx, ry, sx, sy] = [b.at(f, 0), b.at(f, 1), b.at(f, 2), b.at(f, 3)];
  if ((px === rx && py === ry && qx === sx && qy === sy) || (px === sx && py === sy && qx === rx && qy === ry)) {
    // The same edge: a piece on both boundaries, after which chains start afresh.
    a.sharedWhole[e] = 1;
    b.sharedWhole[f] = 1;
    return true;
  }
  const o1 = orient(px, py, qx, qy, rx, ry);
  const o2 = orient(px, py, qx, qy, sx, sy);
  if (sameSide(o1, o2)) return true;
  const o3 = orient(rx, ry, sx, sy, px, py);
  const o4 = orient(rx, ry, sx, sy, qx, qy);
  if (sameSide(o3, o4)) return true;
  const collinear = o1 === 0 && o2 === 0;
  // Not collinear, the edges meet at one point: where one ends on the other, or a crossing.
  if (!collinear && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return false;
  // Each end on the other edge's line (collinear ends may lie beyond the edge) is a contact.
  if (o1 === 0) endOn(b, f, 0, a, e, rx, ry);
  if (o2 === 0) endOn(b, f, 1, a, e, sx, sy);
  if (o3 === 0) endOn(a, e, 0, b, f, px, py);
  if (o4 === 0) endOn(a, e, 1, b, f, qx, qy);
  if (collinear) {
    const [tr, ts] = [a.along(e, rx, ry), a.along(e, sx, sy)];
    a.alongOther(e, Math.max(0, Math.min(tr, ts)), Math.min(1, Math.max(tr, ts)));
    const [tp, tq] = [b.along(f, px, py), b.along(f, qx, qy)];
    b.alongOther(f, Math.max(0, Math.min(tp, tq)), Math.min(1, Math.max(tp, tq)));
  }
  return true;
}

/**
 * End `end` (0: start, 1: end) of `own`'s edge, at (x, y), lies on the line of `other`'s
 * edge: if on the edge itself, it is a contact, and a cut in that edge.
 */
function endOn(own: Side, ownEdge: number, end: 0 | 1, other: Side, otherEdge: number, x: number, y: number): void {
  const t = other.along(otherEdge, x, y);
  if (t < 0 || t > 1) return;
  // The end vertex of an edge starts the next one (or closes the ring: a run starts there anyway).
  own.startsOnOther[ownEdge + end] = 1;
  other.cutAt(otherEdge, t);
}

/**
 * True when the interiors of two polygonal geometries that passed checkPolygonal
 * certainly do not meet (they may touch along edges or at points); false when they
 * might, and only clipping can tell by how much. `box` is where their bounding boxes
 * overlap, degrees.
 */
export function interiorsApart(a: PolygonEdges, b: PolygonEdges, box: Box): boolean {
  const sideA = new Side(a, box);
  const sideB = new Side(b, box);
  if (sideA.edgeCount > 0 && sideB.edgeCount > 0 && !recordContacts(sideA, sideB)) return false;
  if (sideA.mayReachInto(b.polygon) || sideB.mayReachInto(a.polygon)) return false;
  // Interiors that meet with no boundary piece inside the other polygon: a part of each
  // with the very same outline (an island filling a hole has it for a hole).
  return !(sideA.hasOuterRingOnOther() && sideB.hasOuterRingOnOther());
}
