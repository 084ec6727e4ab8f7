// Figures reported in earlier periods (history.csv) next to today's: the quarterly report
// shows, for each target metric, the change since the last period reported before the
// report's own quarter.
import { COMPARE_TOLERANCE } from './status.ts';
import type { HistoryRow, Metric } from './types.ts';

const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4]))?$/;

/** A period "2026-Q2" or "2026" as year and quarter (null for a whole year); null when it is neither. */
export function parsePeriod(period: string): { year: number; quarter: number | null } | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  return { year: Number(match[1]), quarter: match[2] === undefined ? null : Number(match[2]) };
}

/** The day after a period ends (UTC midnight): 2026-Q2 → 2026-07-01, 2026 → 2027-01-01. */
function periodEndExclusive(period: string): number | null {
  const parsed = parsePeriod(period);
  if (!parsed) return null;
  return Date.UTC(parsed.year, (parsed.quarter ?? 4) * 3, 1);
}

/** The first day (UTC midnight) of the quarter `asOf` falls in. */
function quarterStart(asOf: Date): number {
  return Date.UTC(asOf.getUTCFullYear(), Math.floor(asOf.getUTCMonth() / 3) * 3, 1);
}

/**
 * The latest figure for `metric` whose period ended before the quarter of `asOf` began;
 * null when there is none. A quarter and a year that end on the same day (2026-Q4 and
 * 2026) tie; the quarter wins, being the finer figure.
 */
export function previousFigure(history: readonly HistoryRow[], metric: Metric, asOf: Date): HistoryRow | null {
  const before = quarterStart(asOf);
  let best: { row: HistoryRow; end: number } | null = null;
  for (const row of history) {
    if (row.metric !== metric) continue;
    const end = periodEndExclusive(row.period);
    if (end === null || end > before) continue;
    const finer = best !== null && end === best.end && parsePeriod(row.period)?.quarter !== null;
    if (best === null || end > best.end || finer) best = { row, end };
  }
  return best?.row ?? null;
}

export interface MetricChange {
  /** The earlier figure compared with. */
  previous: HistoryRow;
  /** actual − previous in percentage points; null when today's figure is unknown. */
  changePp: number | null;
}

/** Today's value of `metric` against the previous period's figure (see previousFigure); null when there is none. */
export function changeSincePrevious(
  history: readonly HistoryRow[],
  metric: Metric,
  actual: number | null,
  asOf: Date,
): MetricChange | null {
  const previous = previousFigure(history, metric, asOf);
  if (!previous) return null;
  if (actual === null) return { previous, changePp: null };
  const diff = actual - previous.value;
  // Float noise around "no change" reads as exactly 0, not as −0.0000000001 points.
  return { previous, changePp: Math.abs(diff) <= COMPARE_TOLERANCE ? 0 : diff * 100 };
}
