// A local east/north metre frame centred on the commune HQ, so shapes can be drawn in
// metres and then written as WGS84 [lon, lat]. Over the ~12 km of the commune the
// equirectangular scale error is below 0.05%; every published figure is re-measured
// geodesically (turf.area, geographiclib) after conversion anyway.
import geographiclib from 'geographiclib-geodesic';
import type { LonLat } from '../../src/lib/engine/types.ts';

const geod = geographiclib.Geodesic.WGS84;

/** Commune centre (People's Committee HQ), ≈ 21.6113 N, 105.9208 E. */
export const CENTRE: LonLat = [105.9208, 21.6113];

const STEP_DEG = 0.01;
const mPerDegLon = (geod.Inverse(CENTRE[1], CENTRE[0] - STEP_DEG / 2, CENTRE[1], CENTRE[0] + STEP_DEG / 2).s12 ?? NaN) / STEP_DEG;
const mPerDegLat = (geod.Inverse(CENTRE[1] - STEP_DEG / 2, CENTRE[0], CENTRE[1] + STEP_DEG / 2, CENTRE[0]).s12 ?? NaN) / STEP_DEG;

/** A point in the local frame: metres east and north of CENTRE. */
export type XY = [number, number];

/** Rounds degrees to 6 decimals (≈ 0.1 m), the precision every output file uses. */
export function round6(deg: number): number {
  return Math.round(deg * 1e6) / 1e6;
}

/** Local metres → [lon, lat] rounded to 6 decimals. */
export function toLonLat([xM, yM]: XY): LonLat {
  return [round6(CENTRE[0] + xM / mPerDegLon), round6(CENTRE[1] + yM / mPerDegLat)];
}

/** [lon, lat] → local metres. */
export function toXY([lon, lat]: LonLat): XY {
  return [(lon - CENTRE[0]) * mPerDegLon, (lat - CENTRE[1]) * mPerDegLat];
}

/** Geodesic distance in metres and initial bearing in degrees clockwise from north. */
export function inverse(from: LonLat, to: LonLat): { distM: number; azDeg: number } {
  const r = geod.Inverse(from[1], from[0], to[1], to[0]);
  return { distM: r.s12 ?? 0, azDeg: ((r.azi1 ?? 0) + 360) % 360 };
}

/** Unit vector (east, north) for a bearing in degrees clockwise from north. */
export function heading(azDeg: number): XY {
  const rad = (azDeg * Math.PI) / 180;
  return [Math.sin(rad), Math.cos(rad)];
}

export function add(a: XY, b: XY, k = 1): XY {
  return [a[0] + k * b[0], a[1] + k * b[1]];
}

export function dist(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Nearest point to `p` on segment a–b, with its distance in metres. */
export function nearestOnSegment(p: XY, a: XY, b: XY): { at: XY; distM: number; t: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const at: XY = [a[0] + t * dx, a[1] + t * dy];
  return { at, distM: dist(p, at), t };
}
