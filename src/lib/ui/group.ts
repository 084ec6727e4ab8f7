// Grouping for the targets dashboard: one group per deadline year (2026, 2030, ...).
import type { TargetReport } from '../engine/types.ts';

/** Targets grouped by the year of their deadline, years ascending, file order within a year. */
export function groupByDeadlineYear(targets: readonly TargetReport[]): Array<{ year: string; targets: TargetReport[] }> {
  const groups: Array<{ year: string; targets: TargetReport[] }> = [];
  for (const target of targets) {
    const year = target.deadline.slice(0, 4);
    const group = groups.find((g) => g.year === year);
    if (group) group.targets.push(target);
    else groups.push({ year, targets: [target] });
  }
  return groups.sort((a, b) => a.year.localeCompare(b.year));
}
