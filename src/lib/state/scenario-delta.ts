// What a scenario changes against the network without candidates: people newly covered per
// technology, hamlets that cross the coverage threshold, targets that turn met. Pure.
import { COMPARE_TOLERANCE } from '../engine/status.ts';
import type { Report, TargetReport } from '../engine/types.ts';

/** Shares whose gain the planner reports, in people. */
export const DELTA_SHARES = ['4g', '5g', 'mobile_bb'] as const;
export type DeltaShare = (typeof DELTA_SHARES)[number];

export interface ScenarioDelta {
  /** People newly covered (census-weighted, may be fractional). */
  people: Record<DeltaShare, number>;
  /** Hamlets now at or over the threshold that were under it, per share. */
  hamletsCrossing: Record<'5g' | 'mobile_bb', Array<{ id: string; name: string; before: number; after: number }>>;
  /** Targets met with the candidates and not without them. */
  targetsNowMet: TargetReport[];
}

const METRIC_OF: Record<DeltaShare, 'pop_share.4g' | 'pop_share.5g' | 'pop_share.mobile_bb'> = {
  '4g': 'pop_share.4g',
  '5g': 'pop_share.5g',
  mobile_bb: 'pop_share.mobile_bb',
};

/** The change from `baseline` (no candidates) to `current`, for one year; `threshold` is the area's hamlet coverage threshold. */
export function scenarioDelta(baseline: Report, current: Report, threshold: number): ScenarioDelta {
  const people = {} as Record<DeltaShare, number>;
  for (const key of DELTA_SHARES) {
    people[key] = ((current.metrics[METRIC_OF[key]] ?? 0) - (baseline.metrics[METRIC_OF[key]] ?? 0)) * current.population;
  }
  const crossing = (key: '5g' | 'mobile_bb') =>
    current.hamlets.flatMap((h, i) => {
      const before = baseline.hamlets[i]?.share[key] ?? 0;
      const after = h.share[key] ?? 0;
      const over = (v: number) => v >= threshold - COMPARE_TOLERANCE;
      return !over(before) && over(after) ? [{ id: h.id, name: h.name, before, after }] : [];
    });
  return {
    people,
    hamletsCrossing: { '5g': crossing('5g'), mobile_bb: crossing('mobile_bb') },
    targetsNowMet: current.targets.filter((t, i) => t.met === true && baseline.targets[i]?.met !== true),
  };
}
