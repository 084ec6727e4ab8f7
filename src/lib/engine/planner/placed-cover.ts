// Which demand points a template cell covers at many locations, fast, with the engine's
// answers. A cell's shape depends on where it stands only through its centre (cell-shape.ts:
// reach, azimuth, beamwidth come from the cell's radio fields), so the shape is computed
// once per template cell and height and moved to each location. A predicted pattern's
// reach costs a root search per bearing; here it is tabulated by bearing once, and a point
// clearly inside or outside the tabulated reach is decided by the table. Points near the
// edge go to the engine's ShapeTester, which decides every point of the one-shot report
// too, so the sets equal what CoverageModel counts.
import { cellShape, type BBox, type CellShape } from '../cell-shape.ts';
import { azimuthOffsetDeg, radiiOfCurvature } from '../geodesy.ts';
import { ShapeTester } from '../point-cover.ts';
import type { PopulationIndex } from '../population.ts';
import { assertScenarioCell } from '../scenario-cell.ts';
import type { Cell } from '../types.ts';

/** Table step of a predicted pattern's reach, degrees off boresight. */
const TABLE_STEP_DEG = 0.25;
/**
 * A point is decided by the table only when its tangent-plane distance is this far
 * (relative, plus metres) and its bearing this far (degrees) from the tabulated edge:
 * far beyond the plane's errors (~1e-4 relative and ~0.01° at 3 km, point-cover.ts).
 */
const CLEAR_REL = 0.02;
const CLEAR_M = 1;
const CLEAR_DEG = 0.2;

/** One template cell's shape, ready to be moved. */
interface MovableShape {
  shape: CellShape;
  /** reach[i] = reach at i·TABLE_STEP_DEG off boresight (non-increasing); null when the table cannot decide (fixed reach, or a pattern that is not monotone). */
  table: Float64Array | null;
}

function tabulate(shape: CellShape): Float64Array | null {
  if (!shape.predicted) return null;
  const n = Math.round(180 / TABLE_STEP_DEG) + 1;
  const table = new Float64Array(n);
  for (let i = 0; i < n; i++) table[i] = shape.azimuthDeg === null ? shape.maxReachM : shape.reachAtOffsetM(i * TABLE_STEP_DEG);
  // Bounds between two entries hold only if the reach never grows away from the boresight.
  for (let i = 1; i < n; i++) if ((table[i] as number) > (table[i - 1] as number)) return null;
  return table;
}

/** One cell moved to a location: its tester, and the table when there is one. */
interface PlacedCell {
  tester: ShapeTester;
  azimuthDeg: number | null;
  table: Float64Array | null;
}

/** Covers points with the cells of a template moved to many locations. */
export class PlacedCover {
  private readonly shapes = new Map<string, MovableShape[]>();

  /**
   * Calls `visit(k)` once for each point of `index` (hamlet ≥ 0) that at least one of
   * `cells` covers; the cells are one site's, so they share a position. Throws a RangeError
   * naming the field when a cell cannot be computed.
   */
  forEachCovered(cells: readonly Cell[], index: PopulationIndex, visit: (k: number) => void): void {
    const first = cells[0];
    if (!first) return;
    if (cells.some((c) => c.lon !== first.lon || c.lat !== first.lat)) throw new RangeError(`site ${first.site_id}: its cells must share one position`);
    const center: [number, number] = [first.lon, first.lat];
    const movable = this.movableShapes(cells);
    const placed: PlacedCell[] = movable.map((m) => ({ tester: new ShapeTester({ ...m.shape, center }), azimuthDeg: m.shape.azimuthDeg, table: m.table }));
    const maxReachM = Math.max(...movable.map((m) => m.shape.maxReachM));
    // With every cell tabulated, a point beyond the longest tabulated reach is out.
    const allTabulated = placed.every((p) => p.table !== null);
    const farM = Math.max(...placed.map((p) => (p.table ? (p.table[0] as number) : 0))) * (1 + CLEAR_REL) + CLEAR_M;
    const { meridianM, primeVerticalM } = radiiOfCurvature(center[1]);
    const mPerDegLat = (meridianM * Math.PI) / 180;
    const mPerDegLon = (primeVerticalM * Math.cos((center[1] * Math.PI) / 180) * Math.PI) / 180;
    // ShapeTester rejects beyond 1.02 × the reach + 1 m in this same plane: the box holds that disc.
    const boxM = maxReachM * 1.03 + 2;
    const box: BBox = [center[0] - boxM / mPerDegLon, center[1] - boxM / mPerDegLat, center[0] + boxM / mPerDegLon, center[1] + boxM / mPerDegLat];
    const { lon, lat, hamlet } = index;
    index.grid.forEachInBBox(box, (k) => {
      if (hamlet[k] === -1) return;
      const x = lon[k] as number;
      const y = lat[k] as number;
      const east = (x - center[0]) * mPerDegLon;
      const north = (y - center[1]) * mPerDegLat;
      const d = Math.hypot(east, north);
      if (allTabulated && d > farM) return;
      const bearingDeg = (Math.atan2(east, north) * 180) / Math.PI;
      for (const p of placed) {
        const table = p.table;
        if (table) {
          const offsetDeg = p.azimuthDeg === null ? 0 : azimuthOffsetDeg(bearingDeg, p.azimuthDeg);
          // The reach is non-increasing in the offset: the entries around [offset − δ, offset + δ] bound it.
          const longest = table[Math.max(0, Math.floor((offsetDeg - CLEAR_DEG) / TABLE_STEP_DEG))] as number;
          const shortest = table[Math.min(table.length - 1, Math.ceil((offsetDeg + CLEAR_DEG) / TABLE_STEP_DEG))] as number;
          if (d < shortest * (1 - CLEAR_REL) - CLEAR_M) {
            visit(k);
            return;
          }
          if (d > longest * (1 + CLEAR_REL) + CLEAR_M) continue;
        }
        if (p.tester.covers(x, y)) {
          visit(k);
          return;
        }
      }
    });
  }

  /** Shapes of `cells` (the same template at one location), built once per set of radio fields. */
  private movableShapes(cells: readonly Cell[]): MovableShape[] {
    const key = JSON.stringify(cells.map((c) => [c.tech, c.band_mhz, c.height_m, c.eirp_dbm, c.range_m, c.azimuth_deg, c.beamwidth_deg]));
    let shapes = this.shapes.get(key);
    if (!shapes) {
      shapes = cells.map((cell) => {
        assertScenarioCell(cell);
        const shape = cellShape(cell);
        return { shape, table: tabulate(shape) };
      });
      this.shapes.set(key, shapes);
    }
    return shapes;
  }
}
