// Who a new site could serve: the people and priority places that the fixed network (on
// air, planned by the year viewed, and the scenario's candidates; every carrier) leaves
// uncovered for one technology. Each demand point weighs its people, census-scaled as the
// report counts them, so covering it adds exactly that much to Σ share × population:
// - a settlement point of a point-model hamlet h weighs pop(point) / Σ pop(points of h) × pop(h);
// - a uniform-model hamlet is sampled on a square grid (at most MAX_SAMPLES_PER_HAMLET
//   points, at least MIN_SAMPLE_SPACING_M apart), each sample weighing pop(h) / samples
//   (an approximation of area(h ∩ coverage) / area(h): README.md, Limits);
// - a priority place (pois.geojson) weighs no people; the objective adds a weight for it.
import type { PackageContext } from '../context.ts';
import type { CoverItem } from '../items.ts';
import { forEachCoveredPoint } from '../point-cover.ts';
import { containsPoint } from '../point-in-polygon.ts';
import type { PopulationIndex } from '../population.ts';
import { PointGrid } from '../spatial-index.ts';

/** A uniform-model hamlet gets at most this many sample points… */
export const MAX_SAMPLES_PER_HAMLET = 1000;
/** …and its samples are at least this far apart, metres. */
export const MIN_SAMPLE_SPACING_M = 25;

/** The demand points a suggestion may newly cover, in the storage order of `index`. */
export interface Demand {
  /** The points as an index forEachCoveredPoint can search. */
  index: PopulationIndex;
  /** People at each point (census-scaled); 0 for a priority place. */
  people: Float64Array;
  /** 1 for a priority place, 0 for people. */
  priority: Uint8Array;
}

/**
 * Points at (lon, lat) as a PopulationIndex; its `source` (storage position → input
 * position) carries other per-point values along. forEachCoveredPoint skips points whose
 * hamlet is −1; every demand point counts, so all are given hamlet 0.
 */
function pointIndex(lon: ArrayLike<number>, lat: ArrayLike<number>, people: ArrayLike<number>): PopulationIndex {
  const grid = new PointGrid(lon, lat);
  const n = grid.order.length;
  const pop = new Float64Array(n);
  for (let k = 0; k < n; k++) pop[k] = people[grid.order[k] as number] as number;
  return { lon: grid.lon, lat: grid.lat, pop, source: grid.order, hamlet: new Int32Array(n), hamletWeight: Float64Array.of(0), grid };
}

/** Sample points of uniform-model hamlet h: centres of a square grid in the package's equal-area plane that fall inside it. */
function uniformSamples(ctx: PackageContext, h: number): Array<[number, number]> {
  const polygon = ctx.hamletPolygons[h];
  if (!polygon) return [];
  const spacingM = Math.max(MIN_SAMPLE_SPACING_M, Math.sqrt(ctx.hamletAreaM2(h) / MAX_SAMPLES_PER_HAMLET));
  const [west, south, east, north] = polygon.bbox;
  const p = ctx.projection;
  // The plane is cylindrical: x depends on lon only and y on lat only, so the box maps to a box.
  const x0 = p.x(west), x1 = p.x(east), y0 = p.y(south), y1 = p.y(north);
  const out: Array<[number, number]> = [];
  for (let y = y0 + spacingM / 2; y < y1; y += spacingM) {
    for (let x = x0 + spacingM / 2; x < x1; x += spacingM) {
      const [lon, lat] = p.inverse(x, y);
      if (containsPoint(polygon, lon, lat)) out.push([lon, lat]);
    }
  }
  // A sliver thinner than the spacing still holds its people: put them on a vertex.
  const first = ctx.pkg.hamlets[h]?.geometry;
  const vertex = first?.type === 'Polygon' ? first.coordinates[0]?.[0] : first?.coordinates[0]?.[0]?.[0];
  if (out.length === 0 && vertex) out.push([vertex[0] as number, vertex[1] as number]);
  return out;
}

/**
 * Builds the demand in steps: every person and priority place first, then one fixed item
 * at a time marks what it covers (so a long build can yield), then the uncovered remain.
 */
export class DemandBuilder {
  private readonly all: PopulationIndex;
  private readonly people: Float64Array;
  private readonly priority: Uint8Array;
  private readonly covered: Uint8Array;
  private nextItem = 0;

  constructor(
    ctx: PackageContext,
    /** Items of the fixed network that count for the technology (their layers meet it). */
    private readonly fixedItems: readonly CoverItem[],
  ) {
    const lon: number[] = [];
    const lat: number[] = [];
    const people: number[] = [];
    const priority: number[] = [];
    const add = (x: number, y: number, p: number, isPriority: boolean) => {
      lon.push(x);
      lat.push(y);
      people.push(p);
      priority.push(isPriority ? 1 : 0);
    };
    const pop = ctx.population;
    for (let k = 0; k < pop.pop.length; k++) {
      const h = pop.hamlet[k] as number;
      if (h < 0 || !ctx.usesPoints(h)) continue;
      const census = ctx.pkg.hamlets[h]?.population ?? 0;
      add(pop.lon[k] as number, pop.lat[k] as number, ((pop.pop[k] as number) / (pop.hamletWeight[h] as number)) * census, false);
    }
    ctx.pkg.hamlets.forEach((hamlet, h) => {
      if (ctx.usesPoints(h) || hamlet.population <= 0) return;
      const samples = uniformSamples(ctx, h);
      for (const [x, y] of samples) add(x, y, hamlet.population / samples.length, false);
    });
    for (const poi of ctx.pkg.pois) add(poi.lon, poi.lat, 0, true);
    const index = pointIndex(lon, lat, people);
    this.all = index;
    this.people = index.pop;
    this.priority = Uint8Array.from(index.source, (i) => priority[i] as number);
    this.covered = new Uint8Array(index.source.length);
  }

  /** Fixed items still to apply. */
  get remaining(): number {
    return this.fixedItems.length - this.nextItem;
  }

  /** Marks the points the next fixed item covers; false when none is left. */
  applyNext(): boolean {
    const item = this.fixedItems[this.nextItem];
    if (!item) return false;
    this.nextItem++;
    const covered = this.covered;
    forEachCoveredPoint(item, this.all, (k) => (covered[k] = 1), (k) => covered[k] === 1);
    return true;
  }

  /** The points no fixed item covers (call after every item is applied). */
  finish(): Demand {
    const lon: number[] = [];
    const lat: number[] = [];
    const people: number[] = [];
    const priority: number[] = [];
    for (let k = 0; k < this.covered.length; k++) {
      if (this.covered[k]) continue;
      lon.push(this.all.lon[k] as number);
      lat.push(this.all.lat[k] as number);
      people.push(this.people[k] as number);
      priority.push(this.priority[k] as number);
    }
    const index = pointIndex(lon, lat, people);
    return { index, people: index.pop, priority: Uint8Array.from(index.source, (i) => priority[i] as number) };
  }
}
