// Where people live inside hamlets: weighted points from population.geojson, from
// population.csv (lon,lat,pop), or from population.tif (each cell with a positive count
// → a point at the cell's centre); load-package.ts picks one in that order.
import Flatbush from 'flatbush';
import { containsPoint } from '../engine/point-in-polygon.ts';
import { BBOX_PAD_DEG, hamletPolygons, packagePopulationIndex, PopulationPointsBuilder } from '../engine/population.ts';
import type { Hamlet, PopulationPoints } from '../engine/types.ts';
import { describeRange, RANGES } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import type { Crs } from './crs.ts';
import { CsvPointReader, lonLatProblem } from './coords.ts';
import { parseCsv } from './csv.ts';
import { UnknownNames, pointOf } from './features.ts';
import { plural, showCount } from './fmt.ts';
import { readFeatureCollection } from './geojson.ts';
import type { GeoRaster } from './raster.ts';
import { FieldReader } from './values.ts';

export function loadPopulationGeoJson(text: string, fp: FileProblems, crs: Crs | null): PopulationPoints | null {
  const features = readFeatureCollection(text, fp, crs);
  if (!features) return null;
  const errorsBefore = fp.errorCount;
  const out = new PopulationPointsBuilder();
  const unknown = new UnknownNames();
  for (const f of features) {
    const r = new FieldReader(fp, f.where, f.properties, 'json');
    const pop = r.ranged('pop', RANGES.population_weight, true);
    const position = pointOf(f, r);
    unknown.note(f.properties, r, ['id', 'name']);
    if (!r.ok || pop === null || position === null) continue;
    out.push(position[0], position[1], pop);
  }
  unknown.report(fp);
  return fp.errorCount > errorsBefore ? null : out.build();
}

/** population.csv: one weighted point per row, `lon,lat,pop` (or x,y in a declared CRS). */
export function loadPopulationCsv(text: string, fp: FileProblems, crs: Crs | null): PopulationPoints | null {
  const table = parseCsv(text, fp, { required: [['lon', 'x'], ['lat', 'y'], 'pop'], optional: ['lon', 'lat', 'x', 'y', 'id', 'name'] });
  if (!table) return null;
  const errorsBefore = fp.errorCount;
  const points = new CsvPointReader(crs ?? undefined);
  const out = new PopulationPointsBuilder();
  for (const row of table.rows) {
    const r = new FieldReader(fp, `row ${row.row}`, row.values, 'csv');
    const position = points.read(r);
    const pop = r.ranged('pop', RANGES.population_weight, true);
    if (!r.ok || pop === null || position === null) continue;
    out.push(position[0], position[1], pop);
  }
  return fp.errorCount > errorsBefore ? null : out.build();
}

/** Raster cells with a positive count → points at cell centres (WGS84). */
export function rasterToPoints(g: GeoRaster, fp: FileProblems): PopulationPoints | null {
  const out = new PopulationPointsBuilder();
  let negative = 0;
  let firstNegative = '';
  let outside = 0;
  let firstOutside = '';
  const limit = RANGES.raster_cell_people;
  let tooMany = 0;
  let firstTooMany = '';
  let unusual = 0;
  let firstUnusual = '';
  for (let row = 0; row < g.height; row++) {
    const y = g.originY - (row + 0.5) * g.pixelHeight;
    for (let col = 0; col < g.width; col++) {
      const v = g.values[row * g.width + col]!;
      if (!Number.isFinite(v) || v === g.noData || v === 0) continue;
      if (v < 0) {
        if (negative++ === 0) firstNegative = `row ${row}, column ${col}: ${v}`;
        continue;
      }
      if (v > limit.max) {
        if (tooMany++ === 0) firstTooMany = `row ${row}, column ${col}: ${v}`;
        continue;
      }
      if (v > limit.usualMax && unusual++ === 0) firstUnusual = `row ${row}, column ${col}: ${v}`;
      const x = g.originX + (col + 0.5) * g.pixelWidth;
      const [lon, lat] = g.crs.toWgs84(x, y);
      if (lonLatProblem(lon, lat)) {
        if (outside++ === 0) firstOutside = `row ${row}, column ${col}`;
        continue;
      }
      out.push(lon, lat, v);
    }
  }
  if (negative) {
    fp.error(null, null, `${plural(negative, 'cell has', 'cells have')} a negative count (first at ${firstNegative}); expected counts ≥ 0, or the NoData value`);
  }
  if (outside) {
    fp.error(null, null, `${plural(outside, 'cell', 'cells')} with people lie outside lon −180..180 / lat −90..90 after conversion from ${g.crs.name} (first at ${firstOutside}); expected a valid georeference`);
  }
  if (tooMany) {
    fp.error(null, null, `${plural(tooMany, 'cell has', 'cells have')} more than ${showCount(limit.max)} people (first at ${firstTooMany}); expected ${describeRange(limit)}: ${limit.why}`);
  }
  if (unusual) {
    fp.warn(null, null, `${plural(unusual, 'cell has', 'cells have')} more than ${showCount(limit.usualMax)} people (first at ${firstUnusual}): ${limit.usualWhy}; is the band a density per km² rather than a count?`);
  }
  return negative || outside || tooMany ? null : out.build();
}

/**
 * Points that fall in no hamlet are not used; the spec wants them counted, not silent:
 * one warning with how many and how much weight. "In a hamlet" is the engine's own
 * assignment (packagePopulationIndex, boundary included), which the engine then reuses
 * for the package; it leaves out points of weight 0, so those few are looked up here.
 */
export function warnPointsOutsideHamlets(points: PopulationPoints, hamlets: readonly Hamlet[], fp: FileProblems): void {
  const total = points.pop.length;
  if (!total || !hamlets.length) return;
  const index = packagePopulationIndex(points, hamlets);
  const inHamlet = new Uint8Array(total);
  for (let k = 0; k < index.hamlet.length; k++) if (index.hamlet[k] !== -1) inHamlet[index.source[k]!] = 1;
  const polygons = hamletPolygons(hamlets);
  const boxes = new Flatbush(polygons.length);
  for (const { bbox } of polygons) boxes.add(bbox[0] - BBOX_PAD_DEG, bbox[1] - BBOX_PAD_DEG, bbox[2] + BBOX_PAD_DEG, bbox[3] + BBOX_PAD_DEG);
  boxes.finish();
  let count = 0;
  let weight = 0;
  for (let i = 0; i < total; i++) {
    if (inHamlet[i] === 1) continue;
    const lon = points.lon[i]!;
    const lat = points.lat[i]!;
    const pop = points.pop[i]!;
    if (pop === 0 && boxes.search(lon, lat, lon, lat).some((h) => containsPoint(polygons[h]!, lon, lat))) continue;
    count++;
    weight += pop;
  }
  if (count) {
    fp.warn(
      null,
      null,
      `${showCount(count)} of ${plural(total, 'point')} (weight ${showCount(Math.round(weight * 100) / 100)}) ${count === 1 ? 'lies' : 'lie'} inside no hamlet; ${count === 1 ? 'it is' : 'they are'} not used`,
    );
  }
}
