// A province's report has thousands of hamlets, and a drag frame changes a handful: the
// worker sends the page only the hamlets that differ from the report the page already
// holds, and the page rebuilds the whole report, reusing its unchanged hamlet objects (so
// the hamlet table's rows stay as they are too). Pure and shared by both sides.
import type { HamletReport, Report } from '../engine/types.ts';

/** A report as sent to the page: whole, or the changes since report `base` (both numbered). */
export type ReportUpdate =
  | { version: number; report: Report }
  | { version: number; base: number; head: Omit<Report, 'hamlets'>; hamletCount: number; changed: Array<[index: number, hamlet: HamletReport]> };

function sameHamlet(a: HamletReport, b: HamletReport): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.population === b.population &&
    a.share['4g'] === b.share['4g'] &&
    a.share['5g'] === b.share['5g'] &&
    a.share.mobile_bb === b.share.mobile_bb &&
    a.share.fiber === b.share.fiber &&
    a.share.fiber_1g === b.share.fiber_1g
  );
}

/** `next` as an update against `previous` (numbered `base`), or whole when there is no previous. */
export function reportUpdate(previous: { version: number; report: Report } | null, next: Report, version: number): ReportUpdate {
  if (!previous) return { version, report: next };
  const { hamlets, ...head } = next;
  const changed: Array<[number, HamletReport]> = [];
  hamlets.forEach((h, i) => {
    const before = previous.report.hamlets[i];
    if (!before || !sameHamlet(before, h)) changed.push([i, h]);
  });
  return { version, base: previous.version, head, hamletCount: hamlets.length, changed };
}

/**
 * The report an update describes, given the one the page holds (null: none). Null when the
 * update is a patch of a report the page does not hold: the caller asks for a whole one.
 */
export function applyReportUpdate(held: { version: number; report: Report } | null, update: ReportUpdate): Report | null {
  if ('report' in update) return update.report;
  if (held?.version !== update.base) return null;
  const hamlets = held.report.hamlets.slice(0, update.hamletCount);
  for (const [i, h] of update.changed) hamlets[i] = h;
  return { ...update.head, hamlets };
}
