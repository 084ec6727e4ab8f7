// speedtests.csv: speed measurements, e.g. exported from a speed-test app.
import type { SpeedTest } from '../engine/types.ts';
import { checkRange, RANGES } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import { CsvPointReader } from './coords.ts';
import type { Crs } from './crs.ts';
import { parseCsv } from './csv.ts';
import { showValue } from './fmt.ts';
import { FieldReader } from './values.ts';

const KINDS = ['mobile', 'fixed'] as const;
/** A date, optionally with a time: 2026-09-01, 2026-09-01T10:00:00+07:00, 2026-09-01 10:00. */
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The calendar date of a time that matched DATE must exist (no 2026-02-30) and its year be plausible. */
function checkDate(time: string, r: FieldReader): void {
  const [year, month, day] = time.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    r.fail('time', `got ${showValue(time, 'csv')}: ${time.slice(0, 10)} is not a calendar date; expected YYYY-MM-DD with a real month and day`);
    return;
  }
  const verdict = checkRange(RANGES.year, year);
  if (verdict?.severity === 'error') r.fail('time', `the year ${verdict.message}`);
  else if (verdict) r.warn('time', `the year ${verdict.message}`);
}

export function loadSpeedtests(text: string, fp: FileProblems, crs: Crs | null): SpeedTest[] | null {
  const table = parseCsv(text, fp, {
    required: [['lon', 'x'], ['lat', 'y'], 'time', 'kind', 'down_mbps'],
    optional: ['lon', 'lat', 'x', 'y', 'tech', 'carrier', 'up_mbps', 'latency_ms'],
  });
  if (!table) return null;
  const errorsBefore = fp.errorCount;
  const points = new CsvPointReader(crs ?? undefined);
  const out: SpeedTest[] = [];
  for (const row of table.rows) {
    const r = new FieldReader(fp, `row ${row.row}`, row.values, 'csv');
    const position = points.read(r);
    const time = r.text('time', true);
    if (time !== null) {
      if (!DATE.test(time)) r.fail('time', `got ${showValue(time, 'csv')}; expected an ISO 8601 date and time, e.g. 2026-09-01T10:00:00+07:00`);
      else checkDate(time, r);
    }
    const kind = r.oneOf('kind', KINDS, null);
    const tech = r.text('tech', false) ?? '';
    const carrier = r.text('carrier', false) ?? '';
    const downMbps = r.ranged('down_mbps', RANGES.down_mbps, true);
    const upMbps = r.ranged('up_mbps', RANGES.up_mbps);
    const latencyMs = r.ranged('latency_ms', RANGES.latency_ms);
    if (!r.ok || position === null || time === null || kind === null || downMbps === null) continue;
    out.push({ lon: position[0], lat: position[1], time, kind, tech, carrier, down_mbps: downMbps, up_mbps: upMbps, latency_ms: latencyMs });
  }
  return fp.errorCount > errorsBefore ? null : out;
}
