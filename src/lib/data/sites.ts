// sites.csv / sites.geojson: one row (Point feature) per sector or omni cell.
import { normalizeAzimuth } from '../engine/azimuth.ts';
import { reachInputProblem } from '../engine/propagation/index.ts';
import { CELL_RANGES, FIRST_ON_AIR_YEAR } from '../engine/ranges.ts';
import type { Cell, LonLat, Status, Tech } from '../engine/types.ts';
import type { FileProblems } from './collector.ts';
import { CsvPointReader } from './coords.ts';
import type { Crs } from './crs.ts';
import { parseCsv } from './csv.ts';
import { IdRegistry, UnknownNames, featureId, pointOf } from './features.ts';
import { readFeatureCollection } from './geojson.ts';
import { FieldReader } from './values.ts';

export const TECHS: readonly Tech[] = ['4G', '5G'];
export const STATUSES: readonly Status[] = ['on_air', 'planned', 'candidate'];
export const DEFAULT_BEAMWIDTH_DEG = 65;

/** The sites.csv columns, in the spec's order (they are also the Cell's fields). */
export const SITE_FIELDS = ['id', 'site_id', 'name', 'carrier', 'lon', 'lat', 'tech', 'band_mhz', 'height_m', 'azimuth_deg', 'beamwidth_deg', 'eirp_dbm', 'range_m', 'status', 'on_air_year'] as const satisfies readonly (keyof Cell)[];

/** Reads the fields of one cell; the position comes from the caller. */
function readCell(r: FieldReader, id: string | null, position: LonLat | null): Cell | null {
  const siteId = r.id('site_id', false);
  const name = r.text('name', false);
  const carrier = r.text('carrier', false);
  if (carrier === null) r.fail('carrier', 'missing; expected the carrier\'s name, e.g. Viettel');
  const tech = r.oneOf('tech', TECHS, null);
  const bandMHz = r.ranged('band_mhz', CELL_RANGES.band_mhz);
  const heightM = r.ranged('height_m', CELL_RANGES.height_m);
  const azimuth = r.ranged('azimuth_deg', CELL_RANGES.azimuth_deg);
  const beamwidthGiven = r.ranged('beamwidth_deg', CELL_RANGES.beamwidth_deg);
  const eirpDbm = r.ranged('eirp_dbm', CELL_RANGES.eirp_dbm);
  const rangeM = r.ranged('range_m', CELL_RANGES.range_m);
  if (rangeM === null && !r.has('range_m') && tech !== null) {
    // No range_m: the engine predicts the reach, so reject here what predictReach would
    // throw on; a package that validates must never crash the engine.
    const problem = reachInputProblem({ tech, bandMHz, heightM, eirpDbm });
    if (problem) r.fail(problem.field, `${problem.message} (range_m is empty, so the propagation model predicts the reach; give range_m to use a fixed radius instead)`);
  }
  const status = r.oneOf('status', STATUSES, 'on_air');
  const onAirYear = r.year('on_air_year');
  if (tech !== null && onAirYear !== null && onAirYear < FIRST_ON_AIR_YEAR[tech]) {
    const first = FIRST_ON_AIR_YEAR[tech];
    r.fail('on_air_year', `got ${onAirYear}; expected ${first} or later: no ${tech} network was on air anywhere before ${first}`);
  }
  if (status === 'planned' && onAirYear === null && r.ok) {
    r.warn('on_air_year', 'missing for a planned cell; it will never count as on air');
  }
  let beamwidth = beamwidthGiven ?? DEFAULT_BEAMWIDTH_DEG;
  if (azimuth === null) {
    // No azimuth: an omni cell, whatever beamwidth says.
    if (beamwidthGiven !== null && beamwidthGiven !== 360 && r.ok) {
      r.warn('beamwidth_deg', `${beamwidthGiven} is ignored: azimuth_deg is empty, so the cell is omni (360)`);
    }
    beamwidth = 360;
  }
  if (!r.ok || id === null || position === null || carrier === null || tech === null || status === null) return null;
  const resolvedSiteId = siteId ?? id;
  return {
    id,
    site_id: resolvedSiteId,
    name: name ?? resolvedSiteId,
    carrier,
    lon: position[0],
    lat: position[1],
    tech,
    band_mhz: bandMHz,
    height_m: heightM,
    azimuth_deg: azimuth === null ? null : normalizeAzimuth(azimuth),
    beamwidth_deg: beamwidth,
    eirp_dbm: eirpDbm,
    range_m: rangeM,
    status,
    on_air_year: onAirYear,
  };
}

/** A header-only sites.csv (or an empty collection) is a valid "no sites yet", but never silent. */
function warnNoSites(fp: FileProblems, what: string): void {
  fp.warn(null, null, `has no sites (${what}); 4G and 5G coverage come only from coverage.geojson`);
}

export function loadSitesCsv(text: string, fp: FileProblems, crs: Crs | null): Cell[] | null {
  const errorsAtStart = fp.errorCount;
  const table = parseCsv(text, fp, {
    required: ['id', 'carrier', ['lon', 'x'], ['lat', 'y'], 'tech'],
    optional: [...SITE_FIELDS, 'x', 'y'],
  });
  if (!table) return null;
  if (table.rows.length === 0 && fp.errorCount === errorsAtStart) warnNoSites(fp, 'no rows below the header');
  return loadSitesRecords(table.rows.map((row) => ({ where: `row ${row.row}`, values: row.values })), fp, crs);
}

/**
 * Cells from records read as sites.csv rows are (text values, numbers allowed), each
 * with its own label: CSV rows, or the placemarks of a KML file (`placemark 3`).
 */
export function loadSitesRecords(records: readonly { where: string; values: Record<string, unknown> }[], fp: FileProblems, crs: Crs | null): Cell[] | null {
  const errorsBefore = fp.errorCount;
  const points = new CsvPointReader(crs ?? undefined);
  const ids = new IdRegistry();
  const cells: Cell[] = [];
  for (const { where, values } of records) {
    const r = new FieldReader(fp, where, values, 'csv');
    const id = r.id('id', true);
    if (id !== null) ids.check(id, where, r);
    const position = points.read(r);
    const cell = readCell(r, id, position);
    if (cell) cells.push(cell);
  }
  return fp.errorCount > errorsBefore ? null : cells;
}

export function loadSitesGeoJson(text: string, fp: FileProblems, crs: Crs | null): Cell[] | null {
  const features = readFeatureCollection(text, fp, crs);
  if (!features) return null;
  if (features.length === 0) warnNoSites(fp, 'no features');
  const errorsBefore = fp.errorCount;
  const ids = new IdRegistry();
  const unknown = new UnknownNames();
  const cells: Cell[] = [];
  for (const f of features) {
    const r = new FieldReader(fp, f.where, f.properties, 'json');
    const id = featureId(f, r, true);
    if (id !== null) ids.check(id, f.where, r);
    const position = pointOf(f, r);
    const cell = readCell(r, id, position);
    // lon/lat properties are allowed (a copy of the geometry) but the geometry wins.
    unknown.note(f.properties, r, ['lon', 'lat']);
    if (cell) cells.push(cell);
  }
  unknown.report(fp);
  return fp.errorCount > errorsBefore ? null : cells;
}
