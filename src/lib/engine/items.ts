// Everything that covers people, in one form: cells, fiber access points and carrier
// coverage polygons, each tagged with the technology layers it adds to. The shares
// (4g, 5g, mobile_bb, fiber, fiber_1g) are unions over layers of these items.
import type { Paths64 } from 'clipper2-ts';
import { isOnAir } from './active.ts';
import { cellShape, discShape, type BBox, type CellShape } from './cell-shape.ts';
import { projectGeometry } from './clip.ts';
import { shapeFootprint } from './footprint.ts';
import { flattenPolygon, type FlatPolygon } from './point-in-polygon.ts';
import type { EqualAreaProjection } from './projection.ts';
import { terrainFor, type Terrain } from './propagation/terrain/index.ts';
import { assertScenarioCell } from './scenario-cell.ts';
import type { AccessPoint, Cell, CoverageArea, DataPackage, HamletGeometry, Status } from './types.ts';

export const LAYER_4G = 1;
export const LAYER_5G = 2;
export const LAYER_FIBER = 4;
export const LAYER_FIBER_1G = 8;
/** Item layers, in the order of per-point count arrays. */
export const LAYER_BITS = [LAYER_4G, LAYER_5G, LAYER_FIBER, LAYER_FIBER_1G] as const;

/** The shares a report gives per hamlet, in the report's order. */
export const SHARE_KEYS = ['4g', '5g', 'mobile_bb', 'fiber', 'fiber_1g'] as const;
/** An item counts towards share SHARE_KEYS[i] when its layers meet SHARE_MASKS[i]. */
export const SHARE_MASKS = [LAYER_4G, LAYER_5G, LAYER_4G | LAYER_5G, LAYER_FIBER, LAYER_FIBER_1G] as const;

/** Fiber of at least this speed counts as fiber_1g, Mb/s. */
export const GIGABIT_MBPS = 1000;

export class CoverItem {
  private footprintCache: HamletGeometry | null = null;
  private pathsCache: { projection: EqualAreaProjection; paths: Paths64 } | null = null;

  private constructor(
    /** Unique among items: kind prefix + source id. */
    readonly key: string,
    readonly carrier: string,
    /** Bitmask of LAYER_* this item covers. */
    readonly layers: number,
    readonly bbox: BBox,
    /** Reach shape for cells and access points; null for polygons. */
    readonly shape: CellShape | null,
    /** Flattened geometry for point tests; null for shapes. */
    readonly polygon: FlatPolygon | null,
    sourceGeometry: HamletGeometry | null,
  ) {
    this.footprintCache = sourceGeometry;
  }

  static fromCell(cell: Cell, keyPrefix: string, terrain: Terrain | null): CoverItem {
    const shape = cellShape(cell, terrain);
    return new CoverItem(`${keyPrefix}${cell.id}`, cell.carrier, cell.tech === '5G' ? LAYER_5G : LAYER_4G, shape.bbox, shape, null, null);
  }

  static fromAccessPoint(ap: AccessPoint): CoverItem {
    const shape = discShape([ap.lon, ap.lat], ap.reach_m);
    return new CoverItem(`ap:${ap.id}`, ap.carrier, fiberLayers(ap.max_mbps), shape.bbox, shape, null, null);
  }

  static fromCoverage(area: CoverageArea): CoverItem {
    const layers = area.tech === 'fiber' ? fiberLayers(area.max_mbps) : area.tech === '5G' ? LAYER_5G : LAYER_4G;
    const polygon = flattenPolygon(area.geometry);
    return new CoverItem(`coverage:${area.id}`, area.carrier, layers, polygon.bbox, null, polygon, area.geometry);
  }

  /** The covered area in lon/lat (drawn on first use: most items never need it). */
  get geometry(): HamletGeometry {
    if (!this.footprintCache && this.shape) this.footprintCache = shapeFootprint(this.shape);
    return this.footprintCache as HamletGeometry;
  }

  /** The covered area as Clipper paths in `projection` (cached for the last projection used). */
  paths(projection: EqualAreaProjection): Paths64 {
    if (this.pathsCache?.projection !== projection) this.pathsCache = { projection, paths: projectGeometry(this.geometry, projection) };
    return this.pathsCache.paths;
  }
}

function fiberLayers(maxMbps: number | null): number {
  return maxMbps !== null && maxMbps >= GIGABIT_MBPS ? LAYER_FIBER | LAYER_FIBER_1G : LAYER_FIBER;
}

/** Key prefixes keep scenario cells apart from package cells that share an id. */
const PACKAGE_CELL_PREFIX = 'cell:';
const SCENARIO_CELL_PREFIX = 'scenario:';

/** A scenario cell as an item, on air whatever its status (over `terrain` when the package has a DEM); throws a RangeError naming the cell and field when it cannot be computed. */
export function scenarioItem(cell: Cell, terrain: Terrain | null): CoverItem {
  assertScenarioCell(cell);
  return CoverItem.fromCell(cell, SCENARIO_CELL_PREFIX, terrain);
}

/** The package's terrain for prediction; null without dem.tif. */
export function packageTerrain(pkg: DataPackage): Terrain | null {
  return pkg.dem ? terrainFor(pkg.dem) : null;
}

/** An item of the package with the status fields that decide when it is on air. */
export interface PackageItem {
  item: CoverItem;
  status: Status;
  on_air_year: number | null;
}

const itemsByPackage = new WeakMap<DataPackage, readonly PackageItem[]>();

/** Every cell, access point and coverage polygon of the package as an item, on air or not; built once per package, so footprints and projected paths are computed once. */
export function packageItems(pkg: DataPackage): readonly PackageItem[] {
  let items = itemsByPackage.get(pkg);
  if (!items) {
    items = buildPackageItems(pkg);
    itemsByPackage.set(pkg, items);
  }
  return items;
}

function buildPackageItems(pkg: DataPackage): PackageItem[] {
  const terrain = packageTerrain(pkg);
  return [
    ...pkg.cells.map((c) => ({ item: CoverItem.fromCell(c, PACKAGE_CELL_PREFIX, terrain), status: c.status, on_air_year: c.on_air_year })),
    ...pkg.accessPoints.map((a) => ({ item: CoverItem.fromAccessPoint(a), status: a.status, on_air_year: a.on_air_year })),
    ...pkg.coverage.map((c) => ({ item: CoverItem.fromCoverage(c), status: c.status, on_air_year: c.on_air_year })),
  ];
}

/** The items on air at the end of `year`, plus scenario cells (on air whatever their status). */
export function onAirItems(all: readonly PackageItem[], year: number | null, scenario: Iterable<CoverItem>): CoverItem[] {
  return [...all.filter((p) => isOnAir(p, year)).map((p) => p.item), ...scenario];
}

/** The items on air at the end of `year` (null: on-air only), plus `extraCells` as scenario cells. */
export function networkItems(pkg: DataPackage, year: number | null, extraCells: readonly Cell[] = []): CoverItem[] {
  const terrain = packageTerrain(pkg);
  return onAirItems(packageItems(pkg), year, extraCells.map((c) => scenarioItem(c, terrain)));
}

/** Whether the package says anything about fiber; without it fiber shares are unknown (null). */
export function hasFiberData(pkg: DataPackage): boolean {
  return pkg.accessPoints.length > 0 || pkg.coverage.some((c) => c.tech === 'fiber');
}
