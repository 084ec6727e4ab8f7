// history.csv: figures reported in earlier periods, one row per period and metric, so the
// quarterly report can show the change since the last period.
import { parsePeriod } from '../engine/history.ts';
import { METRICS } from '../engine/types.ts';
import type { HistoryRow } from '../engine/types.ts';
import type { FileProblems } from './collector.ts';
import { rowLabel } from './collector.ts';
import { parseCsv } from './csv.ts';
import { showValue } from './fmt.ts';
import { FieldReader } from './values.ts';

/** Rows in file order; null when any row is bad (every problem is reported first). */
export function loadHistory(text: string, fp: FileProblems): HistoryRow[] | null {
  const table = parseCsv(text, fp, { required: ['period', 'metric', 'value'], optional: ['source'] });
  if (!table) return null;
  const errorsBefore = fp.errorCount;
  const firstRowOf = new Map<string, number>();
  const out: HistoryRow[] = [];
  for (const row of table.rows) {
    const r = new FieldReader(fp, rowLabel(row.row), row.values, 'csv');
    let period = r.text('period', true);
    if (period !== null && parsePeriod(period) === null) {
      r.fail('period', `got ${showValue(period, 'csv')}; expected a quarter such as 2026-Q2 or a year such as 2025`);
      period = null;
    }
    const metric = r.oneOf('metric', METRICS, null);
    // Every metric is a share, so a figure of 62 (per cent) is a mistake for 0.62.
    const value = r.number('value', { required: true, min: 0, max: 1, expect: 'a share in 0..1 (0.62 means 62%)' });
    const source = r.text('source', false);
    if (period !== null && metric !== null) {
      const key = `${period} ${metric}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) r.fail('period', `${period} ${metric} is also given in row ${first}; expected one figure per period and metric`);
      else firstRowOf.set(key, row.row);
    }
    if (!r.ok || period === null || metric === null || value === null) continue;
    out.push({ period, metric, value, source });
  }
  return fp.errorCount > errorsBefore ? null : out;
}
