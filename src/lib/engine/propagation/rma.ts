// 3GPP TR 38.901 (V17.0.0) §7.4.1, Table 7.4.1-1: rural macro (RMa) path loss, LOS and NLOS.
// Frequencies in GHz and heights/distances in metres, as the table states them.

/** Speed of light, m/s (for the breakpoint distance, Table 7.4.1-1 note 5). */
const SPEED_OF_LIGHT_M_S = 299_792_458;

/** RMa environment parameters (Table 7.4.1-1 applicability: h 5–50 m, W 5–50 m). */
export interface RmaEnvironment {
  /** Average building height h, metres. */
  buildingHeightM: number;
  /** Average street width W, metres. */
  streetWidthM: number;
}

/** Table 7.4.1-1 defaults: h = 5 m, W = 20 m. */
export const RMA_DEFAULT_ENVIRONMENT: RmaEnvironment = { buildingHeightM: 5, streetWidthM: 20 };

/** RMa LOS breakpoint distance dBP = 2π hBS hUT fc / c, metres (Table 7.4.1-1 note 5). */
export function rmaBreakpointM(freqGHz: number, baseHeightM: number, mobileHeightM: number): number {
  return (2 * Math.PI * baseHeightM * mobileHeightM * freqGHz * 1e9) / SPEED_OF_LIGHT_M_S;
}

/**
 * RMa NLOS path loss max(PL_LOS, PL'_NLOS) as a function of ground distance d2D (valid 10 m – 5 km), dB,
 * for one frequency and pair of heights (TR 38.901 Table 7.4.1-1). Terms that do not depend on
 * distance are computed once: the reach search evaluates this many times per cell.
 */
export function rmaNlosLossFn(
  freqGHz: number,
  baseHeightM: number,
  mobileHeightM: number,
  env: RmaEnvironment = RMA_DEFAULT_ENVIRONMENT,
): (distance2dM: number) => number {
  const { buildingHeightM: h, streetWidthM: w } = env;
  const hPow = h ** 1.72;
  // PL1 = 20·log10(40π·d3D·fc/3) + min(0.03h^1.72, 10)·log10(d3D) − min(0.044h^1.72, 14.77) + 0.002·log10(h)·d3D
  const pl1LogCoef = 20 + Math.min(0.03 * hPow, 10);
  const pl1ConstDb = 20 * Math.log10((40 * Math.PI * freqGHz) / 3) - Math.min(0.044 * hPow, 14.77);
  const pl1LinearCoef = 0.002 * Math.log10(h);
  const pl1 = (d3: number) => pl1LogCoef * Math.log10(d3) + pl1ConstDb + pl1LinearCoef * d3;
  const breakpointM = rmaBreakpointM(freqGHz, baseHeightM, mobileHeightM);
  // PL2 = PL1(dBP) + 40·log10(d3D / dBP), PL1 evaluated at dBP as in the table.
  const pl2ConstDb = pl1(breakpointM) - 40 * Math.log10(breakpointM);
  // PL'_NLOS = 161.04 − 7.1·log10(W) + 7.5·log10(h) − (24.37 − 3.7(h/hBS)²)·log10(hBS)
  //            + (43.42 − 3.1·log10(hBS))·(log10(d3D) − 3) + 20·log10(fc) − (3.2·(log10(11.75·hUT))² − 4.97)
  const nlosSlopeDb = 43.42 - 3.1 * Math.log10(baseHeightM);
  const nlosConstDb =
    161.04 -
    7.1 * Math.log10(w) +
    7.5 * Math.log10(h) -
    (24.37 - 3.7 * (h / baseHeightM) ** 2) * Math.log10(baseHeightM) -
    3 * nlosSlopeDb +
    20 * Math.log10(freqGHz) -
    (3.2 * Math.log10(11.75 * mobileHeightM) ** 2 - 4.97);
  const heightDiffM = baseHeightM - mobileHeightM;
  return (distance2dM) => {
    const d3 = Math.hypot(distance2dM, heightDiffM);
    const log3 = Math.log10(d3);
    const losDb = distance2dM <= breakpointM ? pl1LogCoef * log3 + pl1ConstDb + pl1LinearCoef * d3 : pl2ConstDb + 40 * log3;
    return Math.max(losDb, nlosConstDb + nlosSlopeDb * log3);
  };
}
