// Checks across files, run once each file has loaded on its own.
import type { Hamlet } from '../engine/types.ts';
import type { FileProblems } from './collector.ts';
import { plural, showCount } from './fmt.ts';
import { polygonBbox } from './geometry-checks.ts';

/** Points further than this outside the hamlets' bounding box get a warning. */
export const FAR_MARGIN_KM = 20;

interface Located {
  lon: number;
  lat: number;
  id?: string;
}

/**
 * Warns (once per file) about points far outside the hamlets' extent: the usual sign of
 * a wrong coordinate system or swapped x/y, which the lon/lat range check cannot see
 * (VN-2000 easting and northing swapped still land on Earth, in Indonesia).
 */
export function warnFarFromHamlets(points: readonly Located[], hamlets: readonly Hamlet[], fp: FileProblems, noun: string, nouns = `${noun}s`): void {
  if (!points.length || !hamlets.length) return;
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const h of hamlets) {
    const [w, s, e, n] = polygonBbox(h.geometry);
    west = Math.min(west, w);
    south = Math.min(south, s);
    east = Math.max(east, e);
    north = Math.max(north, n);
  }
  const dLat = FAR_MARGIN_KM / 111.32;
  const dLon = dLat / Math.max(0.01, Math.cos((((south + north) / 2) * Math.PI) / 180));
  const far = points.filter((p) => p.lon < west - dLon || p.lon > east + dLon || p.lat < south - dLat || p.lat > north + dLat);
  if (!far.length) return;
  const first = far[0]!;
  const name = first.id === undefined ? '' : `${JSON.stringify(first.id)} `;
  fp.warn(
    null,
    null,
    `${showCount(far.length)} of ${plural(points.length, noun, nouns)} ${far.length === 1 ? 'lies' : 'lie'} more than ${FAR_MARGIN_KM} km outside the hamlets' extent (first: ${name}at ${round(first.lon)}, ${round(first.lat)}); wrong coordinate system, or x and y swapped?`,
  );
}

function round(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
