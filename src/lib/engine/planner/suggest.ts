// "Suggest N sites": greedy maximal coverage of the people (and, weighted, the priority
// places) that the fixed network leaves uncovered for one technology. Work is split into
// small units so a worker can run it in time slices, report progress and be cancelled:
// (1) the fixed network marks what it covers, one item per unit; (2) the locations are
// listed; (3) each location's coverage set is computed once, one location per unit;
// (4) lazy greedy picks the sites, one per unit. README.md beside this file explains the
// method and its limits.
import { cellShape } from '../cell-shape.ts';
import { contextFor, type PackageContext } from '../context.ts';
import { LAYER_4G, LAYER_5G, networkItems, packageTerrain, scenarioItem } from '../items.ts';
import { forEachCoveredPoint } from '../point-cover.ts';
import type { Terrain } from '../propagation/terrain/index.ts';
import type { Cell, DataPackage, Tech } from '../types.ts';
import { DemandBuilder, type Demand } from './demand.ts';
import { LazyGreedy } from './greedy.ts';
import { DEFAULT_GRID_SPACING_M, gridLocations, MIN_GRID_SPACING_M, placeLocations, type Location } from './locations.ts';
import { PlacedCover } from './placed-cover.ts';
import { assertTemplate, cappedHeightM, templateCells, type CandidateTemplate } from './template.ts';

export type { CandidateTemplate } from './template.ts';
export { DEFAULT_GRID_SPACING_M } from './locations.ts';

export interface SuggestOptions {
  tech: Tech;
  carrier: string;
  /** How many sites to suggest. */
  count: number;
  /** Network viewed: on air plus planned up to the end of this year; null: on air only. */
  year: number | null;
  /** People-equivalents added per newly covered priority place (pois); 0 = none. */
  priorityWeight: number;
  /** The cell(s) placed at each location; its tech and carrier must be the options'. */
  template: CandidateTemplate;
  /** Spacing of the fallback grid (no candidates.geojson), metres; default DEFAULT_GRID_SPACING_M (250). */
  gridSpacingM?: number;
}

export interface Suggestion {
  /** 1 for the first pick. */
  rank: number;
  lon: number;
  lat: number;
  /** The candidate place (candidates.geojson); null for a grid location. */
  placeId: string | null;
  placeName: string | null;
  /** The place's max_height_m (the cells' height is capped by it); null on the grid. */
  maxHeightM: number | null;
  /** People newly covered by this site, given the fixed network and the sites ranked before it. */
  marginalPeople: number;
  /** Priority places newly covered by this site. */
  marginalPriority: number;
  /** People newly covered by this site and those ranked before it. */
  cumulativePeople: number;
  /** The site's cells: ids `sug-<rank>-<k>` (omni: `sug-<rank>`), site_id `sug-<rank>`, status candidate. */
  cells: Cell[];
}

/** What a run looked at, for benchmarks and the README. */
export interface SuggestStats {
  /** Demand points left uncovered by the fixed network (people and priority places). */
  demandPoints: number;
  /** 'places' (candidates.geojson) or 'grid'. */
  source: 'places' | 'grid';
  /** Grid cells holding uncovered demand before pruning (0 for places). */
  populatedCells: number;
  /** Locations whose coverage set was computed. */
  locations: number;
  /** Marginal-gain evaluations by the lazy greedy, the initial one per location included. */
  evaluations: number;
}

type Phase = 'fixed' | 'sets' | 'greedy' | 'done';

