// coverage.geojson: coverage polygons supplied by a carrier (4G, 5G, fiber).
import type { CoverageArea, CoverageTech, HamletGeometry } from '../engine/types.ts';
import type { FileProblems } from './collector.ts';
import type { Crs } from './crs.ts';
import { UnknownNames, featureId } from './features.ts';
import { readFeatureCollection } from './geojson.ts';
import { checkPolygonal } from './geometry-checks.ts';
import { STATUSES } from './sites.ts';
import { FieldReader } from './values.ts';

const TECHS: readonly CoverageTech[] = ['4G', '5G', 'fiber'];

export function loadCoverage(text: string, fp: FileProblems, crs: Crs | null): CoverageArea[] | null {
  const features = readFeatureCollection(text, fp, crs);
  if (!features) return null;
  const errorsBefore = fp.errorCount;
  const out: CoverageArea[] = [];
  const unknown = new UnknownNames();
  const seen = new Map<string, string>();
  for (const f of features) {
    const r = new FieldReader(fp, f.where, f.properties, 'json');
    const id = featureId(f, r, false) ?? `coverage.geojson#${f.index}`;
    const first = seen.get(id);
    if (first !== undefined) r.fail('id', `${JSON.stringify(id)} is also the id of ${first}; expected unique ids`);
    else seen.set(id, f.where);
    const tech = r.oneOf('tech', TECHS, null);
    const carrier = r.text('carrier', false);
    if (carrier === null) r.fail('carrier', "missing; expected the carrier's name, e.g. VNPT");
    let maxMbps = r.number('max_mbps', { min: 0, minExclusive: true });
    if (maxMbps !== null && tech !== null && tech !== 'fiber') {
      r.warn('max_mbps', `is ignored for ${tech} coverage; it applies to fiber only`);
      maxMbps = null;
    }
    const status = r.oneOf('status', STATUSES, 'on_air');
    const onAirYear = r.year('on_air_year');
    if (status === 'planned' && onAirYear === null && r.ok) {
      r.warn('on_air_year', 'missing for planned coverage; it will never count as on air');
    }
    let geometry: HamletGeometry | null = null;
    if (f.geometryReported) r.ok = false;
    else if (!f.geometry) r.fail('geometry', 'missing; expected a Polygon or MultiPolygon');
    else {
      const checked = checkPolygonal(f.geometry);
      if ('message' in checked) r.fail('geometry', checked.message);
      else geometry = checked.geometry;
    }
    unknown.note(f.properties, r);
    if (!r.ok || tech === null || carrier === null || status === null || geometry === null) continue;
    out.push({ id, tech, carrier, max_mbps: maxMbps, status, on_air_year: onAirYear, geometry });
  }
  unknown.report(fp);
  return fp.errorCount > errorsBefore ? null : out;
}
