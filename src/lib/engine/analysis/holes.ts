// Coverage holes: where people live without mobile broadband (4G or 5G).
// Point-model hamlets (with settlement points of positive weight) list their uncovered
// points, each weighted in people: the point's share of its hamlet's point weight times
// the hamlet's census population (spec: the census stays authoritative, points only say
// where people are). Uniform-model hamlets give their uncovered share, for the map to
// shade the part of the polygon no coverage reaches. Hamlets where nobody lives
// (population 0) have no holes.
import { contextFor } from '../context.ts';
import { coverageAtPoints } from '../coverage-query.ts';
import { LAYER_4G, LAYER_5G } from '../items.ts';
import type { ComputeOptions } from '../report.ts';
import { COMPARE_TOLERANCE } from '../status.ts';
import type { DataPackage, Hamlet, LonLat, Report } from '../types.ts';
import { reportShares } from './report-shares.ts';

export interface CoverageHoles {
  /** Uncovered settlement points of point-model hamlets; `pop` is in people (census-scaled). */
  points: Array<{ lon: number; lat: number; pop: number; hamletId: string }>;
  /** Uniform-model hamlets with people and some area uncovered: 1 − their mobile broadband share. */
  uniformHamlets: Array<{ hamletId: string; uncoveredShare: number }>;
  /** People without mobile broadband, over all hamlets. */
  uncoveredPopulation: number;
}

/**
 * Coverage holes: uncovered population points (people, hamlet id) and, for uniform-model
 * hamlets, the uncovered share; plus the uncovered people in total. `mobileCovered` says
 * whether point k (the package context's index) has mobile broadband, when a caller
 * already knows (CoverageModel.pointCovered); else each point is looked up.
 */
export function coverageHoles(pkg: DataPackage, opts: ComputeOptions, report: Report, mobileCovered?: (k: number) => boolean): CoverageHoles {
  const shares = reportShares(pkg, report);
  // The report's own split into point-model and uniform hamlets, so both count the same people.
  const ctx = contextFor(pkg);
  const population = ctx.population;

  const pointIds: number[] = [];
  for (let i = 0; i < population.hamlet.length; i++) {
    const h = population.hamlet[i] as number;
    if (h >= 0 && ctx.usesPoints(h)) pointIds.push(i);
  }
  const covered = mobileCovered ?? lookUpMobile(pkg, opts, pointIds, population);

  const points: CoverageHoles['points'] = [];
  let uncoveredPopulation = 0;
  pointIds.forEach((i) => {
    if (covered(i)) return;
    const h = population.hamlet[i] as number;
    const hamlet = pkg.hamlets[h] as Hamlet;
    const people = ((population.pop[i] as number) / (population.hamletWeight[h] as number)) * hamlet.population;
    points.push({ lon: population.lon[i] as number, lat: population.lat[i] as number, pop: people, hamletId: hamlet.id });
    uncoveredPopulation += people;
  });

  const uniformHamlets: CoverageHoles['uniformHamlets'] = [];
  pkg.hamlets.forEach((hamlet, h) => {
    const share = shares[h]?.mobile_bb ?? null;
    if (ctx.usesPoints(h) || hamlet.population === 0 || share === null) return;
    const uncoveredShare = Math.max(0, 1 - share);
    if (uncoveredShare <= COMPARE_TOLERANCE) return;
    uniformHamlets.push({ hamletId: hamlet.id, uncoveredShare });
    uncoveredPopulation += uncoveredShare * hamlet.population;
  });
  return { points, uniformHamlets, uncoveredPopulation };
}

/** Mobile broadband at each of the points `ids`, looked up in the network (mobile items only: a province's thousands of fiber discs are skipped). */
function lookUpMobile(pkg: DataPackage, opts: ComputeOptions, ids: number[], population: { lon: ArrayLike<number>; lat: ArrayLike<number> }): (k: number) => boolean {
  const lonLats = ids.map((i): LonLat => [population.lon[i] as number, population.lat[i] as number]);
  const coverage = lonLats.length > 0 ? coverageAtPoints(pkg, opts, lonLats, LAYER_4G | LAYER_5G) : [];
  const covered = new Set<number>();
  ids.forEach((i, k) => {
    if (coverage[k]?.mobile_bb) covered.add(i);
  });
  return (k) => covered.has(k);
}
