// Whether the rings of one Polygon/MultiPolygon cross or touch: turf's kinks semantics,
// without its all-pairs loop. Hamlet rings (tens of edges, thousands of them in a
// province) are searched through a grid of longitude columns filled by a counting sort;
// rings the grid would serve badly (long edges stacked over each other, as in a comb)
// through a segment index (flatbush), so a 100 000-vertex boundary takes a fraction of a
// second, not minutes. Both find the same first crossing.
import type { Position } from 'geojson';
import Flatbush from 'flatbush';

type Ring = Position[];

/** Average edges per grid column: a few, so each column holds few pairs. */
const EDGES_PER_COLUMN = 4;
/** Above this many edge pairs to compare per edge, the index is cheaper than the grid. */
const GRID_PAIRS_PER_EDGE_MAX = 32;

/**
 * The working arrays, kept from call to call and grown when a ring needs more:
 * allocating them for each of thousands of hamlet rings cost more than the search.
 */
const scratch = {
  /** Edge g runs from (xy[4g], xy[4g+1]) to (xy[4g+2], xy[4g+3]); its box is box[4g..4g+3] (west, south, east, north). */
  xy: new Float64Array(0),
  box: new Float64Array(0),
  /** Edge numbers of the first and last edge of edge g's ring: neighbours in a ring may share a vertex. */
  ringFirst: new Int32Array(0),
  ringLast: new Int32Array(0),
  /** The first and last grid column edge g spans. */
  firstColumn: new Int32Array(0),
  lastColumn: new Int32Array(0),
  /** Edges of column c are columnEdges[columnStart[c] .. columnStart[c + 1]), in increasing order. */
  columnStart: new Int32Array(0),
  columnFill: new Int32Array(0),
  columnEdges: new Int32Array(0),
};

function growEdges(count: number): void {
  scratch.xy = new Float64Array(4 * count);
  scratch.box = new Float64Array(4 * count);
  scratch.ringFirst = new Int32Array(count);
  scratch.ringLast = new Int32Array(count);
  scratch.firstColumn = new Int32Array(count);
  scratch.lastColumn = new Int32Array(count);
  scratch.columnStart = new Int32Array(count + 1);
  scratch.columnFill = new Int32Array(count);
}

/**
 * The first place where two edges of the rings cross or touch (other than neighbouring
 * edges of one ring at their shared vertex), or null. Parallel edges are not reported,
 * as in turf's kinks. "First": the pair (g, h), g < h, numbering the edges ring after
 * ring, that comes first in (g, h) order, as an all-pairs loop would meet it.
 */
export function findCrossing(rings: readonly Ring[]): Position | null {
  let count = 0;
  for (const ring of rings) count += Math.max(0, ring.length - 1);
  if (count < 2) return null;
  if (scratch.ringFirst.length < count) growEdges(count);
  const { xy, box, ringFirst, ringLast, firstColumn, lastColumn, columnStart } = scratch;
  let minX = Infinity;
  let maxX = -Infinity;
  let sumWidth = 0;
  let g = 0;
  for (const ring of rings) {
    const first = g;
    const last = g + ring.length - 2;
    for (let i = 0; i + 1 < ring.length; i++, g++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const ax = a[0]!, ay = a[1]!, bx = b[0]!, by = b[1]!;
      xy[4 * g] = ax;
      xy[4 * g + 1] = ay;
      xy[4 * g + 2] = bx;
      xy[4 * g + 3] = by;
      const west = ax < bx ? ax : bx;
      const east = ax < bx ? bx : ax;
      box[4 * g] = west;
      box[4 * g + 1] = ay < by ? ay : by;
      box[4 * g + 2] = east;
      box[4 * g + 3] = ay < by ? by : ay;
      ringFirst[g] = first;
      ringLast[g] = last;
      if (west < minX) minX = west;
      if (east > maxX) maxX = east;
      sumWidth += east - west;
    }
  }
  // Columns no narrower than the edges on average, so that each edge spans few columns
  // even in a spiky outline; every edge in one column when the rings have no width.
  const columnWidth = Math.max((maxX - minX) / Math.ceil(count / EDGES_PER_COLUMN), sumWidth / count) || 1;
  const columnCount = Math.max(1, Math.min(Math.ceil(count / EDGES_PER_COLUMN), Math.ceil((maxX - minX) / columnWidth)));
  columnStart.fill(0, 0, columnCount + 1);
  for (g = 0; g < count; g++) {
    const c0 = Math.min(columnCount - 1, Math.floor((box[4 * g]! - minX) / columnWidth));
    const c1 = Math.min(columnCount - 1, Math.floor((box[4 * g + 2]! - minX) / columnWidth));
    firstColumn[g] = c0;
    lastColumn[g] = c1;
    for (let c = c0; c <= c1; c++) columnStart[c + 1]!++;
  }
  let pairs = 0;
  for (let c = 1; c <= columnCount; c++) {
    const k = columnStart[c]!;
    pairs += (k * (k - 1)) / 2;
    columnStart[c]! += columnStart[c - 1]!;
  }
  const meeting = pairs <= GRID_PAIRS_PER_EDGE_MAX * count ? firstMeetingInColumns(count, columnCount) : firstMeetingInIndex(count);
  if (meeting === null) return null;
  const ax = xy[4 * meeting.g]!, ay = xy[4 * meeting.g + 1]!;
  return [ax + meeting.s * (xy[4 * meeting.g + 2]! - ax), ay + meeting.s * (xy[4 * meeting.g + 3]! - ay)];
}

