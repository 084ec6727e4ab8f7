// Checks the generated hamlets against the brief before anything is written: the outline
// (their union) has the published area, the two old communes have theirs, hamlets do not
// overlap and leave no gaps, and the populations add up exactly.
import { area, bbox, featureCollection, intersect, polygon, union } from '@turf/turf';
import { AREA_KM2 } from './outline.ts';
import { POPULATION, type HamletDraft } from './hamlets.ts';

function fail(message: string): never {
  throw new Error(`make-sample: ${message}`);
}

/** Throws when a published figure is missed; returns the measured figures for printing. */
export function verifyHamlets(hamlets: readonly HamletDraft[]) {
  const polys = hamlets.map((h) => polygon([h.ring]));
  const areas = polys.map((p) => area(p));
  const sumKm2 = areas.reduce((a, b) => a + b, 0) / 1e6;
  const outline = union(featureCollection(polys));
  if (!outline || outline.geometry.type !== 'Polygon') fail('the hamlets do not unite into one polygon');
  if (outline.geometry.coordinates.length !== 1) fail('the hamlets leave a hole in the commune');
  const outlineKm2 = area(outline) / 1e6;
  if (Math.abs(outlineKm2 / AREA_KM2.commune - 1) > 0.01) fail(`outline is ${outlineKm2} km², expected ≈ ${AREA_KM2.commune}`);
  if (Math.abs(sumKm2 / outlineKm2 - 1) > 0.001) fail(`hamlets sum to ${sumKm2} km² but the outline has ${outlineKm2}`);
  const partKm2 = (part: HamletDraft['part']) =>
    hamlets.reduce((s, h, i) => s + (h.part === part ? (areas[i] as number) : 0), 0) / 1e6;
  let maxOverlapM2 = 0;
  const boxes = polys.map((p) => bbox(p));
  for (let i = 0; i < polys.length; i++) {
    for (let j = i + 1; j < polys.length; j++) {
      const a = boxes[i] as number[];
      const b = boxes[j] as number[];
      if ((a[2] as number) < (b[0] as number) || (b[2] as number) < (a[0] as number)) continue;
      if ((a[3] as number) < (b[1] as number) || (b[3] as number) < (a[1] as number)) continue;
      const overlap = intersect(featureCollection([polys[i], polys[j]].filter((p) => p !== undefined)));
      if (overlap) maxOverlapM2 = Math.max(maxOverlapM2, area(overlap));
    }
  }
  if (maxOverlapM2 >= 1) fail(`two hamlets overlap by ${maxOverlapM2} m²`);
  const popOf = (part: HamletDraft['part'] | null) =>
    hamlets.reduce((s, h) => s + (part === null || h.part === part ? h.population : 0), 0);
  if (popOf(null) !== POPULATION.commune || popOf('namHoa') !== POPULATION.namHoa || popOf('cayThi') !== POPULATION.cayThi) {
    fail(`populations sum to ${popOf(null)} (${popOf('namHoa')} + ${popOf('cayThi')})`);
  }
  return { outlineKm2, sumKm2, namHoaKm2: partKm2('namHoa'), cayThiKm2: partKm2('cayThi'), maxOverlapM2 };
}
