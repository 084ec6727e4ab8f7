// The engine behind the worker: loads a package, holds the incremental CoverageModel and
// answers with plain data. Kept apart from the worker's comlink wiring so the app state
// can be tested against the real engine in-process.
import { loadPackage } from '../data/load-package.ts';
import type { PackageSource } from '../data/source.ts';
import { formatProblem } from '../data/problems.ts';
import { CoverageModel } from '../engine/model.ts';
import type { DataPackage } from '../engine/types.ts';
import { packageFeatures } from '../map/features.ts';
import { computeOverlays, footprintFeatures, sectorGlyphFeatures } from './overlays.ts';
import { siteSignalImage, terrainHillshade } from './terrain.ts';
import type { EngineApi, PackageView } from './protocol.ts';

interface Loaded {
  pkg: DataPackage;
  model: CoverageModel;
  year: number | null;
}

function plannedYears(pkg: DataPackage): number[] {
  const years = new Set<number>();
  for (const item of [...pkg.cells, ...pkg.accessPoints, ...pkg.coverage]) {
    if (item.status === 'planned' && item.on_air_year !== null) years.add(item.on_air_year);
  }
  return [...years].sort((a, b) => a - b);
}

function viewOf(pkg: DataPackage, url: string, warnings: string[]): PackageView {
  const carriers = new Set([...pkg.cells.map((c) => c.carrier), ...pkg.accessPoints.map((a) => a.carrier)]);
  return {
    url,
    area: pkg.area,
    targets: pkg.targets,
    cells: pkg.cells,
    pois: pkg.pois,
    accessPoints: pkg.accessPoints,
    carriers: [...carriers].sort(),
    plannedYears: plannedYears(pkg),
    hasBasemap: pkg.hasBasemap,
    features: packageFeatures(pkg),
    footprints: footprintFeatures(pkg, warnings),
    sectors: sectorGlyphFeatures(pkg),
    hillshade: terrainHillshade(pkg),
  };
}

/** An engine answering EngineApi calls; `sourceFor` turns a package URL into its files. */
export function createEngineApi(sourceFor: (url: string) => PackageSource): EngineApi {
  let current: Loaded | null = null;
  const loaded = (): Loaded => {
    if (!current) throw new Error('No data package is open');
    return current;
  };
  return {
    async open(url) {
      current = null;
      const { pkg, problems } = await loadPackage(sourceFor(url));
      const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
      const warnings = problems.filter((p) => p.severity === 'warning').map(formatProblem);
      if (!pkg || errors.length > 0) {
        return { view: null, errors: errors.length > 0 ? errors : [`${url}: the package could not be read`], warnings };
      }
      const view = viewOf(pkg, url, warnings);
      current = { pkg, model: new CoverageModel(pkg, { year: null }), year: null };
      return { view, errors, warnings };
    },
    async setYear(year) {
      const l = loaded();
      l.model.setYear(year);
      l.year = year;
      return l.model.report();
    },
    async report() {
      return loaded().model.report();
    },
    async overlays() {
      const l = loaded();
      return computeOverlays(l.pkg, { year: l.year }, l.model.report());
    },
    async signal(siteId) {
      return siteSignalImage(loaded().pkg, siteId);
    },
  };
}
