// Settlement points (population.geojson / population.tif) assigned to hamlets for the
// point model (spec: data-package.md, Population inside coverage): each point belongs to
// the first hamlet in file order that contains it, boundary included; points in no
// hamlet are not used. Points weighing 0 change no sum, so they are left out.
import type { BBox } from './cell-shape.ts';
import { containsPoint, flattenPolygon, type FlatPolygon } from './point-in-polygon.ts';
import { PointGrid } from './spatial-index.ts';
import type { Hamlet, PopulationPoint, PopulationPoints } from './types.ts';

/** Pads boxes so points a hair outside still reach the boundary-inclusive test, degrees. */
export const BBOX_PAD_DEG = 1e-8;

export interface PopulationIndex {
  /** Positive-weight points within the hamlets' extent, in the grid's storage order (index k below). */
  lon: Float64Array;
  lat: Float64Array;
  pop: Float64Array;
  /** Index in the given points of point k. */
  source: Uint32Array;
  /** Index of the hamlet point k belongs to; −1 when it lies in no hamlet. */
  hamlet: Int32Array;
  /** Σ pop of each hamlet's points; a hamlet with weight 0 uses the uniform model. */
  hamletWeight: Float64Array;
  /** Bucket index of the points; its storage order is the order of the arrays above. */
  grid: PointGrid;
}

/** Points as columns (what DataPackage holds), from a list of points. */
export function populationPoints(list: readonly PopulationPoint[]): PopulationPoints {
  return { lon: Float64Array.from(list, (p) => p.lon), lat: Float64Array.from(list, (p) => p.lat), pop: Float64Array.from(list, (p) => p.pop) };
}

/** Builds PopulationPoints one point at a time, into columns that grow: no object per point. */
export class PopulationPointsBuilder {
  private lon = new Float64Array(4096);
  private lat = new Float64Array(4096);
  private pop = new Float64Array(4096);
  private size = 0;

  get count(): number {
    return this.size;
  }

  push(lon: number, lat: number, pop: number): void {
    if (this.size === this.pop.length) {
      this.lon = grown(this.lon);
      this.lat = grown(this.lat);
      this.pop = grown(this.pop);
    }
    this.lon[this.size] = lon;
    this.lat[this.size] = lat;
    this.pop[this.size++] = pop;
  }

  build(): PopulationPoints {
    const n = this.size;
    return { lon: this.lon.slice(0, n), lat: this.lat.slice(0, n), pop: this.pop.slice(0, n) };
  }
}

function grown(column: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(column.length * 2);
  larger.set(column);
  return larger;
}

/** The points as a list of objects (for tests and for writing files). */
export function pointList(points: PopulationPoints): PopulationPoint[] {
  return Array.from(points.pop, (pop, i) => ({ lon: points.lon[i]!, lat: points.lat[i]!, pop }));
}

/** Indexes the population points and assigns each to its hamlet. */
export function indexPopulation(points: PopulationPoints | null, hamlets: readonly FlatPolygon[]): PopulationIndex {
  // Only points within the hamlets' extent can belong to one. Leaving the others out of the
  // grid keeps it the size of the area: one stray point (say at 0° N 0° E) would otherwise
  // stretch it across half the globe.
  const extent: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { bbox } of hamlets) {
    extent[0] = Math.min(extent[0], bbox[0] - BBOX_PAD_DEG);
    extent[1] = Math.min(extent[1], bbox[1] - BBOX_PAD_DEG);
    extent[2] = Math.max(extent[2], bbox[2] + BBOX_PAD_DEG);
    extent[3] = Math.max(extent[3], bbox[3] + BBOX_PAD_DEG);
  }
  const { lon: allLon, lat: allLat, pop: allPop } = points ?? { lon: new Float64Array(0), lat: new Float64Array(0), pop: new Float64Array(0) };
  const usable = (i: number) => {
    const lon = allLon[i]!;
    const lat = allLat[i]!;
    return allPop[i]! > 0 && lon >= extent[0] && lon <= extent[2] && lat >= extent[1] && lat <= extent[3];
  };
  let n = 0;
  for (let i = 0; i < allPop.length; i++) if (usable(i)) n++;
  const inLon = new Float64Array(n);
  const inLat = new Float64Array(n);
  const inPop = new Float64Array(n);
  const inSource = new Uint32Array(n);
  let j = 0;
  for (let i = 0; i < allPop.length; i++) {
    if (!usable(i)) continue;
    inLon[j] = allLon[i]!;
    inLat[j] = allLat[i]!;
    inSource[j] = i;
    inPop[j++] = allPop[i]!;
  }
  const grid = new PointGrid(inLon, inLat);
  const { lon, lat, order } = grid;
  const pop = new Float64Array(n);
  const source = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    pop[k] = inPop[order[k] as number] as number;
    source[k] = inSource[order[k] as number] as number;
  }
  const hamlet = new Int32Array(n).fill(-1);
  const hamletWeight = new Float64Array(hamlets.length);
  // Hamlets in file order, each claiming the still-free points it contains: the first
  // containing hamlet wins a point on a shared boundary.
  hamlets.forEach((polygon, h) => {
    const [west, south, east, north] = polygon.bbox;
    grid.forEachInBBox([west - BBOX_PAD_DEG, south - BBOX_PAD_DEG, east + BBOX_PAD_DEG, north + BBOX_PAD_DEG], (k) => {
      if (hamlet[k] !== -1 || !containsPoint(polygon, lon[k] as number, lat[k] as number)) return;
      hamlet[k] = h;
      hamletWeight[h] = (hamletWeight[h] as number) + (pop[k] as number);
    });
  });
  return { lon, lat, pop, source, hamlet, hamletWeight, grid };
}

// A loaded package's lists are never changed afterwards (DataPackage), so what is derived
// from them once serves every later use: the loader's check of points outside hamlets
// and the engine's context share one index of a province's million points.
const polygonsOf = new WeakMap<readonly Hamlet[], FlatPolygon[]>();
const indexOf = new WeakMap<PopulationPoints, { hamlets: readonly Hamlet[]; index: PopulationIndex }>();

/** The hamlets' flattened polygons (flattenPolygon), made once per list of hamlets. */
export function hamletPolygons(hamlets: readonly Hamlet[]): FlatPolygon[] {
  let polygons = polygonsOf.get(hamlets);
  if (!polygons) {
    polygons = hamlets.map((h) => flattenPolygon(h.geometry));
    polygonsOf.set(hamlets, polygons);
  }
  return polygons;
}

/** indexPopulation of a package's points among its hamlets, made once per pair of lists. */
export function packagePopulationIndex(points: PopulationPoints | null, hamlets: readonly Hamlet[]): PopulationIndex {
  if (!points) return indexPopulation(null, hamletPolygons(hamlets));
  const known = indexOf.get(points);
  if (known?.hamlets === hamlets) return known.index;
  const index = indexPopulation(points, hamletPolygons(hamlets));
  indexOf.set(points, { hamlets, index });
  return index;
}