/** Share of the progress bar each phase fills: sets dominate the work. */
const FIXED_SHARE = 0.2;
const SETS_SHARE = 0.75;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Throws a RangeError naming the option when one cannot be used. */
function assertOptions(opts: SuggestOptions): void {
  if (opts.tech !== '4G' && opts.tech !== '5G') throw new RangeError(`suggest: tech: got ${String(opts.tech)}; expected "4G" or "5G"`);
  if (!Number.isInteger(opts.count) || opts.count < 1) throw new RangeError(`suggest: count: got ${String(opts.count)}; expected a whole number of sites ≥ 1`);
  if (opts.year !== null && !Number.isInteger(opts.year)) throw new RangeError(`suggest: year: got ${String(opts.year)}; expected a year, or null for the network on air`);
  if (!isFiniteNumber(opts.priorityWeight) || opts.priorityWeight < 0) {
    throw new RangeError(`suggest: priorityWeight: got ${String(opts.priorityWeight)}; expected people-equivalents ≥ 0 per priority place`);
  }
  const spacing = opts.gridSpacingM;
  if (spacing !== undefined && (!isFiniteNumber(spacing) || spacing < MIN_GRID_SPACING_M)) {
    throw new RangeError(`suggest: gridSpacingM: got ${String(spacing)}; expected metres ≥ ${MIN_GRID_SPACING_M}`);
  }
  if (opts.template.tech !== opts.tech || opts.template.carrier !== opts.carrier) {
    throw new RangeError(`suggest: template is ${opts.template.tech} of ${opts.template.carrier}; expected the options' ${opts.tech} of ${opts.carrier}`);
  }
  assertTemplate(opts.template);
}

export class Suggester {
  private readonly ctx: PackageContext;
  private readonly builder: DemandBuilder;
  private readonly fixedItemCount: number;
  private phase: Phase = 'fixed';
  private demand: Demand | null = null;
  private weight = new Float64Array(0);
  private locations: Location[] = [];
  private source: SuggestStats['source'] = 'places';
  private populatedCells = 0;
  private readonly sets: Uint32Array[] = [];
  private greedy: LazyGreedy | null = null;
  private readonly picks: Suggestion[] = [];
  private readonly problems: string[] = [];
  private readonly placed = new PlacedCover();
  private readonly terrain: Terrain | null;

  /** `fixedExtraCells`: the scenario's current candidates, counted as on air like the package's network. Throws a RangeError naming a bad option. */
  constructor(
    pkg: DataPackage,
    private readonly opts: SuggestOptions,
    fixedExtraCells: Cell[],
  ) {
    assertOptions(opts);
    this.ctx = contextFor(pkg);
    // Over a DEM a predicted reach depends on where the site stands: each location is then
    // predicted on its own terrain instead of moving one flat shape around.
    this.terrain = opts.template.range_m === null ? packageTerrain(pkg) : null;
    const layer = opts.tech === '5G' ? LAYER_5G : LAYER_4G;
    // Coverage is the union over carriers: any carrier's item of this technology counts.
    const fixed = networkItems(pkg, opts.year, fixedExtraCells).filter((item) => (item.layers & layer) !== 0);
    this.fixedItemCount = fixed.length;
    this.builder = new DemandBuilder(this.ctx, fixed);
  }

  /** Does work until `deadlineMs` (performance.now()-style clock) passes, at least one unit; returns progress 0..1 and whether it is done. */
  step(deadlineMs: number): { done: boolean; progress: number } {
    do this.work();
    while (this.phase !== 'done' && performance.now() < deadlineMs);
    return { done: this.phase === 'done', progress: this.progress() };
  }

  /** The suggestions so far, best first (all of them once step() reports done). */
  result(): Suggestion[] {
    return [...this.picks];
  }

  /** Locations left out, each with the reason (e.g. a place too low for the template's predicted reach). */
  warnings(): string[] {
    return [...this.problems];
  }

  stats(): SuggestStats {
    return {
      demandPoints: this.demand?.people.length ?? 0,
      source: this.source,
      populatedCells: this.populatedCells,
      locations: this.sets.length,
      evaluations: this.greedy?.evaluations ?? 0,
    };
  }

  private work(): void {
    if (this.phase === 'fixed') {
      if (!this.builder.applyNext()) this.listLocations();
    } else if (this.phase === 'sets') {
      if (this.sets.length < this.locations.length) this.sets.push(this.coverageSet(this.sets.length));
      else {
        this.greedy = new LazyGreedy(this.sets, this.weight);
        this.phase = 'greedy';
      }
    } else if (this.phase === 'greedy') this.pickNext();
  }

