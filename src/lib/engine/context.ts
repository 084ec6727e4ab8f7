// What stays fixed for a package whatever the year or scenario: the equal-area plane,
// hamlet polygons and their index, and the settlement points assigned to hamlets.
// Built once per package (contextFor) and shared by every computation on it: the report,
// the incremental model, the analyses and the drawn coverage.
import Flatbush from 'flatbush';
import { Clipper, type Paths64, type Rect64 } from 'clipper2-ts';
import type { BBox } from './cell-shape.ts';
import { pathsAreaM2, projectGeometry } from './clip.ts';
import { hasFiberData } from './items.ts';
import type { FlatPolygon } from './point-in-polygon.ts';
import { hamletPolygons, packagePopulationIndex, type PopulationIndex } from './population.ts';
import { EqualAreaProjection } from './projection.ts';
import type { DataPackage } from './types.ts';

export class PackageContext {
  readonly projection: EqualAreaProjection;
  readonly hamletPolygons: FlatPolygon[];
  readonly population: PopulationIndex;
  /** False when the package has no access point and no fiber polygon: fiber shares are unknown. */
  readonly fiberKnown: boolean;
  private readonly hamletIndex: Flatbush | null;
  private readonly hamletPathsCache: (Paths64 | null)[];
  private readonly hamletAreaCache: Float64Array;
  private readonly hamletBoundsCache: (Rect64 | null)[];

  constructor(readonly pkg: DataPackage) {
    this.hamletPolygons = hamletPolygons(pkg.hamlets);
    this.projection = projectionFor(pkg, this.hamletPolygons);
    this.population = packagePopulationIndex(pkg.population, pkg.hamlets);
    this.fiberKnown = hasFiberData(pkg);
    this.hamletPathsCache = pkg.hamlets.map(() => null);
    this.hamletAreaCache = new Float64Array(pkg.hamlets.length).fill(Number.NaN);
    this.hamletBoundsCache = pkg.hamlets.map(() => null);
    if (pkg.hamlets.length === 0) {
      this.hamletIndex = null;
      return;
    }
    this.hamletIndex = new Flatbush(pkg.hamlets.length);
    for (const { bbox } of this.hamletPolygons) this.hamletIndex.add(bbox[0], bbox[1], bbox[2], bbox[3]);
    this.hamletIndex.finish();
  }

  /**
   * Whether hamlet `h` uses the point model: it holds points of positive total weight and
   * has people (spec: a hamlet with population 0 counts in hamlet shares by area).
   */
  usesPoints(h: number): boolean {
    return (this.population.hamletWeight[h] as number) > 0 && (this.pkg.hamlets[h]?.population ?? 0) > 0;
  }

  /** Indices of the hamlets whose box meets `bbox`. */
  hamletsTouching(bbox: BBox): number[] {
    return this.hamletIndex ? this.hamletIndex.search(bbox[0], bbox[1], bbox[2], bbox[3]) : [];
  }

  /** Hamlet `h` as Clipper paths in the equal-area plane (projected on first use). */
  hamletPaths(h: number): Paths64 {
    let paths = this.hamletPathsCache[h];
    if (!paths) {
      const hamlet = this.pkg.hamlets[h];
      paths = hamlet ? projectGeometry(hamlet.geometry, this.projection) : [];
      this.hamletPathsCache[h] = paths;
    }
    return paths;
  }

  /** Box of hamlet `h` in the clipping plane (integer units, as its paths). */
  hamletBounds(h: number): Rect64 {
    let bounds = this.hamletBoundsCache[h];
    if (!bounds) {
      bounds = Clipper.getBoundsPaths(this.hamletPaths(h));
      this.hamletBoundsCache[h] = bounds;
    }
    return bounds;
  }

  /** Ellipsoidal area of hamlet `h`, square metres. */
  hamletAreaM2(h: number): number {
    let area = this.hamletAreaCache[h] as number;
    if (Number.isNaN(area)) {
      area = pathsAreaM2(this.hamletPaths(h));
      this.hamletAreaCache[h] = area;
    }
    return area;
  }
}

const contexts = new WeakMap<DataPackage, PackageContext>();

/** The package's context, built on first use and shared afterwards (a DataPackage is not mutated once loaded). */
export function contextFor(pkg: DataPackage): PackageContext {
  let ctx = contexts.get(pkg);
  if (!ctx) {
    ctx = new PackageContext(pkg);
    contexts.set(pkg, ctx);
  }
  return ctx;
}

/** The equal-area plane of a package: centred on the hamlets' extent (the cells' when there are no hamlets). */
function projectionFor(pkg: DataPackage, hamlets: readonly FlatPolygon[]): EqualAreaProjection {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const { bbox } of hamlets) {
    west = Math.min(west, bbox[0]);
    south = Math.min(south, bbox[1]);
    east = Math.max(east, bbox[2]);
    north = Math.max(north, bbox[3]);
  }
  for (const c of hamlets.length > 0 ? [] : pkg.cells) {
    west = Math.min(west, c.lon);
    south = Math.min(south, c.lat);
    east = Math.max(east, c.lon);
    north = Math.max(north, c.lat);
  }
  return new EqualAreaProjection(Number.isFinite(west) ? [(west + east) / 2, (south + north) / 2] : [0, 0]);
}
