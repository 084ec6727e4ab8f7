// candidates.geojson: places where a new site may go.
import type { CandidateKind, CandidatePlace } from '../engine/types.ts';
import { RANGES } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import type { Crs } from './crs.ts';
import { IdRegistry, UnknownNames, featureId, pointOf } from './features.ts';
import { readFeatureCollection } from './geojson.ts';
import { FieldReader } from './values.ts';

export const CANDIDATE_KINDS: readonly CandidateKind[] = ['public_land', 'existing_tower', 'rooftop', 'other'];

export function loadCandidates(text: string, fp: FileProblems, crs: Crs | null): CandidatePlace[] | null {
  const features = readFeatureCollection(text, fp, crs);
  if (!features) return null;
  const errorsBefore = fp.errorCount;
  const out: CandidatePlace[] = [];
  const ids = new IdRegistry();
  const unknown = new UnknownNames();
  for (const f of features) {
    const r = new FieldReader(fp, f.where, f.properties, 'json');
    const id = featureId(f, r, true);
    if (id !== null) ids.check(id, f.where, r);
    const name = r.text('name', true);
    const kind = r.oneOf('kind', CANDIDATE_KINDS, 'other');
    const maxHeightM = r.ranged('max_height_m', RANGES.max_height_m);
    const position = pointOf(f, r);
    unknown.note(f.properties, r);
    if (!r.ok || id === null || name === null || kind === null || position === null) continue;
    out.push({ id, name, kind, max_height_m: maxHeightM, lon: position[0], lat: position[1] });
  }
  unknown.report(fp);
  return fp.errorCount > errorsBefore ? null : out;
}
