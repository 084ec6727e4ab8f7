// pois.geojson: commune HQ, schools, health stations and other priority places.
import type { Poi, PoiType } from '../engine/types.ts';
import type { FileProblems } from './collector.ts';
import type { Crs } from './crs.ts';
import { IdRegistry, UnknownNames, featureId, pointOf } from './features.ts';
import { readFeatureCollection } from './geojson.ts';
import { FieldReader } from './values.ts';

export const POI_TYPES: readonly PoiType[] = ['commune_hq', 'school', 'health', 'culture_house', 'other'];

export function loadPois(text: string, fp: FileProblems, crs: Crs | null): Poi[] | null {
  const features = readFeatureCollection(text, fp, crs);
  if (!features) return null;
  const errorsBefore = fp.errorCount;
  const out: Poi[] = [];
  const ids = new IdRegistry();
  const unknown = new UnknownNames();
  for (const f of features) {
    const r = new FieldReader(fp, f.where, f.properties, 'json');
    const given = featureId(f, r, false);
    if (given !== null) ids.check(given, f.where, r);
    const type = r.oneOf('type', POI_TYPES, null);
    const name = r.text('name', true);
    const position = pointOf(f, r);
    unknown.note(f.properties, r);
    if (!r.ok || type === null || name === null || position === null) continue;
    out.push({ id: given ?? `pois.geojson#${f.index}`, type, name, lon: position[0], lat: position[1] });
  }
  unknown.report(fp);
  return fp.errorCount > errorsBefore ? null : out;
}
