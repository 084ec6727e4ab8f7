// Horizontal antenna pattern of a sector: 3GPP TR 38.901 (V17.0.0) §7.3, Table 7.3-1,
//   A(φ) = −min(12 (φ / φ3dB)², Am),  Am = 30 dB.
// TR 38.901 is the model 3GPP uses for both LTE and NR evaluation; its 30 dB floor is the
// front-to-back ratio of a typical panel antenna (TR 36.814 Table A.2.1.1-2 used 25 dB).
// φ3dB is the cell's own beamwidth_deg rather than the table's 65°, so a file's wider or
// narrower sectors keep their shape.

/** Front-to-back floor Am of the pattern, dB (TR 38.901 Table 7.3-1). */
export const PATTERN_FLOOR_DB = 30;

/** Angle off boresight folded into 0..180°, for any real input (e.g. −30 or 350 ⇒ 30). */
export function foldOffBoresightDeg(offBoresightDeg: number): number {
  const wrapped = ((offBoresightDeg % 360) + 360) % 360;
  return wrapped > 180 ? 360 - wrapped : wrapped;
}

/** Relative gain of the horizontal pattern at `offBoresightDeg` for a 3 dB beamwidth `beamwidthDeg`, dB (≤ 0). */
export function horizontalPatternDb(offBoresightDeg: number, beamwidthDeg: number): number {
  if (beamwidthDeg >= 360) return 0;
  const ratio = foldOffBoresightDeg(offBoresightDeg) / beamwidthDeg;
  return -Math.min(12 * ratio * ratio, PATTERN_FLOOR_DB);
}