  private progress(): number {
    switch (this.phase) {
      case 'fixed':
        return this.fixedItemCount === 0 ? 0 : FIXED_SHARE * (1 - this.builder.remaining / this.fixedItemCount);
      case 'sets':
        return FIXED_SHARE + SETS_SHARE * (this.locations.length === 0 ? 1 : this.sets.length / this.locations.length);
      case 'greedy':
        return FIXED_SHARE + SETS_SHARE + (1 - FIXED_SHARE - SETS_SHARE) * (this.picks.length / this.opts.count);
      case 'done':
        return 1;
    }
  }

  private listLocations(): void {
    const demand = this.builder.finish();
    this.demand = demand;
    const w = this.opts.priorityWeight;
    this.weight = demand.people.map((people, k) => people + w * (demand.priority[k] as number));
    const places = this.ctx.pkg.candidates;
    if (places.length > 0) {
      this.source = 'places';
      this.locations = placeLocations(places);
    } else {
      this.source = 'grid';
      const grid = gridLocations(demand, (k) => this.weight[k] as number, this.ctx.projection, this.opts.gridSpacingM ?? DEFAULT_GRID_SPACING_M, this.templateReachM());
      this.locations = grid.locations;
      this.populatedCells = grid.populatedCells;
    }
    this.phase = 'sets';
  }

  /** The template's farthest reach at the package's centre, metres (for ranking grid cells). */
  private templateReachM(): number {
    const [lon, lat] = this.ctx.projection.inverse(0, 0);
    const cells = templateCells(this.opts.template, { lon, lat, heightM: this.opts.template.height_m, name: 'reach' }, 0);
    return Math.max(...cells.map((c) => cellShape(c, this.terrain).maxReachM));
  }

  private cellsAt(location: Location, rank: number): Cell[] {
    const heightM = cappedHeightM(this.opts.template, location.maxHeightM);
    return templateCells(this.opts.template, { lon: location.lon, lat: location.lat, heightM, name: location.placeName ?? `sug-${rank}` }, rank);
  }

  /** The demand points the template covers at location i. */
  private coverageSet(i: number): Uint32Array {
    const location = this.locations[i] as Location;
    const demand = this.demand as Demand;
    const out: number[] = [];
    try {
      const cells = this.cellsAt(location, 0);
      if (this.terrain) {
        const seen = new Set<number>();
        for (const cell of cells) forEachCoveredPoint(scenarioItem(cell, this.terrain), demand.index, (k) => seen.add(k));
        out.push(...seen);
      } else this.placed.forEachCovered(cells, demand.index, (k) => out.push(k));
    } catch (err) {
      // A place's height cap can leave the predicted reach without a valid input: leave the
      // place out, and say so, rather than fail the whole search.
      const where = location.placeId === null ? `grid location ${location.lon.toFixed(6)}, ${location.lat.toFixed(6)}` : `candidates.geojson place ${location.placeId}`;
      this.problems.push(`${where}: left out: ${(err as Error).message}`);
      return new Uint32Array(0);
    }
    return Uint32Array.from(out);
  }

  private pickNext(): void {
    const pick = this.picks.length < this.opts.count ? (this.greedy as LazyGreedy).next() : null;
    if (!pick) {
      this.phase = 'done';
      return;
    }
    const demand = this.demand as Demand;
    let people = 0;
    let priority = 0;
    for (const k of pick.newlyCovered) {
      people += demand.people[k] as number;
      priority += demand.priority[k] as number;
    }
    const location = this.locations[pick.location] as Location;
    const rank = this.picks.length + 1;
    this.picks.push({
      rank,
      lon: location.lon,
      lat: location.lat,
      placeId: location.placeId,
      placeName: location.placeName,
      maxHeightM: location.maxHeightM,
      marginalPeople: people,
      marginalPriority: priority,
      cumulativePeople: (this.picks.at(-1)?.cumulativePeople ?? 0) + people,
      cells: this.cellsAt(location, rank),
    });
    if (this.picks.length === this.opts.count) this.phase = 'done';
  }
}
