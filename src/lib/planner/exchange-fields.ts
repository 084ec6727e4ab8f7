// What the exchange files (CSV, GeoJSON, KML) agree on: the canonical form of a candidate
// cell, and the spreadsheet formula guard of the CSV file.
//
// The package's sites loaders normalise what they read (text trimmed, names in NFC, an
// omni cell's beamwidth 360, azimuth modulo 360, an empty name or site_id taking the
// site_id or id). Writing cells in that same form is what makes an export read back
// deep-equal: importCandidates(exportCandidates(cells)) equals cells.map(canonicalCandidate),
// and equals `cells` itself when they are already canonical (the planner's own are).
import { normalizeAzimuth } from '../engine/azimuth.ts';
import type { Cell } from '../engine/types.ts';

/** −0 prints as "0" in every format; read back it is +0, so write +0 in the first place. */
const plusZero = (n: number): number => (n === 0 ? 0 : n);
const orNull = (n: number | null): number | null => (n === null ? null : plusZero(n));

/** The cell as the sites loaders would read it back, with status `candidate`. */
export function canonicalCandidate(cell: Cell): Cell {
  const id = cell.id.trim();
  const siteId = cell.site_id.trim() || id;
  const azimuthDeg = cell.azimuth_deg;
  return {
    id,
    site_id: siteId,
    name: cell.name.trim().normalize('NFC') || siteId,
    carrier: cell.carrier.trim().normalize('NFC'),
    lon: plusZero(cell.lon),
    lat: plusZero(cell.lat),
    tech: cell.tech,
    band_mhz: orNull(cell.band_mhz),
    height_m: orNull(cell.height_m),
    azimuth_deg: azimuthDeg === null ? null : normalizeAzimuth(azimuthDeg),
    // The loaders read an omni cell's beamwidth as 360 whatever the file says.
    beamwidth_deg: azimuthDeg === null ? 360 : plusZero(cell.beamwidth_deg),
    eirp_dbm: orNull(cell.eirp_dbm),
    range_m: orNull(cell.range_m),
    status: 'candidate',
    on_air_year: cell.on_air_year,
  };
}

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): Excel and LibreOffice run a cell
 * that starts with = + - @ (or tab/CR before one) as a formula. Text cells of the CSV
 * that start so get a leading apostrophe (papaparse's escapeFormulae with FORMULA_START), which spreadsheets show as plain text. Text
 * that already starts with apostrophes followed by such a character gets one more, so the
 * guard stays reversible: the import removes exactly one apostrophe from text matching
 * FORMULA_GUARDED, and text that merely starts with an apostrophe is left alone.
 * Numeric columns are written as numbers (a negative EIRP stays -3), never prefixed.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;
const FORMULA_GUARDED = /^'+[=+\-@\t\r]/;

/** Undoes the guard (papaparse's `escapeFormulae: FORMULA_START`) exactly. */
export function unguardFormula(text: string): string {
  return FORMULA_GUARDED.test(text) ? text.slice(1) : text;
}

/** The text fields of a cell, the only ones the formula guard touches. */
export const TEXT_FIELDS = ['id', 'site_id', 'name', 'carrier'] as const satisfies readonly (keyof Cell)[];
