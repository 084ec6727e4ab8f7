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
import { RUN, type PolygonEdges } from './edge-runs.ts';

type Box = readonly [number, number, number, number];

/** Where the other polygon's boundary meets one edge, as parameters t along it (0 at its start, 1 at its end). */
interface EdgeContacts {
  cuts: number[];
  /** [t0, t1] stretches lying on the other polygon's boundary. */
  onBoundary: [number, number][];
}

/**
 * One polygon's side of a pair: its edges that reach into the box both polygons' bounding
 * boxes share (no other edge can touch the other polygon), and where they touch it.
 * Listed edges are numbered e = 0, 1, … in ring order. Two Sides serve every pair in
 * turn (load): their buffers only grow, as allocating typed arrays for each of thousands
 * of pairs cost more than the checks.
 */
class Side {
  edgeCount = 0;
  ringCount = 0;
  /** Edge e runs from (xy[4e], xy[4e+1]) to (xy[4e+2], xy[4e+3]); its box is box[4e..4e+3] (west, south, east, north). */
  xy = new Float64Array(0);
  box = new Float64Array(0);
  /** Edge e's ring (rings counted part after part) and its place in that ring. */
  ringOf = new Int32Array(0);
  placeOf = new Int32Array(0);
  /** 1 for an edge the other polygon has too (the same two vertices). */
  sharedWhole = new Uint8Array(0);
  /** 1 for an edge whose first vertex lies on the other polygon's boundary. */
  startsOnOther = new Uint8Array(1);
  /** Edges the other boundary meets partly: cut by a vertex, or along a collinear edge. */
  private readonly contacts = new Map<number, EdgeContacts>();
  /** Per ring: 1 for a part's outer ring; 1 when all its edges are listed; its pieces off the other polygon's boundary (counted by mayReachInto). */
  private ringIsOuter = new Uint8Array(0);
  private ringAllListed = new Uint8Array(0);
  private piecesOff = new Int32Array(0);

  /** Lists the polygon's edges that reach into `shared`, forgetting the previous pair. */
  load(edges: PolygonEdges, shared: Box): this {
    if (this.contacts.size > 0) this.contacts.clear();
    if (this.ringOf.length < edges.edgeCount) this.growEdges(edges.edgeCount);
    if (this.piecesOff.length < edges.ringCount) this.growRings(edges.ringCount);
    const { xy, box, ringOf, placeOf } = this;
    const runBox = edges.runBox;
    let run = edges.firstRun;
    const sharedWest = shared[0], sharedSouth = shared[1], sharedEast = shared[2], sharedNorth = shared[3];
    let e = 0;
    let r = 0;
    for (const part of edges.polygon.parts) {
      for (let k = 0; k < part.length; k++, r++) {
        const coords = part[k]!.coords;
        const n = coords.length / 2 - 1;
        const first = e;
        for (let start = 0; start < n; start += RUN, run++) {
          // A run whose box misses the shared box has no edge in it.
          if (runBox[4 * run]! > sharedEast || runBox[4 * run + 2]! < sharedWest || runBox[4 * run + 1]! > sharedNorth || runBox[4 * run + 3]! < sharedSouth) continue;
          for (let c = 2 * start, end = 2 * Math.min(n, start + RUN); c < end; c += 2) {
            const x0 = coords[c]!, y0 = coords[c + 1]!, x1 = coords[c + 2]!, y1 = coords[c + 3]!;
            const west = x0 < x1 ? x0 : x1, south = y0 < y1 ? y0 : y1, east = x0 < x1 ? x1 : x0, north = y0 < y1 ? y1 : y0;
            if (west > sharedEast || east < sharedWest || south > sharedNorth || north < sharedSouth) continue;
            xy[4 * e] = x0;
            xy[4 * e + 1] = y0;
            xy[4 * e + 2] = x1;
            xy[4 * e + 3] = y1;
            box[4 * e] = west;
            box[4 * e + 1] = south;
            box[4 * e + 2] = east;
            box[4 * e + 3] = north;
            ringOf[e] = r;
            placeOf[e] = c / 2;
            e++;
          }
        }
        this.ringIsOuter[r] = k === 0 ? 1 : 0;
        this.ringAllListed[r] = e - first === n ? 1 : 0;
        this.piecesOff[r] = 0;
      }
    }
    this.edgeCount = e;
    this.ringCount = r;
    this.sharedWhole.fill(0, 0, e);
    this.startsOnOther.fill(0, 0, e + 1);
    return this;
  }

