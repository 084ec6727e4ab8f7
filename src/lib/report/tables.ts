// What the Markdown and HTML reports lay out the same way: targets grouped by deadline
// year, the commune's shares as a hamlet-table total row, the technologies a hamlet
// falls short of the coverage threshold for, and the change since the last period.
import { changeSincePrevious, type MetricChange } from '../engine/history.ts';
import { COMPARE_TOLERANCE, parseDeadline } from '../engine/status.ts';
import type { HamletShares, HistoryRow, Metric, Report, TargetReport } from '../engine/types.ts';
import type { ShareKey } from '../i18n/vocab.ts';

export const SHARE_COLUMNS: readonly ShareKey[] = ['4g', '5g', 'mobile_bb', 'fiber', 'fiber_1g'];
/** The technologies the plan counts hamlets for (hamlet_share.*), hence the ones marked. */
export const THRESHOLD_TECHS: readonly ShareKey[] = ['mobile_bb', 'fiber'];

function deadlineYear(target: TargetReport): string {
  return String(parseDeadline(target.deadline)?.year ?? target.deadline);
}

/** Targets grouped by deadline year in ascending order; each group keeps targets.json order. */
export function groupByDeadlineYear(targets: readonly TargetReport[]): Map<string, TargetReport[]> {
  const groups = new Map<string, TargetReport[]>();
  for (const year of [...new Set(targets.map(deadlineYear))].sort()) groups.set(year, []);
  for (const target of targets) groups.get(deadlineYear(target))?.push(target);
  return groups;
}

/** The technologies (of THRESHOLD_TECHS) whose share is below `threshold`; unknown (null) is not below. */
export function techsBelowThreshold(share: HamletShares, threshold: number): ShareKey[] {
  return THRESHOLD_TECHS.filter((tech) => {
    const value = share[tech];
    return value !== null && value < threshold - COMPARE_TOLERANCE;
  });
}

/** The commune's population shares in the shape of a hamlet's, for the table's total row. */
export function communeShares(report: Report): HamletShares {
  const m = report.metrics;
  return {
    '4g': m['pop_share.4g'],
    '5g': m['pop_share.5g'],
    mobile_bb: m['pop_share.mobile_bb'],
    fiber: m['pop_share.fiber'],
    fiber_1g: m['pop_share.fiber_1g'],
  };
}

export interface ChangeRow extends MetricChange {
  metric: Metric;
  actual: number | null;
}

/** For each metric some target uses (first-use order), today's figure against the last period before `asOf`'s quarter; metrics without an earlier figure are left out. */
export function targetMetricChanges(report: Report, history: readonly HistoryRow[], asOf: Date): ChangeRow[] {
  const metrics = [...new Set(report.targets.map((t) => t.metric))];
  return metrics.flatMap((metric) => {
    const actual = report.metrics[metric];
    const change = changeSincePrevious(history, metric, actual, asOf);
    return change ? [{ metric, actual, ...change }] : [];
  });
}
