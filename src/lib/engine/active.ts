// Which parts of the network count for the year being viewed (spec: data-package.md,
// Metrics): on-air always; planned once its on_air_year ≤ the year; a planned item with
// no year, and a candidate, never (scenario cells are counted by the caller instead).
import type { Status } from './types.ts';

/** Whether a cell / access point / coverage polygon is on air at the end of `year` (null: on-air only). */
export function isOnAir(item: { status: Status; on_air_year: number | null }, year: number | null): boolean {
  if (item.status === 'on_air') return true;
  if (item.status !== 'planned' || year === null || item.on_air_year === null) return false;
  return item.on_air_year <= year;
}
