// Where a plan target stands on a given day: met, not met (and by how many percentage
// points), overdue (its deadline quarter has ended and it is still not met), or unknown.
// The CLI report and the dashboard both word their verdicts from this.
import type { TargetOp, TargetReport } from './types.ts';

export type TargetStatusKind = 'met' | 'not_met' | 'overdue' | 'unknown';

export interface TargetStatus {
  kind: TargetStatusKind;
  /** How far below the target, in percentage points (> 0 is short); null when met or unknown. */
  gapPp: number | null;
}

/** Values within this of each other compare as equal (spec: data-package.md, Edge rules). */
export const COMPARE_TOLERANCE = 1e-9;

const DAY_MS = 86_400_000;
const DEADLINE_PATTERN = /^(\d{4})-Q([1-4])$/;

/** Whether `actual` (a fraction) satisfies `op value`, with the spec's 1e-9 tolerance. */
export function meetsTarget(actual: number, op: TargetOp, value: number): boolean {
  const diff = actual - value;
  return op === '>' ? diff > COMPARE_TOLERANCE : diff >= -COMPARE_TOLERANCE;
}

/** A deadline like "2026-Q4" split into year and quarter (1..4); null when it is not of that form. */
export function parseDeadline(deadline: string): { year: number; quarter: number } | null {
  const match = DEADLINE_PATTERN.exec(deadline);
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) };
}

/** The last day of a deadline quarter like "2026-Q4" (UTC midnight); throws on any other form. */
export function deadlineEnd(deadline: string): Date {
  const parsed = parseDeadline(deadline);
  if (!parsed) throw new RangeError(`deadline "${deadline}": expected a quarter like 2026-Q4`);
  // Day 0 of the month after the quarter is the quarter's last day.
  return new Date(Date.UTC(parsed.year, parsed.quarter * 3, 0));
}

/** How a target stands on `asOf`: met; not met with the gap in percentage points; not met after the deadline's quarter ended; unknown when actual is null. */
export function targetStatus(t: TargetReport, asOf: Date): TargetStatus {
  if (t.actual === null) return { kind: 'unknown', gapPp: null };
  if (meetsTarget(t.actual, t.op, t.value)) return { kind: 'met', gapPp: null };
  // A strict `>` missed by a hair (within the tolerance) is short by 0, never by a negative gap.
  const gapPp = Math.max(0, (t.value - t.actual) * 100);
  // The deadline's last day still counts as in time: overdue from the next day on.
  const overdue = asOf.getTime() >= deadlineEnd(t.deadline).getTime() + DAY_MS;
  return { kind: overdue ? 'overdue' : 'not_met', gapPp };
}
