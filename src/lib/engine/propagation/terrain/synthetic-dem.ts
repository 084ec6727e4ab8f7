// Synthetic DEMs for tests and benchmarks: an elevation function of metres east and north
// of a centre, sampled on a lon/lat raster of about `pixelM` metres per pixel.
import { radiiOfCurvature } from '../../geodesy.ts';
import type { LonLat, Raster } from '../../types.ts';

/** A north-up lon/lat raster `halfSizeM` around `center`, elevation `elevationM(eastM, northM)` at each pixel centre. */
export function syntheticDem(center: LonLat, halfSizeM: number, pixelM: number, elevationM: (eastM: number, northM: number) => number): Raster {
  const { meridianM, primeVerticalM } = radiiOfCurvature(center[1]);
  const mPerDegLat = (Math.PI * meridianM) / 180;
  const mPerDegLon = (Math.PI * primeVerticalM * Math.cos((center[1] * Math.PI) / 180)) / 180;
  const size = 2 * Math.ceil(halfSizeM / pixelM) + 1;
  const half = (size * pixelM) / 2;
  const values = new Float32Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) values[r * size + c] = elevationM((c + 0.5) * pixelM - half, half - (r + 0.5) * pixelM);
  }
  return {
    width: size,
    height: size,
    bbox: [center[0] - half / mPerDegLon, center[1] - half / mPerDegLat, center[0] + half / mPerDegLon, center[1] + half / mPerDegLat],
    noData: null,
    values,
  };
}
