// The coverage report of a package (spec: report.md): per-hamlet shares, commune
// metrics and plan targets, computed in one pass from scratch. CoverageModel (model.ts)
// gives the same report incrementally.
import { contextFor, type PackageContext } from './context.ts';
import { CoverageState } from './coverage-state.ts';
import { networkItems, SHARE_KEYS } from './items.ts';
import { computeMetrics } from './metrics.ts';
import { evaluateTargets } from './targets.ts';
import type { Cell, DataPackage, HamletShares, Report } from './types.ts';

export interface ComputeOptions {
  /** View the network as of the end of this year; null: on-air items only. */
  year: number | null;
  /** Scenario cells (candidates), counted as on air whatever their status. */
  extraCells?: Cell[];
}

/** Assembles the report from a coverage state (shared by computeReport and CoverageModel). */
export function assembleReport(ctx: PackageContext, state: CoverageState, year: number | null): Report {
  const pkg = ctx.pkg;
  const hamletShares: HamletShares[] = pkg.hamlets.map((_, h) => {
    const values = state.shares(h);
    const share = {} as HamletShares;
    SHARE_KEYS.forEach((key, k) => {
      const unknown = !ctx.fiberKnown && (key === 'fiber' || key === 'fiber_1g');
      share[key] = unknown ? null : (values[k] as number);
    });
    return share;
  });
  const metrics = computeMetrics(pkg, hamletShares);
  return {
    area: { id: pkg.area.id, name: pkg.area.name, sample: pkg.area.sample },
    year,
    population: pkg.hamlets.reduce((sum, h) => sum + h.population, 0),
    metrics,
    targets: evaluateTargets(pkg.targets, metrics),
    hamlets: pkg.hamlets.map((h, i) => ({ id: h.id, name: h.name, population: h.population, share: hamletShares[i] as HamletShares })),
  };
}

/** The full report for a package, as docs/report.md describes. */
export function computeReport(pkg: DataPackage, opts: ComputeOptions): Report {
  const ctx = contextFor(pkg);
  const state = new CoverageState(ctx, networkItems(pkg, opts.year, opts.extraCells), { incremental: false });
  return assembleReport(ctx, state, opts.year);
}
