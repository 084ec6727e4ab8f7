// Priority places (commune HQ, schools, health stations…) and what covers each of them.
import { coverageAtPoints, type PointCoverage } from '../coverage-query.ts';
import type { ComputeOptions } from '../report.ts';
import type { DataPackage, LonLat, Poi } from '../types.ts';

/** Each priority place (pois) with whether 4G/5G/mobile broadband/fiber/fiber ≥ 1 Gb/s covers it. */
export function poiCoverage(pkg: DataPackage, opts: ComputeOptions): Array<{ poi: Poi; coverage: PointCoverage }> {
  if (pkg.pois.length === 0) return [];
  const points: LonLat[] = pkg.pois.map((poi) => [poi.lon, poi.lat]);
  const coverage = coverageAtPoints(pkg, opts, points);
  return pkg.pois.map((poi, i) => ({ poi, coverage: coverage[i] as PointCoverage }));
}