  private growEdges(edges: number): void {
    this.xy = new Float64Array(4 * edges);
    this.box = new Float64Array(4 * edges);
    this.ringOf = new Int32Array(edges);
    this.placeOf = new Int32Array(edges);
    this.sharedWhole = new Uint8Array(edges);
    this.startsOnOther = new Uint8Array(edges + 1);
  }

  private growRings(rings: number): void {
    this.ringIsOuter = new Uint8Array(rings);
    this.ringAllListed = new Uint8Array(rings);
    this.piecesOff = new Int32Array(rings);
  }

  private contactsOf(e: number): EdgeContacts {
    let c = this.contacts.get(e);
    if (!c) this.contacts.set(e, (c = { cuts: [], onBoundary: [] }));
    return c;
  }

  /** Parameter along edge e of a point on its line, read on its longer axis. */
  along(e: number, x: number, y: number): number {
    const xy = this.xy;
    const x0 = xy[4 * e]!, y0 = xy[4 * e + 1]!, x1 = xy[4 * e + 2]!, y1 = xy[4 * e + 3]!;
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

  /**
   * Whether some piece of this side's edges lies inside (or on the boundary of) `other`.
   * One midpoint per chain: a chain of pieces changes sides only where it touches `other`.
   * A chain breaks where the list skips (a ring starts, or the ring left the box).
   */
  mayReachInto(other: FlatPolygon): boolean {
    const { xy, ringOf, placeOf, piecesOff } = this;
    let chainTested = false;
    for (let e = 0; e < this.edgeCount; e++) {
      if (this.sharedWhole[e] === 1) {
        chainTested = false;
        continue;
      }
      const r = ringOf[e]!;
      if (e === 0 || ringOf[e - 1] !== r || placeOf[e - 1]! + 1 !== placeOf[e] || this.startsOnOther[e] === 1) chainTested = false;
      const x0 = xy[4 * e]!, y0 = xy[4 * e + 1]!, x1 = xy[4 * e + 2]!, y1 = xy[4 * e + 3]!;
      const c = this.contacts.size === 0 ? undefined : this.contacts.get(e);
      if (c === undefined) {
        // Untouched inside: one piece, the whole edge.
        piecesOff[r]!++;
        if (chainTested) continue;
        chainTested = true;
        if (containsPoint(other, x0 + 0.5 * (x1 - x0), y0 + 0.5 * (y1 - y0))) return true;
        continue;
      }
      const ts = [0, ...c.cuts.sort((p, q) => p - q), 1];
      for (let i = 0; i + 1 < ts.length; i++) {
        const mid = (ts[i]! + ts[i + 1]!) / 2;
        const onOther = c.onBoundary.some(([from, to]) => from <= mid && mid <= to);
        if (i > 0 || onOther) chainTested = false;
        if (onOther) continue;
        piecesOff[r]!++;
        if (chainTested) continue;
        chainTested = true;
        if (containsPoint(other, x0 + mid * (x1 - x0), y0 + mid * (y1 - y0))) return true;
      }
    }
    return false;
  }

  /** Whether some part's outer ring lies wholly on the other polygon's boundary (after mayReachInto). */
  hasOuterRingOnOther(): boolean {
    // A ring with edges outside the box has pieces off the other's boundary.
    for (let r = 0; r < this.ringCount; r++) {
      if (this.ringIsOuter[r] === 1 && this.ringAllListed[r] === 1 && this.piecesOff[r] === 0) return true;
    }
    return false;
  }
}

/** The two sides of the pair being checked (interiorsApart runs to the end before another pair starts). */
const SIDE_A = new Side();
const SIDE_B = new Side();

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
  const aBox = a.box;
  const bBox = b.box;
  if (a.edgeCount * b.edgeCount <= NESTED_LOOP_MAX) {
    for (let e = 0; e < a.edgeCount; e++) {
      const west = aBox[4 * e]!, south = aBox[4 * e + 1]!, east = aBox[4 * e + 2]!, north = aBox[4 * e + 3]!;
      for (let f = 0; f < b.edgeCount; f++) {
        if (bBox[4 * f]! > east || bBox[4 * f + 2]! < west || bBox[4 * f + 1]! > north || bBox[4 * f + 3]! < south) continue;
        if (!recordContact(a, e, b, f)) return false;
      }
    }
    return true;
  }
  const index = new Flatbush(b.edgeCount);
  for (let f = 0; f < b.edgeCount; f++) index.add(bBox[4 * f]!, bBox[4 * f + 1]!, bBox[4 * f + 2]!, bBox[4 * f + 3]!);
  index.finish();
  for (let e = 0; e < a.edgeCount; e++) {
    for (const f of index.search(aBox[4 * e]!, aBox[4 * e + 1]!, aBox[4 * e + 2]!, aBox[4 * e + 3]!)) if (!recordContact(a, e, b, f)) return false;
  }
  return true;
}

