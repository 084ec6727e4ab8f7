// speedtests.csv: speed measurements, e.g. exported from a speed-test app.
import type { SpeedTest } from '../engine/types.ts';
import { RANGES } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import { CsvPointReader } from './coords.ts';
import type { Crs } from './crs.ts';
import { parseCsv } from './csv.ts';
import { showValue } from './fmt.ts';
import { FieldReader } from './values.ts';

const KINDS = ['mobile', 'fixed'] as const;
/** A date, optionally with a time: 2026-09-01, 2026-09-01T10:00:00+07:00, 2026-09-01 10:00. */
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

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
    if (time !== null && !DATE.test(time)) r.fail('time', `got ${showValue(time, 'csv')}; expected an ISO 8601 date and time, e.g. 2026-09-01T10:00:00+07:00`);
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
