// Received level of one cell over the terrain, along radials from the site (polar grid):
//   level(θ, d) = EIRP per RE + A(θ) − L_model(d) − (L_bull(actual profile) − L_bull(smooth profile))
// L_model is the flat-terrain median model the engine already uses (Hata / COST-231 / RMa),
// A(θ) the 3GPP horizontal pattern. The terrain term follows the structure of ITU-R
// P.452-18 §4.2.3 ("delta-Bullington"): Bullington's loss over the real profile minus the
// same over a smooth Earth with the same antenna heights, added to a smooth-Earth loss,
// here the empirical model, which already holds the smooth ground's median effect. Over a
// flat DEM the two Bullington terms are equal and the level is the flat model's exactly.
import { horizontalPatternDb } from '../antenna.ts';
import type { ResolvedLink } from '../index.ts';
import { MOBILE_HEIGHT_M } from '../link-budget.ts';
import { CURVATURE_PER_M2, bullingtonLossesDb } from './bullington.ts';
import type { Terrain } from './dem.ts';
import { azimuthOffsetDeg, radiiOfCurvature } from '../../geodesy.ts';
import type { LonLat } from '../../types.ts';

const SPEED_OF_LIGHT_M_S = 299_792_458;
/** Samples computed past the last one that could be covered, so every covered pixel has real neighbours to interpolate with. */
const RADIAL_PAD_SAMPLES = 3;
/** Radials are spaced so that neighbours lie at most this many profile steps apart at the longest radial's end. */
const ARC_STEPS_AT_EDGE = 2;
const MIN_RADIALS = 72;
const MAX_RADIALS = 1440;
/** Level stored where nothing was computed (beyond a radial or the model's range), dBm. */
export const NO_SIGNAL_DBM = -999;

export interface PolarLevels {
  radials: number;
  /** Samples per radial in the array (the longest radial + 1). */
  stride: number;
  /** Last computed sample of each radial. */
  lastSample: Int32Array;
  /** levelDbm[k * stride + j]: level at bearing k·360/radials, distance j·stepM; NO_SIGNAL_DBM beyond lastSample[k]. */
  levelDbm: Float32Array;
  stepM: number;
}

export interface RadialCell {
  center: LonLat;
  /** Boresight, degrees clockwise from north; null for omni. */
  azimuthDeg: number | null;
  beamwidthDeg: number;
}

/** Received level (RSRP / SS-RSRP, dBm) of a cell on a polar grid around its site, over `terrain`. */
export function polarLevels(cell: RadialCell, link: ResolvedLink, terrain: Terrain): PolarLevels {
  const { model, horizonM, assumptions } = link;
  const stepM = terrain.stepM;
  const heightM = assumptions.heightM;
  const wavelengthM = SPEED_OF_LIGHT_M_S / (assumptions.bandMHz * 1e6);
  const capSamples = Math.max(1, Math.floor(Math.min(model.maxDistanceM, horizonM) / stepM));
  const floorSamples = Math.floor(model.minDistanceM / stepM);

  // Flat-model loss per sample, and the smooth-Earth Bullington loss the real profile is compared with.
  const modelLossDb = new Float64Array(capSamples + 1);
  const smooth = new Float64Array(capSamples + 1);
  for (let j = 0; j <= capSamples; j++) {
    const dM = j * stepM;
    modelLossDb[j] = model.pathLossDb(Math.max(dM, model.minDistanceM));
    smooth[j] = -dM * dM * CURVATURE_PER_M2;
  }
  const smoothLossDb = new Float64Array(capSamples + 1);
  bullingtonLossesDb(smooth, capSamples, stepM, heightM, MOBILE_HEIGHT_M, wavelengthM, smoothLossDb);
  // The terrain can lift the level above the flat model's by at most the smooth-Earth loss
  // (its own loss is ≥ 0), so a radial stops where even that could not reach the threshold.
  const headroomDb = new Float64Array(capSamples + 1);
  for (let j = 0; j <= capSamples; j++) headroomDb[j] = (smoothLossDb[j] as number) - (modelLossDb[j] as number);

  const omni = cell.azimuthDeg === null || cell.beamwidthDeg >= 360;
  const patternAt = (bearingDeg: number) => (omni ? 0 : horizontalPatternDb(azimuthOffsetDeg(bearingDeg, cell.azimuthDeg as number), cell.beamwidthDeg));
  const lastFor = (budgetDb: number) => {
    let last = capSamples;
    while (last > floorSamples && budgetDb + (headroomDb[last] as number) < 0) last--;
    return Math.min(capSamples, last + RADIAL_PAD_SAMPLES);
  };
  const longestM = lastFor(assumptions.maxPathLossDb) * stepM;
  const radials = Math.min(MAX_RADIALS, Math.max(MIN_RADIALS, 4 * Math.ceil((2 * Math.PI * longestM) / (ARC_STEPS_AT_EDGE * stepM) / 4)));

  const lastSample = new Int32Array(radials);
  const budgets = new Float64Array(radials);
  let stride = 1;
  for (let k = 0; k < radials; k++) {
    budgets[k] = assumptions.maxPathLossDb + patternAt((360 * k) / radials);
    lastSample[k] = lastFor(budgets[k] as number);
    stride = Math.max(stride, (lastSample[k] as number) + 1);
  }

  const { meridianM, primeVerticalM } = radiiOfCurvature(cell.center[1]);
  const colPerM = 180 / (Math.PI * primeVerticalM * Math.cos((cell.center[1] * Math.PI) / 180) * terrain.pixelLonDeg);
  const rowPerM = 180 / (Math.PI * meridianM * terrain.pixelLatDeg);
  const col0 = terrain.columnOf(cell.center[0]);
  const row0 = terrain.rowOf(cell.center[1]);

  const levelDbm = new Float32Array(radials * stride).fill(NO_SIGNAL_DBM);
  const profile = new Float64Array(stride);
  const actualLossDb = new Float64Array(stride);
  const thresholdDbm = assumptions.thresholdDbm;
  for (let k = 0; k < radials; k++) {
    const n = lastSample[k] as number;
    const bearingRad = (2 * Math.PI * k) / radials;
    const dCol = Math.sin(bearingRad) * colPerM;
    const dRow = -Math.cos(bearingRad) * rowPerM;
    // Straight lines in a plane tangent at the site: within 1e-4 of the geodesic over 5 km.
    for (let i = 0; i <= n; i++) {
      const dM = i * stepM;
      profile[i] = terrain.sample(col0 + dM * dCol, row0 + dM * dRow) - dM * dM * CURVATURE_PER_M2;
    }
    bullingtonLossesDb(profile, n, stepM, heightM, MOBILE_HEIGHT_M, wavelengthM, actualLossDb);
    const budgetDb = budgets[k] as number;
    const base = k * stride;
    for (let j = 0; j <= n; j++) {
      // Within the model's shortest distance the flat model always covers (its reach floor).
      const lossDb = j <= floorSamples ? Math.min(modelLossDb[j] as number, budgetDb) : (modelLossDb[j] as number);
      levelDbm[base + j] = thresholdDbm + budgetDb - lossDb - ((actualLossDb[j] as number) - (smoothLossDb[j] as number));
    }
  }
  return { radials, stride, lastSample, levelDbm, stepM };
}
