// Azimuth arithmetic with no geodesic library behind it, so page-side code (the planner's
// exchange files) can use it without pulling geographiclib into the page bundle.

/** Azimuth in degrees taken into 0 ≤ a < 360 (clockwise from true north). */
export function normalizeAzimuth(deg: number): number {
  const a = deg % 360;
  if (a === 0) return 0; // 0 rather than −0 for −360, −720…
  // A tiny negative a (−1e-15) gives a + 360 === 360 in doubles: that is north, 0.
  const up = a < 0 ? a + 360 : a;
  return up === 360 ? 0 : up;
}
