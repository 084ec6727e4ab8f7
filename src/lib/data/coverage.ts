// coverage.geojson: coverage polygons supplied by a carrier (4G, 5G, fiber).
import type { CoverageArea, CoverageTech } from '../engine/types.ts';
import { RANGES } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import type { Crs } from './crs.ts';
import { IdRegistry, UnknownNames, featureId, polygonalOf } from './features.ts';
import { readFeatureCollection } from './geojson.ts';
import { STATUSES } from './sites.ts';
import { FieldReader } from './values.ts';

const TECHS: readonly CoverageTech[] = ['4G', '5G', 'fiber'];

export function loadCoverage(text: string, fp: FileProblems, crs: Crs | null): CoverageArea[] | null {
  const features = readFeatureCollection(text, fp, crs);
  if (!features) return null;
  const errorsBefore = fp.errorCount;
  const out: CoverageArea[] = [];
  const unknown = new UnknownNames();
  const ids = new IdRegistry();
  for (const f of features) {
    const r = new FieldReader(fp, f.where, f.properties, 'json');
    const id = featureId(f, r, false) ?? `coverage.geojson#${f.index}`;
    ids.check(id, f.where, r);
    const tech = r.oneOf('tech', TECHS, null);
    const carrier = r.text('carrier', false);
    if (carrier === null) r.fail('carrier', "missing; expected the carrier's name, e.g. VNPT");
    let maxMbps = r.ranged('max_mbps', RANGES.max_mbps);
    if (maxMbps !== null && tech !== null && tech !== 'fiber') {
      r.warn('max_mbps', `is ignored for ${tech} coverage; it applies to fiber only`);
      maxMbps = null;
    }
    const status = r.oneOf('status', STATUSES, 'on_air');
    const onAirYear = r.year('on_air_year');
    if (status === 'planned' && onAirYear === null && r.ok) {
      r.warn('on_air_year', 'missing for planned coverage; it will never count as on air');
    }
    const geometry = polygonalOf(f, r);
    unknown.note(f.properties, r);
    if (!r.ok || tech === null || carrier === null || status === null || geometry === null) continue;
    out.push({ id, tech, carrier, max_mbps: maxMbps, status, on_air_year: onAirYear, geometry });
  }
  unknown.report(fp);
  return fp.errorCount > errorsBefore ? null : out;
}
