// The candidate cells of a shared link: one array per cell, its sites.csv fields in the
// file's column order, so a link carries no key names (the deflate then squeezes the
// repeated site fields). A link is outside input: every cell is checked as the planner
// checks its own (engine's assertScenarioCell) and a bad one is dropped with a message.
import { assertScenarioCell } from '../engine/scenario-cell.ts';
import type { Cell } from '../engine/types.ts';

/** sites.csv's columns, in its order; a packed cell lists its values in this order. */
const CELL_FIELDS = [
  'id',
  'site_id',
  'name',
  'carrier',
  'lon',
  'lat',
  'tech',
  'band_mhz',
  'height_m',
  'azimuth_deg',
  'beamwidth_deg',
  'eirp_dbm',
  'range_m',
  'status',
  'on_air_year',
] as const satisfies ReadonlyArray<keyof Cell>;

const TEXT_FIELDS = new Set<string>(['id', 'site_id', 'name', 'carrier', 'tech', 'status']);
const STATUSES = new Set<unknown>(['on_air', 'planned', 'candidate']);

/** The compact form a link stores. */
export function packCandidates(cells: readonly Cell[]): Array<Array<string | number | null>> {
  return cells.map((cell) => CELL_FIELDS.map((field) => cell[field]));
}

/** True when both lists hold the same cells, field for field, in the same order. */
export function sameCandidates(a: readonly Cell[], b: readonly Cell[]): boolean {
  return JSON.stringify(packCandidates(a)) === JSON.stringify(packCandidates(b));
}

/** The cells a link's `candidates` value describes, as far as they are valid, and a message per dropped one. */
export function unpackCandidates(value: unknown): { cells: Cell[]; problems: string[] } {
  if (!Array.isArray(value)) {
    return { cells: [], problems: [`View link: candidates ${short(value)} ignored; expected a list of cells`] };
  }
  const cells: Cell[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  value.forEach((row: unknown, index) => {
    const drop = (why: string) => problems.push(`View link: candidate ${index + 1} dropped: ${why}`);
    if (!Array.isArray(row) || row.length !== CELL_FIELDS.length) {
      drop(`got ${short(row)}; expected a list of the ${CELL_FIELDS.length} sites.csv fields (${CELL_FIELDS.join(', ')})`);
      return;
    }
    const badType = CELL_FIELDS.findIndex((field, i) => {
      const v: unknown = row[i];
      return TEXT_FIELDS.has(field) ? typeof v !== 'string' : v !== null && typeof v !== 'number';
    });
    if (badType >= 0) {
      const field = CELL_FIELDS[badType] as string;
      drop(`${field}: got ${short(row[badType])}; expected ${TEXT_FIELDS.has(field) ? 'text' : 'a number or null'}`);
      return;
    }
    const cell = Object.fromEntries(CELL_FIELDS.map((field, i) => [field, row[i]])) as unknown as Cell;
    if (!STATUSES.has(cell.status)) {
      drop(`status: got ${short(cell.status)}; expected on_air, planned or candidate`);
      return;
    }
    try {
      assertScenarioCell(cell);
    } catch (err) {
      drop(err instanceof Error ? err.message : String(err));
      return;
    }
    if (ids.has(cell.id)) {
      drop(`id: ${short(cell.id)} is already used by an earlier candidate`);
      return;
    }
    ids.add(cell.id);
    cells.push(cell);
  });
  return { cells, problems };
}

/** A value as a message shows it: JSON, cut short (a link can hold anything). */
function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
