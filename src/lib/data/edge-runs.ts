// The edges of the polygons findOverlaps compares, laid out once for all the pairs each
// polygon is in: for each ring, the boxes of runs of consecutive edges, so the check of a
// pair (interiors-apart.ts) passes over the runs outside the box the two polygons share.
import type { FlatPolygon } from '../engine/point-in-polygon.ts';

/** Edges per run: a run's box lets a pair's check pass over its edges at once. */
export const RUN = 8;

/** A polygon laid out once for all the pairs it is in (edgesOf). */
export interface PolygonEdges {
  polygon: FlatPolygon;
  edgeCount: number;
  ringCount: number;
  /**
   * Ring after ring (parts in order), the boxes of runs of RUN consecutive edges (the
   * last run of a ring may be shorter): west, south, east, north, four numbers a run,
   * from run firstRun on (one array holds the runs of every polygon of the list).
   */
  runBox: Float64Array;
  firstRun: number;
}

/** The flattened polygons' edge runs, for interiorsApart. */
export function edgesOf(polygons: readonly FlatPolygon[]): PolygonEdges[] {
  let runCount = 0;
  for (const polygon of polygons) for (const part of polygon.parts) for (const ring of part) runCount += Math.ceil((ring.coords.length / 2 - 1) / RUN);
  const runBox = new Float64Array(4 * runCount);
  let run = 0;
  return polygons.map((polygon) => {
    const firstRun = run;
    let edgeCount = 0;
    let ringCount = 0;
    for (const part of polygon.parts) {
      ringCount += part.length;
      for (const { coords } of part) {
        const n = coords.length / 2 - 1;
        edgeCount += n;
        for (let start = 0; start < n; start += RUN, run++) {
          let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
          for (let c = 2 * start, end = 2 * Math.min(n, start + RUN); c <= end; c += 2) {
            const x = coords[c]!;
            const y = coords[c + 1]!;
            if (x < west) west = x;
            if (y < south) south = y;
            if (x > east) east = x;
            if (y > north) north = y;
          }
          runBox[4 * run] = west;
          runBox[4 * run + 1] = south;
          runBox[4 * run + 2] = east;
          runBox[4 * run + 3] = north;
        }
      }
    }
    return { polygon, edgeCount, ringCount, runBox, firstRun };
  });
}
