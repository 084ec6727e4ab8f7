// Which demand points a template site covers at many locations, fast, with the engine's
// answers. A cell's shape depends on where it stands only through its centre (cell-shape.ts:
// reach, azimuth and beamwidth come from the cell's radio fields), so the shapes are
// computed once per template and height and moved to each location. A predicted pattern's
// reach costs a root search per bearing; here the site's reach is tabulated once by
// bearing — per bucket, how far some cell surely reaches and how far any cell could —
// and a point clearly inside or outside is decided by one look-up. Points near an edge
// go to the engine's ShapeTester (which decides every point of the report too), so the
// sets equal what CoverageModel counts.
import { cellShape, type BBox, type CellShape } from '../cell-shape.ts';
import { normalizeAzimuth } from '../azimuth.ts';
import { azimuthOffsetDeg, radiiOfCurvature } from '../geodesy.ts';
import { ShapeTester } from '../point-cover.ts';
import type { PopulationIndex } from '../population.ts';
import { assertScenarioCell } from '../scenario-cell.ts';
import type { Cell } from '../types.ts';

/** Step of a pattern's reach table, degrees off boresight. */
const OFFSET_STEP_DEG = 0.25;
/** Width of a site table's bearing buckets, degrees. */
const BUCKET_DEG = 0.25;
const BUCKETS = Math.round(360 / BUCKET_DEG);
/**
 * A point is decided by the table only when its tangent-plane distance is this far
 * (relative, plus metres) and its bearing this far (degrees) from the tabulated edge:
 * far beyond the plane's errors (~1e-4 relative and ~0.01° at 3 km, point-cover.ts).
 */
const CLEAR_REL = 0.02;
const CLEAR_M = 1;
const CLEAR_DEG = 0.2;

/** A template site's shapes, ready to be moved, with its reach table when every cell's reach is predicted. */
interface MovableSite {
  shapes: CellShape[];
  table: SiteTable | null;
}

interface SiteTable {
  /** Per bearing bucket b: within inner[b] metres some cell surely covers; beyond outer[b] none can. */
  inner: Float64Array;
  outer: Float64Array;
  /** Smallest inner and largest outer over all buckets: most points need no bearing. */
  innerMinM: number;
  outerMaxM: number;
}

/** reach[i] = reach at i·OFFSET_STEP_DEG off boresight; null unless predicted and non-increasing away from the boresight (so two entries bound the reach between them). */
function offsetTable(shape: CellShape): Float64Array | null {
  if (!shape.predicted) return null;
  const n = Math.round(180 / OFFSET_STEP_DEG) + 1;
  const table = new Float64Array(n);
  for (let i = 0; i < n; i++) table[i] = shape.azimuthDeg === null ? shape.maxReachM : shape.reachAtOffsetM(i * OFFSET_STEP_DEG);
  for (let i = 1; i < n; i++) if ((table[i] as number) > (table[i - 1] as number)) return null;
  return table;
}

/** Least and greatest offset from `azimuthDeg` over the bearings fromDeg..toDeg (clockwise, < 360° apart). */
function offsetRange(fromDeg: number, toDeg: number, azimuthDeg: number | null): [number, number] {
  if (azimuthDeg === null) return [0, 0];
  const within = (deg: number) => normalizeAzimuth(deg - fromDeg) <= toDeg - fromDeg;
  const a = azimuthOffsetDeg(fromDeg, azimuthDeg);
  const b = azimuthOffsetDeg(toDeg, azimuthDeg);
  return [within(azimuthDeg) ? 0 : Math.min(a, b), within(azimuthDeg + 180) ? 180 : Math.max(a, b)];
}

function siteTable(shapes: readonly CellShape[]): SiteTable | null {
  const tables = shapes.map(offsetTable);
  if (tables.length === 0 || tables.some((t) => t === null)) return null;
  const inner = new Float64Array(BUCKETS);
  const outer = new Float64Array(BUCKETS);
  for (let b = 0; b < BUCKETS; b++) {
    const fromDeg = b * BUCKET_DEG - CLEAR_DEG;
    const toDeg = (b + 1) * BUCKET_DEG + CLEAR_DEG;
    let sure = 0, could = 0;
    shapes.forEach((shape, s) => {
      const table = tables[s] as Float64Array;
      const [least, most] = offsetRange(fromDeg, toDeg, shape.azimuthDeg);
      sure = Math.max(sure, table[Math.min(table.length - 1, Math.ceil(most / OFFSET_STEP_DEG))] as number);
      could = Math.max(could, table[Math.max(0, Math.floor(least / OFFSET_STEP_DEG))] as number);
    });
    inner[b] = Math.max(0, sure * (1 - CLEAR_REL) - CLEAR_M);
    outer[b] = could * (1 + CLEAR_REL) + CLEAR_M;
  }
  return { inner, outer, innerMinM: Math.min(...inner), outerMaxM: Math.max(...outer) };
}

/** Covers points with the cells of a template site moved to many locations. */
export class PlacedCover {
  private readonly sites = new Map<string, MovableSite>();

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
    const site = this.movableSite(cells);
    const testers = site.shapes.map((shape) => new ShapeTester({ ...shape, center }));
    const table = site.table;
    const { meridianM, primeVerticalM } = radiiOfCurvature(center[1]);
    const mPerDegLat = (meridianM * Math.PI) / 180;
    const mPerDegLon = (primeVerticalM * Math.cos((center[1] * Math.PI) / 180) * Math.PI) / 180;
    // ShapeTester rejects beyond 1.02 × the reach + 1 m in this same plane: the box holds that disc.
    const boxM = Math.max(...site.shapes.map((s) => s.maxReachM)) * 1.03 + 2;
    const box: BBox = [center[0] - boxM / mPerDegLon, center[1] - boxM / mPerDegLat, center[0] + boxM / mPerDegLon, center[1] + boxM / mPerDegLat];
    const innerMin2 = table ? table.innerMinM ** 2 : -1;
    const outerMax2 = table ? table.outerMaxM ** 2 : Infinity;
    const { lon, lat, hamlet } = index;
    index.grid.forEachInBBox(box, (k) => {
      if (hamlet[k] === -1) return;
      const x = lon[k] as number;
      const y = lat[k] as number;
      if (table) {
        const east = (x - center[0]) * mPerDegLon;
        const north = (y - center[1]) * mPerDegLat;
        const d2 = east * east + north * north;
        if (d2 > outerMax2) return;
        if (d2 < innerMin2) {
          visit(k);
          return;
        }
        const bearingDeg = normalizeAzimuth((Math.atan2(east, north) * 180) / Math.PI);
        const b = Math.min(BUCKETS - 1, Math.floor(bearingDeg / BUCKET_DEG));
        const d = Math.sqrt(d2);
        if (d > (table.outer[b] as number)) return;
        if (d < (table.inner[b] as number)) {
          visit(k);
          return;
        }
      }
      for (const tester of testers) {
        if (tester.covers(x, y)) {
          visit(k);
          return;
        }
      }
    });
  }

  /** The shapes and table of `cells` (one template at one location), built once per set of radio fields. */
  private movableSite(cells: readonly Cell[]): MovableSite {
    const key = JSON.stringify(cells.map((c) => [c.tech, c.band_mhz, c.height_m, c.eirp_dbm, c.range_m, c.azimuth_deg, c.beamwidth_deg]));
    let site = this.sites.get(key);
    if (!site) {
      const shapes = cells.map((cell) => {
        assertScenarioCell(cell);
        return cellShape(cell);
      });
      site = { shapes, table: siteTable(shapes) };
      this.sites.set(key, site);
    }
    return site;
  }
}