/** The first meeting pair's first edge g, and where the pair meets along g (0 at its start, 1 at its end). */
interface Meeting {
  g: number;
  s: number;
}

/** Whether edges lo < hi of the scratch table are neighbours in one ring (sharing a vertex by construction). */
function neighbours(lo: number, hi: number): boolean {
  const { ringFirst, ringLast } = scratch;
  return ringFirst[lo] === ringFirst[hi] && (hi - lo === 1 || (lo === ringFirst[lo] && hi === ringLast[lo]));
}

/**
 * The first meeting pair through the grid: a pair is compared in the first column both
 * its edges span, so each pair whose boxes meet is compared once.
 */
function firstMeetingInColumns(count: number, columnCount: number): Meeting | null {
  const { xy, box, firstColumn, lastColumn, columnStart, columnFill } = scratch;
  if (scratch.columnEdges.length < columnStart[columnCount]!) scratch.columnEdges = new Int32Array(columnStart[columnCount]!);
  const columnEdges = scratch.columnEdges;
  columnFill.set(columnStart.subarray(0, columnCount));
  for (let g = 0; g < count; g++) {
    for (let c = firstColumn[g]!; c <= lastColumn[g]!; c++) columnEdges[columnFill[c]!++] = g;
  }
  let bestG = count;
  let bestH = count;
  let bestS = 0;
  for (let c = 0; c < columnCount; c++) {
    for (let i = columnStart[c]!, end = columnStart[c + 1]!; i < end; i++) {
      const lo = columnEdges[i]!;
      // Columns list their edges in increasing order: nothing further can come first.
      if (lo > bestG) break;
      const west = box[4 * lo]!, south = box[4 * lo + 1]!, east = box[4 * lo + 2]!, north = box[4 * lo + 3]!;
      for (let j = i + 1; j < end; j++) {
        const hi = columnEdges[j]!;
        if (lo === bestG && hi >= bestH) break;
        if (firstColumn[lo]! !== c && firstColumn[hi]! !== c) continue;
        if (box[4 * hi]! > east || box[4 * hi + 2]! < west || box[4 * hi + 1]! > north || box[4 * hi + 3]! < south) continue;
        if (neighbours(lo, hi)) continue;
        const s = meetAlong(xy, lo, hi);
        if (s !== APART) {
          bestG = lo;
          bestH = hi;
          bestS = s;
          break;
        }
      }
    }
  }
  return bestG === count ? null : { g: bestG, s: bestS };
}

/** The first meeting pair through a segment index: edge after edge, the first partner of each. */
function firstMeetingInIndex(count: number): Meeting | null {
  const { xy, box } = scratch;
  const index = new Flatbush(count);
  for (let g = 0; g < count; g++) index.add(box[4 * g]!, box[4 * g + 1]!, box[4 * g + 2]!, box[4 * g + 3]!);
  index.finish();
  for (let g = 0; g < count; g++) {
    let bestH = count;
    let bestS = 0;
    for (const h of index.search(box[4 * g]!, box[4 * g + 1]!, box[4 * g + 2]!, box[4 * g + 3]!)) {
      if (h <= g || h >= bestH || neighbours(g, h)) continue;
      const s = meetAlong(xy, g, h);
      if (s !== APART) {
        bestH = h;
        bestS = s;
      }
    }
    if (bestH < count) return { g, s: bestS };
  }
  return null;
}

/** meetAlong's answer for edges that do not meet (a parameter never below 0). */
const APART = -1;

/**
 * Where edges g and h of `xy` meet (ends included), as the parameter along g (0 at its
 * start, 1 at its end), or APART; parallel edges never meet.
 */
function meetAlong(xy: Float64Array, g: number, h: number): number {
  const ax = xy[4 * g]!, ay = xy[4 * g + 1]!, bx = xy[4 * g + 2]!, by = xy[4 * g + 3]!;
  const cx = xy[4 * h]!, cy = xy[4 * h + 1]!, dx = xy[4 * h + 2]!, dy = xy[4 * h + 3]!;
  const denominator = (dy - cy) * (bx - ax) - (dx - cx) * (by - ay);
  if (denominator === 0) return APART;
  const s = ((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)) / denominator;
  const t = ((bx - ax) * (ay - cy) - (by - ay) * (ax - cx)) / denominator;
  if (s < 0 || s > 1 || t < 0 || t > 1) return APART;
  return s;
}
