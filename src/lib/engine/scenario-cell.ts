// Scenario cells reach the engine from the planner (map clicks, drags, window.__app)
// rather than through the data loader, so the engine checks them itself, before any
// state changes: an out-of-range field is refused with a message naming the cell and
// the field, instead of crashing midway or silently covering nothing (a NaN position, a
// zero beamwidth) or the wrong layer (a tech that is neither 4G nor 5G). The ranges are
// the sites loader's (ranges.ts), so the planner refuses what sites.csv would.
import { reachInputProblem } from './propagation/index.ts';
import { CELL_RANGES, checkRange, FIRST_ON_AIR_YEAR } from './ranges.ts';
import type { Cell } from './types.ts';

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export interface CellFieldProblem {
  field: keyof Cell;
  severity: 'error' | 'warning';
  /** "got 5000 dBm; expected an EIRP in 0..90 dBm (…)": without the field name. */
  message: string;
}

const RANGED_FIELDS = ['lon', 'lat', 'band_mhz', 'height_m', 'azimuth_deg', 'beamwidth_deg', 'eirp_dbm', 'range_m', 'on_air_year'] as const;
/** Fields that may be null: the propagation model's defaults, omni, predicted reach, no year. */
const NULLABLE = new Set<keyof Cell>(['band_mhz', 'height_m', 'azimuth_deg', 'eirp_dbm', 'range_m', 'on_air_year']);

/**
 * Every problem of a scenario cell's fields, errors and warnings (values legal but
 * unusual), in field order; the planner shows them beside the fields.
 */
export function cellFieldProblems(cell: Cell): CellFieldProblem[] {
  const out: CellFieldProblem[] = [];
  const error = (field: keyof Cell, message: string) => out.push({ field, severity: 'error', message });
  const got = (field: keyof Cell) => `got ${describeValue(cell[field])}`;
  if (typeof cell.id !== 'string' || cell.id === '') error('id', `${got('id')}; expected a non-empty string`);
  if (cell.tech !== '4G' && cell.tech !== '5G') error('tech', `${got('tech')}; expected "4G" or "5G"`);
  if (typeof cell.carrier !== 'string') error('carrier', `${got('carrier')}; expected the carrier's name`);
  for (const field of RANGED_FIELDS) {
    const value: unknown = cell[field];
    if (value === null && NULLABLE.has(field)) continue;
    const range = CELL_RANGES[field];
    if (typeof value !== 'number') {
      error(field, `${got(field)}; expected ${range.what}${NULLABLE.has(field) ? ', or null' : ''}`);
      continue;
    }
    const verdict = checkRange(range, value);
    if (verdict) out.push({ field, ...verdict });
  }
  const firstYear = cell.tech === '4G' || cell.tech === '5G' ? FIRST_ON_AIR_YEAR[cell.tech] : null;
  if (firstYear !== null && typeof cell.on_air_year === 'number' && cell.on_air_year < firstYear && !out.some((p) => p.field === 'on_air_year')) {
    error('on_air_year', `got ${cell.on_air_year}; expected ${firstYear} or later: no ${cell.tech} network was on air anywhere before ${firstYear}`);
  }
  if (cell.range_m === null && !out.some((p) => p.severity === 'error')) {
    const problem = reachInputProblem({ tech: cell.tech, bandMHz: cell.band_mhz, heightM: cell.height_m, eirpDbm: cell.eirp_dbm });
    if (problem) error(problem.field, `${problem.message} (range_m is null, so the propagation model predicts the reach)`);
  }
  return out;
}

/** Throws a RangeError naming the cell and field when a scenario cell cannot be computed. */
export function assertScenarioCell(cell: Cell): void {
  const problem = cellFieldProblems(cell).find((p) => p.severity === 'error');
  if (problem) throw new RangeError(`scenario cell ${String(cell.id)}: ${problem.field}: ${problem.message}`);
}
