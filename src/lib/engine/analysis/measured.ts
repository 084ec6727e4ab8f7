// Measured mobile speeds against the predicted mobile broadband share, per hamlet.
//
// Rule: a hamlet's mobile broadband is "usable" when the median download of its mobile
// speed tests is at least `usableMbps` (default 5 Mb/s, the speed the US FCC's Broadband
// Data Collection requires at the edge of a 4G LTE coverage map; Vietnam's QCVN
// 81:2019/BTTTT §2.1.5 has each carrier declare its own minimum instead, so a commune can
// pass that figure). The verdict needs at least `minSamples` tests (default 3): one or
// two tests say more about the phone and the hour than about the place.
//   predicted covered  = predicted share ≥ area.hamlet_coverage_threshold (1e-9 tolerance)
//   agree                      covered and usable, or neither
//   predicted_but_poor         covered but the median is below usable
//   measured_but_not_predicted not covered but the median is usable
//   no_data                    fewer than minSamples tests, or no predicted share
import { COMPARE_TOLERANCE } from '../status.ts';
import type { DataPackage, Report } from '../types.ts';
import { hamletLookup } from './hamlet-lookup.ts';
import { reportShares } from './report-shares.ts';

export type MeasuredVerdict = 'agree' | 'predicted_but_poor' | 'measured_but_not_predicted' | 'no_data';

export interface MeasuredVsPredicted {
  hamletId: string;
  /** Mobile speed tests inside the hamlet. */
  samples: number;
  /** Median download of those tests, Mb/s; null when there are none. */
  medianDownMbps: number | null;
  /** The report's mobile broadband share of the hamlet (0..1). */
  predictedShare: number | null;
  verdict: MeasuredVerdict;
}

export interface MeasuredOptions {
  /** Median download at or above which mobile broadband counts as usable, Mb/s (default 5). */
  usableMbps?: number;
  /** Tests a hamlet needs before it gets a verdict (default 3). */
  minSamples?: number;
}

export const DEFAULT_USABLE_MBPS = 5;
export const DEFAULT_MIN_SAMPLES = 3;

/** Median of a non-empty list (mean of the middle two for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Per hamlet: median measured mobile download speed vs predicted mobile broadband share, flagging disagreement. */
export function measuredVsPredicted(pkg: DataPackage, report: Report, opts: MeasuredOptions = {}): MeasuredVsPredicted[] {
  const usableMbps = opts.usableMbps ?? DEFAULT_USABLE_MBPS;
  const minSamples = opts.minSamples ?? DEFAULT_MIN_SAMPLES;
  const shares = reportShares(pkg, report);
  const lookup = hamletLookup(pkg.hamlets);
  const speeds: number[][] = pkg.hamlets.map(() => []);
  for (const test of pkg.speedtests) {
    if (test.kind !== 'mobile') continue;
    speeds[lookup.hamletAt([test.lon, test.lat])]?.push(test.down_mbps);
  }
  const threshold = pkg.area.hamlet_coverage_threshold;
  return pkg.hamlets.map((hamlet, h) => {
    const downs = speeds[h] as number[];
    const medianDownMbps = downs.length > 0 ? median(downs) : null;
    const predictedShare = shares[h]?.mobile_bb ?? null;
    let verdict: MeasuredVerdict = 'no_data';
    if (medianDownMbps !== null && predictedShare !== null && downs.length >= minSamples) {
      const covered = predictedShare >= threshold - COMPARE_TOLERANCE;
      const usable = medianDownMbps >= usableMbps;
      verdict = covered === usable ? 'agree' : covered ? 'predicted_but_poor' : 'measured_but_not_predicted';
    }
    return { hamletId: hamlet.id, samples: downs.length, medianDownMbps, predictedShare, verdict };
  });
}
