// The report as CSV: one row per hamlet, shares as unrounded fractions, for spreadsheets
// and scripts. RFC 4180 quoting (names may hold commas, quotes and line breaks), the BOM
// and formula guarding come from csv-safe.ts (papaparse underneath).
import type { Report } from '../engine/types.ts';
import { formatSafeCsv } from './csv-safe.ts';

export const CSV_COLUMNS = [
  'id',
  'name',
  'population',
  'share_4g',
  'share_5g',
  'share_mobile_bb',
  'share_fiber',
  'share_fiber_1g',
] as const;

/**
 * One row per hamlet in input order; shares are fractions 0..1, empty when null; CRLF
 * line ends; a BOM; text starting with = + - @ tab or CR gets a leading `'`.
 */
export function formatCsv(report: Report): string {
  const rows = report.hamlets.map((h) => [
    h.id,
    h.name,
    h.population,
    h.share['4g'],
    h.share['5g'],
    h.share.mobile_bb,
    h.share.fiber,
    h.share.fiber_1g,
  ]);
  return formatSafeCsv(CSV_COLUMNS, rows);
}
