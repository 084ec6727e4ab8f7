// Distance at which a path-loss model reaches a given loss, clamped to where the model holds.
import type { PathLossModel } from './models.ts';

/** Mean Earth radius, metres (IUGG). */
const EARTH_RADIUS_M = 6_371_000;
/** Effective Earth-radius factor k = 4/3 of the standard radio atmosphere (ITU-R P.310, P.834). */
const EFFECTIVE_EARTH_FACTOR = 4 / 3;

/** Radio horizon √(2kRh₁) + √(2kRh₂) between antennas at heights h₁ and h₂ over smooth Earth, metres. */
export function radioHorizonM(baseHeightM: number, mobileHeightM: number): number {
  const twoKR = 2 * EFFECTIVE_EARTH_FACTOR * EARTH_RADIUS_M;
  return Math.sqrt(twoKR * baseHeightM) + Math.sqrt(twoKR * mobileHeightM);
}

/** The root search stops within this much loss, dB: far under the 0.01 dB the reach must honour. */
const LOSS_TOLERANCE_DB = 1e-6;
const MAX_ITERATIONS = 100;

/**
 * Ground distance where `model` loses `lossDb`, metres, within [minDistanceM, min(maxDistanceM, capM)].
 * Losses beyond the range's ends give its ends: a reach is never shorter than the model's floor
 * nor longer than where the model (or the radio horizon, `capM`) stops.
 */
export function distanceForLossM(model: PathLossModel, lossDb: number, capM: number): number {
  const loM = model.minDistanceM;
  const hiM = Math.max(loM, Math.min(model.maxDistanceM, capM));
  const excessLoDb = model.pathLossDb(loM) - lossDb;
  if (excessLoDb >= 0) return loM;
  const excessHiDb = model.pathLossDb(hiM) - lossDb;
  if (excessHiDb <= 0) return hiM;
  if (model.distanceForLossM) return Math.min(hiM, Math.max(loM, model.distanceForLossM(lossDb)));
  // The loss rises monotonically with distance (every term of TR 38.901 RMa does) and is
  // nearly linear in log-distance, so regula falsi on log10(d) with the Illinois fix
  // keeps a bracket like bisection but converges in a handful of steps instead of ~35.
  let x0 = Math.log10(loM), f0 = excessLoDb;
  let x1 = Math.log10(hiM), f1 = excessHiDb;
  let side = 0;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const x = x1 - (f1 * (x1 - x0)) / (f1 - f0);
    const f = model.pathLossDb(10 ** x) - lossDb;
    if (Math.abs(f) <= LOSS_TOLERANCE_DB) return 10 ** x;
    if (f > 0) {
      x1 = x; f1 = f;
      if (side === 1) f0 /= 2;
      side = 1;
    } else {
      x0 = x; f0 = f;
      if (side === -1) f1 /= 2;
      side = -1;
    }
  }
  return 10 ** ((x0 + x1) / 2);
}
