// hamlets.geojson: hamlet (xóm) boundaries and census counts.
import type { Hamlet } from '../engine/types.ts';
import { hamletPolygons } from '../engine/population.ts';
import { RANGES } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import type { Crs } from './crs.ts';
import { IdRegistry, UnknownNames, featureId, polygonalOf } from './features.ts';
import { readFeatureCollection } from './geojson.ts';
import { findOverlaps, OVERLAP_TOLERANCE_M2, showArea } from './geometry-checks.ts';
import { FieldReader } from './values.ts';


export function loadHamlets(text: string, fp: FileProblems, crs: Crs | null): Hamlet[] | null {
  const features = readFeatureCollection(text, fp, crs);
  if (!features) return null;
  if (features.length === 0) {
    fp.error(null, null, 'the file has no features; expected at least one hamlet polygon');
    return null;
  }
  const errorsBefore = fp.errorCount;
  const hamlets: Hamlet[] = [];
  const featureIndex: number[] = [];
  const ids = new IdRegistry();
  const unknown = new UnknownNames();
  for (const f of features) {
    const r = new FieldReader(fp, f.where, f.properties, 'json');
    const id = featureId(f, r, true);
    const name = r.text('name', true);
    const population = r.ranged('population', RANGES.people, true);
    const households = r.ranged('households', RANGES.people);
    const adults = r.ranged('adults', RANGES.people);
    const esignAdults = r.ranged('esign_adults', RANGES.people);
    if (population !== null && households !== null && households > population) {
      r.fail('households', `got ${households}, more than the population ${population}; expected households ≤ population (a household has at least one member)`);
    }
    if (population !== null && adults !== null && adults > population) {
      r.fail('adults', `got ${adults}, more than the population ${population}; expected adults ≤ population`);
    }
    if (adults !== null && esignAdults !== null && esignAdults > adults) {
      r.fail('esign_adults', `got ${esignAdults}, more than adults ${adults}; expected esign_adults ≤ adults`);
    }
    if (id !== null) ids.check(id, f.where, r);
    const geometry = polygonalOf(f, r);
    unknown.note(f.properties, r);
    if (population === 0) r.warn('population', 'is 0; the hamlet still counts in hamlet shares, by area');
    if (!r.ok || id === null || name === null || population === null || geometry === null) continue;
    hamlets.push({ id, name, population, households, adults, esign_adults: esignAdults, geometry });
    featureIndex.push(f.index);
  }
  unknown.report(fp);
  // hamletPolygons: flattened once for this check, the population check and the engine.
  for (const o of findOverlaps(hamlets.map((h) => h.geometry), OVERLAP_TOLERANCE_M2, hamletPolygons(hamlets))) {
    const a = hamlets[o.a]!;
    const b = hamlets[o.b]!;
    fp.error(
      `feature ${featureIndex[o.b]}`,
      'geometry',
      `hamlet ${JSON.stringify(b.id)} overlaps hamlet ${JSON.stringify(a.id)} (feature ${featureIndex[o.a]}) by ${showArea(o.areaM2)}; expected hamlets not to overlap (tolerance ${OVERLAP_TOLERANCE_M2} m²)`,
    );
  }
  return fp.errorCount > errorsBefore ? null : hamlets;
}
