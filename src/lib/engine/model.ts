// The incremental coverage report: the planner calls it on every drag frame (the app
// runs it in a Web Worker). Package data is indexed once; a scenario cell's add, move or
// remove updates only the points and uniform-model hamlets its old and new boxes meet.
import { contextFor, type PackageContext } from './context.ts';
import { CoverageState } from './coverage-state.ts';
import { onAirItems, packageItems, packageTerrain, scenarioItem, SHARE_KEYS, type CoverItem, type PackageItem } from './items.ts';
import type { Terrain } from './propagation/terrain/index.ts';
import { assembleReport, type ComputeOptions } from './report.ts';
import type { Cell, DataPackage, Report } from './types.ts';

export class CoverageModel {
  private readonly ctx: PackageContext;
  private readonly packageItems: readonly PackageItem[];
  /** The package's DEM for scenario cells' prediction; null without dem.tif. */
  private readonly terrain: Terrain | null;
  private readonly scenario = new Map<string, { cell: Cell; item: CoverItem }>();
  private year: number | null;
  private state: CoverageState;

  constructor(pkg: DataPackage, opts: ComputeOptions) {
    this.ctx = contextFor(pkg);
    this.packageItems = packageItems(pkg);
    this.terrain = packageTerrain(pkg);
    this.year = opts.year;
    for (const cell of opts.extraCells ?? []) this.scenario.set(this.freeId(cell.id), { cell, item: scenarioItem(cell, this.terrain) });
    this.state = this.rebuild();
  }

  /** Views the network as of the end of `year` (null: on-air only); recomputes everything. */
  setYear(year: number | null): void {
    if (year === this.year) return;
    this.year = year;
    this.state = this.rebuild();
  }

  /**
   * Adds a scenario cell; it counts as on air whatever its status. Throws, leaving the
   * model as it was, if its id is taken or a field is out of range (the message names it).
   */
  addCell(cell: Cell): void {
    const id = this.freeId(cell.id);
    const item = scenarioItem(cell, this.terrain);
    this.state.add(item);
    this.scenario.set(id, { cell, item });
  }

  /** Moves scenario cell `id` to [lon, lat] (degrees); an unusable position throws and leaves the cell where it was. */
  moveCell(id: string, lon: number, lat: number): void {
    const entry = this.scenarioCell(id);
    const cell = { ...entry.cell, lon, lat };
    const item = scenarioItem(cell, this.terrain);
    this.state.remove(entry.item);
    this.state.add(item);
    this.scenario.set(id, { cell, item });
  }

  /** Removes scenario cell `id`. */
  removeCell(id: string): void {
    this.state.remove(this.scenarioCell(id).item);
    this.scenario.delete(id);
  }

  /** The scenario cells now in the model, in the order they were added. */
  cells(): Cell[] {
    return [...this.scenario.values()].map((e) => e.cell);
  }

  /**
   * Whether each population point (by its index in the package context) is covered for
   * `share` in the current year and scenario: what the report counted, with no geometry.
   */
  pointCovered(share: (typeof SHARE_KEYS)[number]): (k: number) => boolean {
    const s = SHARE_KEYS.indexOf(share);
    const state = this.state;
    return (k) => state.pointCovered(k, s);
  }

  /** The report for the current year and scenario; equals computeReport of the same options. */
  report(): Report {
    return assembleReport(this.ctx, this.state, this.year);
  }

  private rebuild(): CoverageState {
    const scenarioItems = [...this.scenario.values()].map((e) => e.item);
    return new CoverageState(this.ctx, onAirItems(this.packageItems, this.year, scenarioItems), { incremental: true });
  }

  private freeId(id: string): string {
    if (this.scenario.has(id)) throw new Error(`scenario cell ${id}: id is already in use`);
    return id;
  }

  private scenarioCell(id: string): { cell: Cell; item: CoverItem } {
    const entry = this.scenario.get(id);
    if (!entry) throw new Error(`scenario cell ${id}: no such scenario cell (only added cells can move or be removed)`);
    return entry;
  }
}
