// Scenario cells reach the engine from the planner (map clicks, drags, window.__app)
// rather than through the data loader, so the engine checks them itself, before any
// state changes: an out-of-range field is refused with a message naming the cell and
// the field, instead of crashing midway or silently covering nothing (a NaN position, a
// zero beamwidth) or the wrong layer (a tech that is neither 4G nor 5G).
import { reachInputProblem } from './propagation/index.ts';
import type { Cell } from './types.ts';

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The first field of a scenario cell the engine cannot compute, as "<field>: got …; expected …"; null when every field is usable. */
function fieldProblem(cell: Cell): string | null {
  const got = (field: keyof Cell) => `${field}: got ${describeValue(cell[field])}`;
  if (typeof cell.id !== 'string' || cell.id === '') return `${got('id')}; expected a non-empty string`;
  if (!isNumber(cell.lon) || cell.lon < -180 || cell.lon > 180) return `${got('lon')}; expected a longitude in −180..180`;
  if (!isNumber(cell.lat) || cell.lat < -90 || cell.lat > 90) return `${got('lat')}; expected a latitude in −90..90`;
  if (cell.tech !== '4G' && cell.tech !== '5G') return `${got('tech')}; expected "4G" or "5G"`;
  if (typeof cell.carrier !== 'string') return `${got('carrier')}; expected the carrier's name`;
  if (cell.azimuth_deg !== null && !isNumber(cell.azimuth_deg)) return `${got('azimuth_deg')}; expected degrees from north, or null for omni`;
  if (!isNumber(cell.beamwidth_deg) || cell.beamwidth_deg <= 0 || cell.beamwidth_deg > 360) return `${got('beamwidth_deg')}; expected degrees in (0, 360]`;
  if (cell.range_m !== null && (!isNumber(cell.range_m) || cell.range_m <= 0)) return `${got('range_m')}; expected metres > 0, or null to predict the reach`;
  if (cell.range_m !== null) return null;
  for (const field of ['band_mhz', 'height_m', 'eirp_dbm'] as const) {
    if (cell[field] !== null && !isNumber(cell[field])) return `${got(field)}; expected a number, or null for the default`;
  }
  const problem = reachInputProblem({ tech: cell.tech, bandMHz: cell.band_mhz, heightM: cell.height_m, eirpDbm: cell.eirp_dbm });
  return problem ? `${problem.field}: ${problem.message} (range_m is null, so the propagation model predicts the reach)` : null;
}

/** Throws a RangeError naming the cell and field when a scenario cell cannot be computed. */
export function assertScenarioCell(cell: Cell): void {
  const problem = fieldProblem(cell);
  if (problem) throw new RangeError(`scenario cell ${String(cell.id)}: ${problem}`);
}
