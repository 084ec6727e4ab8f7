// Exchanging a scenario's candidate cells with carriers: export as sites.csv, sites.geojson
// or KML, and import such a file back. Importing reads through the package's own sites
// loaders, so a file gets the same checks and the same messages (file, row / feature /
// placemark, field) as a package's sites.csv; what was exported imports back deep-equal
// (see canonicalCandidate for the one normalisation both sides share).
import { ProblemList } from '../data/collector.ts';
import { formatProblem } from '../data/problems.ts';
import { loadSitesGeoJson } from '../data/sites.ts';
import { assertScenarioCell } from '../engine/scenario-cell.ts';
import type { Cell } from '../engine/types.ts';
import { readCandidatesCsv, writeCandidatesCsv } from './exchange-csv.ts';
import { canonicalCandidate } from './exchange-fields.ts';
import { writeCandidatesGeoJson } from './exchange-geojson.ts';
import { browserParseXml, readCandidatesKml, writeCandidatesKml } from './exchange-kml.ts';
import type { ParseXml } from './exchange-kml.ts';

export { canonicalCandidate } from './exchange-fields.ts';
export type { ParseXml } from './exchange-kml.ts';

export type ExchangeFormat = 'csv' | 'geojson' | 'kml';
export const EXCHANGE_FORMATS: readonly ExchangeFormat[] = ['csv', 'geojson', 'kml'];

export interface ExchangeMeta {
  areaName: string;
  scenarioName: string;
}

export interface ImportResult {
  /** The file's cells as candidates; empty whenever `problems` is not. */
  cells: Cell[];
  /** Every error, one line each: `file row 3, lat: 121.6 is outside −90..90`. */
  problems: string[];
  /** Things the user should know that do not stop the import. */
  warnings: string[];
}

export interface ImportOptions {
  /** XML parser for KML; defaults to the browser's DOMParser (inject @xmldom/xmldom in Node). */
  parseXml?: ParseXml;
}

/** The text of an export file for the cells (written in canonical form, status `candidate`). */
export function exportCandidates(cells: readonly Cell[], format: ExchangeFormat, meta: ExchangeMeta): string {
  const canonical = cells.map(canonicalCandidate);
  switch (format) {
    case 'csv':
      return writeCandidatesCsv(canonical);
    case 'geojson':
      return writeCandidatesGeoJson(canonical, `${meta.areaName} – ${meta.scenarioName}`);
    case 'kml':
      return writeCandidatesKml(canonical, meta);
  }
}

const EXTENSIONS: Record<ExchangeFormat, string> = { csv: 'csv', geojson: 'geojson', kml: 'kml' };
const MEDIA_TYPES: Record<ExchangeFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json',
  kml: 'application/vnd.google-earth.kml+xml',
};

/** A download name such as `Xã Nam Hoà – Phương án 1.kml`: Vietnamese kept, characters Windows forbids replaced. */
export function exportFileName(meta: ExchangeMeta, format: ExchangeFormat): string {
  // eslint-disable-next-line no-control-regex
  const base = `${meta.areaName} – ${meta.scenarioName}`.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, '_').trim();
  return `${base}.${EXTENSIONS[format]}`;
}

/** The media type to give the download's Blob. */
export function exportMediaType(format: ExchangeFormat): string {
  return MEDIA_TYPES[format];
}

/** The format by the file's extension, else by its first character; `kmz` (zipped, not read here) by extension. */
export function detectFormat(text: string, fileName: string): ExchangeFormat | 'kmz' {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'kmz') return 'kmz';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '<') return 'kml';
  if (first === '{') return 'geojson';
  return 'csv';
}

/**
 * Reads an exported (or hand-made) candidates file. Every cell becomes a candidate; a
 * file with any error yields no cells and lists every error.
 */
export function importCandidates(text: string, fileName: string, options: ImportOptions = {}): ImportResult {
  const list = new ProblemList();
  const fp = list.forFile(fileName);
  const format = detectFormat(text, fileName);
  let cells: Cell[] | null = null;
  if (format === 'kmz') {
    fp.error(null, null, 'is a KMZ (zipped KML); expected KML, CSV or GeoJSON (in Google Earth use "Save Place As…" and choose KML)');
  } else if (format === 'csv') {
    cells = readCandidatesCsv(text, fp);
  } else if (format === 'geojson') {
    cells = loadSitesGeoJson(text, fp, null);
  } else {
    const parseXml = options.parseXml ?? browserParseXml();
    if (parseXml) cells = readCandidatesKml(text, fp, parseXml);
    else fp.error(null, null, 'cannot be read here: no XML parser is available; expected to run in a browser or be given one');
  }
  if (cells) cells = asCandidates(cells, fileName, list);
  const errors = list.items.filter((p) => p.severity === 'error').map(formatProblem);
  const warnings = list.items.filter((p) => p.severity === 'warning').map(formatProblem);
  return { cells: errors.length ? [] : (cells ?? []), problems: errors, warnings };
}

/** Sets every cell's status to candidate (saying so when the file said otherwise) and runs the engine's own check. */
function asCandidates(cells: Cell[], fileName: string, list: ProblemList): Cell[] {
  const fp = list.forFile(fileName);
  const others = cells.filter((c) => c.status !== 'candidate');
  if (others.length) {
    const statuses = [...new Set(others.map((c) => c.status))].join(', ');
    fp.warn(null, 'status', `${others.length} of ${cells.length} cells were ${statuses}; imported as candidates`);
  }
  if (!cells.length) fp.warn(null, null, 'has no cells; expected at least one candidate');
  const out = cells.map((c): Cell => ({ ...c, status: 'candidate' }));
  for (const cell of out) {
    try {
      assertScenarioCell(cell);
    } catch (err) {
      fp.error(null, null, err instanceof Error ? err.message : String(err));
    }
  }
  return out;
}
