// One population target's course over time, for the timeline's chart: the figures reported
// in past periods (history.csv), the figures the engine projects at the end of each plan
// year, the target line and its deadline, and the first year the projection meets it.
// Time is in years, where the end of year Y is Y and the end of quarter q of Y is Y - (4 - q) / 4.
import { parsePeriod } from '../engine/history.ts';
import { meetsTarget, parseDeadline } from '../engine/status.ts';
import type { HistoryRow, Report, Target } from '../engine/types.ts';

export interface TrajectoryPoint {
  /** End of the period, in years (see above). */
  t: number;
  /** A share, 0..1. */
  value: number;
  /** The period as written: "2025-Q4", "2027". */
  period: string;
}

export interface Trajectory {
  target: Target;
  past: TrajectoryPoint[];
  projected: TrajectoryPoint[];
  /** The deadline's end, in years; null when the deadline is not a quarter like 2026-Q4. */
  deadlineT: number | null;
  /** The first projected year whose figure meets the target; null when none does. */
  metYear: number | null;
  /** True when the projection meets the target by its deadline. */
  onTime: boolean;
}

/** The end of a period "2025-Q4" / "2025" or a deadline, in years; null when it is neither. */
export function periodEnd(period: string): number | null {
  const parsed = parsePeriod(period);
  if (!parsed) return null;
  return parsed.year - (4 - (parsed.quarter ?? 4)) / 4;
}

/** The targets the timeline charts: those on a share of the population. */
export function isPopulationTarget(target: Target): boolean {
  return target.metric.startsWith('pop_share.');
}

/** `target`'s trajectory from `history` and the engine's `reports` for `years` (same order). */
export function trajectory(target: Target, history: readonly HistoryRow[], years: readonly number[], reports: readonly Report[]): Trajectory {
  const past: TrajectoryPoint[] = [];
  for (const row of history) {
    const t = row.metric === target.metric ? periodEnd(row.period) : null;
    if (t !== null) past.push({ t, value: row.value, period: row.period });
  }
  past.sort((a, b) => a.t - b.t);
  const projected: TrajectoryPoint[] = [];
  years.forEach((year, i) => {
    const value = reports[i]?.metrics[target.metric];
    if (value !== null && value !== undefined) projected.push({ t: year, value, period: String(year) });
  });
  const met = projected.find((p) => meetsTarget(p.value, target.op, target.value));
  const deadline = parseDeadline(target.deadline);
  const deadlineT = deadline ? deadline.year - (4 - deadline.quarter) / 4 : null;
  const metYear = met ? met.t : null;
  return { target, past, projected, deadlineT, metYear, onTime: metYear !== null && deadlineT !== null && metYear <= deadlineT };
}
