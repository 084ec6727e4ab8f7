// The commune outline and its split into the two communes merged in 2025: old Nam Hoà
// (south-west, denser, along QL17) and Cây Thị (north-east, hilly, sparse). Shapes are
// drawn in local metres and scaled until their geodesic areas match the published ones.
import { area, difference, featureCollection, intersect, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { add, heading, toLonLat, type XY } from './frame.ts';

/** Published areas (km²). */
export const AREA_KM2 = { commune: 65.02, namHoa: 24.48, cayThi: 40.54 } as const;

/** Bearing of the commune's long axis: old Nam Hoà at the south-west end, Cây Thị north-east. */
export const AXIS_AZ_DEG = 32;
const AXIS = heading(AXIS_AZ_DEG);
const ACROSS = heading(AXIS_AZ_DEG + 90);
/** Shape centre in local metres: north-east of the HQ so the HQ sits inside old Nam Hoà. */
const SHAPE_CENTRE: XY = add([0, 0], AXIS, 2700);
const VERTICES = 144;
/** Fixed harmonics (k, relative amplitude, phase) that make the outline irregular. */
const WOBBLE: readonly [number, number, number][] = [
  [2, 0.05, 0.7],
  [3, 0.07, 2.1],
  [4, 0.035, 4.0],
  [5, 0.03, 1.3],
  [7, 0.018, 5.2],
  [11, 0.01, 0.4],
];

export type Ring = XY[];

/** Geodesic area in km² of a polygon given in local metres. */
export function areaKm2(rings: Ring[]): number {
  return area(polygon(rings.map((r) => r.map(toLonLat)))) / 1e6;
}

function outlineRing(scaleM: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < VERTICES; i++) {
    const phi = (2 * Math.PI * i) / VERTICES;
    // Ellipse 1.45 : 1 along the axis, then a sum of low harmonics.
    const a = 1.45;
    const along = Math.cos(phi);
    const across = Math.sin(phi);
    const ellipseR = 1 / Math.sqrt((along / a) ** 2 + across ** 2);
    const wobble = 1 + WOBBLE.reduce((s, [k, amp, ph]) => s + amp * Math.sin(k * phi + ph), 0);
    const r = scaleM * ellipseR * wobble;
    ring.push(add(add(SHAPE_CENTRE, AXIS, r * along), ACROSS, r * across));
  }
  ring.push(ring[0] as XY);
  return ring;
}

/** The divider between the two old communes: a wavy line across the axis at `offsetM`. */
function southWestSide(offsetM: number): Ring {
  const pts: Ring = [];
  for (let t = -12000; t <= 12000; t += 400) {
    const wave = 260 * Math.sin(t / 900 + 0.8) + 140 * Math.sin(t / 370 + 2.0);
    pts.push(add(add(SHAPE_CENTRE, AXIS, offsetM + wave), ACROSS, t));
  }
  const farSw = add(SHAPE_CENTRE, AXIS, -20000);
  const first = pts[0] as XY;
  return [...pts, add(farSw, ACROSS, 12000), add(farSw, ACROSS, -12000), first];
}

function single(f: Feature<Polygon | MultiPolygon> | null, what: string): Ring[] {
  if (!f || f.geometry.type !== 'Polygon') throw new Error(`make-sample: ${what} is not a single polygon`);
  return f.geometry.coordinates.map((r) => r.map((p) => [p[0], p[1]] as XY));
}

export interface Outline {
  commune: Ring[];
  namHoa: Ring[];
  cayThi: Ring[];
}

/** Builds the outline (≈ 65.02 km²) and splits it into old Nam Hoà and Cây Thị by area. */
export function buildOutline(): Outline {
  let scaleM = 4000;
  for (let i = 0; i < 4; i++) scaleM *= Math.sqrt(AREA_KM2.commune / areaKm2([outlineRing(scaleM)]));
  const commune = [outlineRing(scaleM)];
  const outlineF = polygon(commune);
  const split = (offsetM: number) => {
    const sw = polygon([southWestSide(offsetM)]);
    return {
      namHoa: single(intersect(featureCollection([outlineF, sw])), 'old Nam Hoà'),
      cayThi: single(difference(featureCollection([outlineF, sw])), 'Cây Thị'),
    };
  };
  // Bisect the divider's offset along the axis until old Nam Hoà has its area.
  let lo = -6000;
  let hi = 6000;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (areaKm2(split(mid).namHoa) < AREA_KM2.namHoa) lo = mid;
    else hi = mid;
  }
  return { commune, ...split((lo + hi) / 2) };
}