/** recordContacts for edge e of a and edge f of b, whose boxes meet. */
function recordContact(a: Side, e: number, b: Side, f: number): boolean {
  const ab = a.xy;
  const bb = b.xy;
  const px = ab[4 * e]!, py = ab[4 * e + 1]!, qx = ab[4 * e + 2]!, qy = ab[4 * e + 3]!;
  const rx = bb[4 * f]!, ry = bb[4 * f + 1]!, sx = bb[4 * f + 2]!, sy = bb[4 * f + 3]!;
  if ((px === rx && py === ry && qx === sx && qy === sy) || (px === sx && py === sy && qx === rx && qy === ry)) {
    // The same edge: a piece on both boundaries, after which chains start afresh.
    a.sharedWhole[e] = 1;
    b.sharedWhole[f] = 1;
    return true;
  }
  // Edges with one end in common, not collinear (most contacts between neighbours: the
  // edges around a shared vertex). The general case below would find exactly this: the
  // common vertex, as the end of one edge and the start or end of the other, is a contact
  // of both (orient is exactly 0 there, and along exactly 0 or 1); nothing else is.
  if (qx === rx && qy === ry) {
    if (orient(px, py, qx, qy, sx, sy) !== 0 && orient(rx, ry, sx, sy, px, py) !== 0) return touchAt(a, e + 1, b, f);
  } else if (px === sx && py === sy) {
    if (orient(px, py, qx, qy, rx, ry) !== 0 && orient(rx, ry, sx, sy, qx, qy) !== 0) return touchAt(a, e, b, f + 1);
  } else if (px === rx && py === ry) {
    if (orient(px, py, qx, qy, sx, sy) !== 0 && orient(rx, ry, sx, sy, qx, qy) !== 0) return touchAt(a, e, b, f);
  } else if (qx === sx && qy === sy) {
    if (orient(px, py, qx, qy, rx, ry) !== 0 && orient(rx, ry, sx, sy, px, py) !== 0) return touchAt(a, e + 1, b, f + 1);
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
    const tr = a.along(e, rx, ry);
    const ts = a.along(e, sx, sy);
    a.alongOther(e, Math.max(0, Math.min(tr, ts)), Math.min(1, Math.max(tr, ts)));
    const tp = b.along(f, px, py);
    const tq = b.along(f, qx, qy);
    b.alongOther(f, Math.max(0, Math.min(tp, tq)), Math.min(1, Math.max(tp, tq)));
  }
  return true;
}

/** Edges a and b touch at a shared vertex, where edge aStart of a and edge bStart of b start (endOn's record of it). */
function touchAt(a: Side, aStart: number, b: Side, bStart: number): true {
  a.startsOnOther[aStart] = 1;
  b.startsOnOther[bStart] = 1;
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
  const sideA = SIDE_A.load(a, box);
  const sideB = SIDE_B.load(b, box);
  if (sideA.edgeCount > 0 && sideB.edgeCount > 0 && !recordContacts(sideA, sideB)) return false;
  if (sideA.mayReachInto(b.polygon) || sideB.mayReachInto(a.polygon)) return false;
  // Interiors that meet with no boundary piece inside the other polygon: a part of each
  // with the very same outline (an island filling a hole has it for a hole).
  return !(sideA.hasOuterRingOnOther() && sideB.hasOuterRingOnOther());
}
