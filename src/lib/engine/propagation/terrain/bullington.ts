// Bullington's construction (ITU-R P.452-18 §4.2.1, eqs. 14–19; the same steps as the
// Bullington part of P.1812 and P.526) over a sampled terrain profile, for every receiver
// position along one radial at once. P.452's last step, the empirical term
// (1 − e^(−Luc/6))·(10 + 0.02 d_km) for rounded obstacles (eq. 20), is left out: the loss
// stays that of the equivalent knife edge, J(ν), so a single sharp ridge gives P.526's curve.
//
// Heights are given in a frame where the effective Earth (k = 4/3) is folded into the
// profile: y(d) = z(d) − d² / (2kR). In that frame rays are straight lines, and the
// clearances P.452 computes with the bulge term d_i(d − d_i)/(2kR) come out the same
// (their slopes differ from ours by ±d/(2kR), the same for every point of a path, so
// each maximum picks the same point and every clearance is equal).

import { KNIFE_EDGE_MIN_NU, knifeEdgeLossDb } from './knife-edge.ts';

/** Effective Earth-radius factor of the standard atmosphere, k = 4/3 (ITU-R P.310's standard radio atmosphere; P.452's median k50 = 157/(157 − ΔN) is 4/3 for ΔN ≈ 40 N-units/km). */
export const EFFECTIVE_EARTH_FACTOR = 4 / 3;
/** Mean Earth radius, metres (the 6371 km ITU-R P.452 and P.1812 use). */
export const EARTH_RADIUS_M = 6_371_000;
/** 1 / (2kR): the drop of the effective Earth's surface below its tangent, per square metre of distance. */
export const CURVATURE_PER_M2 = 1 / (2 * EFFECTIVE_EARTH_FACTOR * EARTH_RADIUS_M);

const NU_MIN_SQUARED = KNIFE_EDGE_MIN_NU * KNIFE_EDGE_MIN_NU;

/**
 * Bullington diffraction loss (dB) at every sample j = 1..n of a radial, written to `out[j]`
 * (`out[0]` = 0). `y[i]` is the curvature-folded ground height at distance i·stepM (y[0] the
 * site), `txHeightM` / `rxHeightM` the antennas above ground, `wavelengthM` the carrier's.
 * P.452-18 §4.2.1: with S_tim the steepest slope from the transmitter to an intermediate
 * point and S_tr the slope of the direct ray, a line-of-sight path (S_tim < S_tr) takes the
 * largest ν among intermediate points (eq. 16); otherwise the rays from both ends over their
 * steepest obstacles meet at the Bullington point, whose ν gives the loss (eqs. 17–19).
 */
export function bullingtonLossesDb(
  y: Float64Array,
  n: number,
  stepM: number,
  txHeightM: number,
  rxHeightM: number,
  wavelengthM: number,
  out: Float64Array,
): void {
  const yT = (y[0] as number) + txHeightM;
  const twoOverLambda = 2 / wavelengthM;
  // The upper convex hull of the intermediate points seen so far (indices into y): the
  // steepest slope from the receiver back to the profile touches it, so it is found by
  // binary search instead of a scan of every point.
  const hull = new Int32Array(n + 1);
  let hullSize = 0;
  out[0] = 0;
  let sTim = -Infinity;
  for (let j = 1; j <= n; j++) {
    const dj = j * stepM;
    if (j >= 2) {
      const i = j - 1;
      sTim = Math.max(sTim, ((y[i] as number) - yT) / (i * stepM));
      while (hullSize >= 2 && turnsLeftOrStraight(y, hull[hullSize - 2] as number, hull[hullSize - 1] as number, i)) hullSize--;
      hull[hullSize++] = i;
    }
    const yR = (y[j] as number) + rxHeightM;
    const sTr = (yR - yT) / dj;
    if (j === 1) {
      out[j] = 0;
    } else if (sTim < sTr) {
      out[j] = knifeEdgeLossDb(maxNuLineOfSight(y, j, stepM, yT, sTr, wavelengthM));
    } else {
      const sRim = steepestSlopeFromReceiver(y, hull, hullSize, j, yR, stepM);
      const db = (yR - yT + sRim * dj) / (sTim + sRim);
      const clearance = (sTim - sTr) * db;
      out[j] = knifeEdgeLossDb(clearance * Math.sqrt((twoOverLambda * dj) / (db * (dj - db))));
    }
  }
}

/** Whether a → b → c (profile indices, increasing) does not turn right: b is then not on the upper hull. */
function turnsLeftOrStraight(y: Float64Array, a: number, b: number, c: number): boolean {
  return (b - a) * ((y[c] as number) - (y[a] as number)) - (c - a) * ((y[b] as number) - (y[a] as number)) >= 0;
}

/**
 * S_rim = max over intermediate points of (y_i − yR) / (d_j − d_i). Along the upper hull this
 * is unimodal (it peaks at the tangent from the receiver), so a binary search finds it.
 */
function steepestSlopeFromReceiver(y: Float64Array, hull: Int32Array, size: number, j: number, yR: number, stepM: number): number {
  const slope = (i: number) => ((y[i] as number) - yR) / ((j - i) * stepM);
  let lo = 0, hi = size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slope(hull[mid + 1] as number) > slope(hull[mid] as number)) lo = mid + 1;
    else hi = mid;
  }
  return slope(hull[lo] as number);
}

/**
 * Largest ν = c_i·√(2d / (λ d_i (d − d_i))) over the intermediate points of a line-of-sight path
 * (c_i: height above the ray). Points far enough below the ray that ν ≤ −0.78 cannot change
 * J(ν_max) = 0; that test needs no division or square root, so only the few near the ray cost more.
 */
function maxNuLineOfSight(y: Float64Array, j: number, stepM: number, yT: number, sTr: number, wavelengthM: number): number {
  const dj = j * stepM;
  const twoD = 2 * dj;
  const cutoff = NU_MIN_SQUARED * wavelengthM;
  let nuMax = -Infinity;
  for (let i = 1; i < j; i++) {
    const di = i * stepM;
    const c = (y[i] as number) - yT - sTr * di;
    const spread = di * (dj - di);
    if (c < 0 && c * c * twoD >= cutoff * spread) continue;
    const nu = c * Math.sqrt(twoD / (wavelengthM * spread));
    if (nu > nuMax) nuMax = nu;
  }
  return nuMax === -Infinity ? KNIFE_EDGE_MIN_NU : nuMax;
}
