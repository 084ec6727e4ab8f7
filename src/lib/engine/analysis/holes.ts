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

/** Coverage holes: uncovered population points (people, hamlet id) and, for uniform-model hamlets, the uncovered share; plus the uncovered people in total. */
export function coverageHoles(pkg: DataPackage, opts: ComputeOptions, report: Report): CoverageHoles {
  const shares = reportShares(pkg, report);
  // The report's own split into point-model and uniform hamlets, so both count the same people.
  const ctx = contextFor(pkg);
  const population = ctx.population;

  const pointIds: number[] = [];
  for (let i = 0; i < population.hamlet.length; i++) {
    const h = population.hamlet[i] as number;
    if (h >= 0 && ctx.usesPoints(h)) pointIds.push(i);
  }
  const lonLats = pointIds.map((i): LonLat => [population.lon[i] as number, population.lat[i] as number]);
  // Only mobile items matter here: a province's thousands of fiber discs are not looked at.
  const coverage = lonLats.length > 0 ? coverageAtPoints(pkg, opts, lonLats, LAYER_4G | LAYER_5G) : [];

  const points: CoverageHoles['points'] = [];
  let uncoveredPopulation = 0;
  pointIds.forEach((i, k) => {
    if (coverage[k]?.mobile_bb) return;
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
