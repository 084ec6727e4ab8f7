import { describe, expect, it } from 'vitest';
import { RMA_DEFAULT_ENVIRONMENT, rmaBreakpointM, rmaNlosLossFn, type RmaEnvironment } from './rma.ts';

/** The reference: RMa LOS path loss written out plainly from Table 7.4.1-1, dB. The model's
 *  own version folds the distance-free terms ahead of time; this one checks it. */
function rmaLosDb(freqGHz: number, distance2dM: number, baseHeightM: number, mobileHeightM: number, env: RmaEnvironment = RMA_DEFAULT_ENVIRONMENT): number {
  const hPow = env.buildingHeightM ** 1.72;
  const pl1 = (d3: number) =>
    20 * Math.log10((40 * Math.PI * d3 * freqGHz) / 3) +
    Math.min(0.03 * hPow, 10) * Math.log10(d3) -
    Math.min(0.044 * hPow, 14.77) +
    0.002 * Math.log10(env.buildingHeightM) * d3;
  const d3 = Math.hypot(distance2dM, baseHeightM - mobileHeightM);
  const breakpointM = rmaBreakpointM(freqGHz, baseHeightM, mobileHeightM);
  return distance2dM <= breakpointM ? pl1(d3) : pl1(breakpointM) + 40 * Math.log10(d3 / breakpointM);
}

/** The model under test at one distance. */
function rmaNlosDb(freqGHz: number, distance2dM: number, baseHeightM: number, mobileHeightM: number, env: RmaEnvironment = RMA_DEFAULT_ENVIRONMENT): number {
  return rmaNlosLossFn(freqGHz, baseHeightM, mobileHeightM, env)(distance2dM);
}

describe('3GPP TR 38.901 RMa path loss', () => {
  it('reproduces MathWorks nrPathLoss RMa LOS example: 110.16 dB', () => {
    // MATLAB 5G Toolbox nrPathLoss documentation example: RMa, building height 7 m, street
    // width 25 m, 3.5 GHz, BS at (0, 0, 30) m, UE at (1000, 1000, 1.5) m, LOS ⇒ 110.1615 dB.
    const d2dM = Math.hypot(1000, 1000);
    expect(rmaLosDb(3.5, d2dM, 30, 1.5, { buildingHeightM: 7, streetWidthM: 25 })).toBeCloseTo(110.1615, 2);
  });

  it('puts the LOS breakpoint at 2π·hBS·hUT·fc/c', () => {
    // 2π·30·1.5·3.5e9 / 299792458 = 3301.0 m.
    expect(rmaBreakpointM(3.5, 30, 1.5)).toBeCloseTo(3301.0, 0);
  });

  it('switches to 40 dB/decade beyond the breakpoint', () => {
    const bpM = rmaBreakpointM(3.5, 30, 1.5);
    const d3 = (d2: number) => Math.hypot(d2, 28.5);
    const slopeDb = rmaLosDb(3.5, 2 * bpM, 30, 1.5) - rmaLosDb(3.5, 1.5 * bpM, 30, 1.5);
    expect(slopeDb).toBeCloseTo(40 * Math.log10(d3(2 * bpM) / d3(1.5 * bpM)), 9);
  });

  it('evaluates the NLOS formula with the default h = 5 m, W = 20 m', () => {
    // Table 7.4.1-1 PL'_NLOS at 3.5 GHz, hBS 30 m, hUT 1.5 m, d2D 2 km, computed term by term.
    const d3 = Math.hypot(2000, 28.5);
    const expectedDb =
      161.04 -
      7.1 * Math.log10(20) +
      7.5 * Math.log10(5) -
      (24.37 - 3.7 * (5 / 30) ** 2) * Math.log10(30) +
      (43.42 - 3.1 * Math.log10(30)) * (Math.log10(d3) - 3) +
      20 * Math.log10(3.5) -
      (3.2 * Math.log10(11.75 * 1.5) ** 2 - 4.97);
    expect(rmaNlosDb(3.5, 2000, 30, 1.5)).toBeCloseTo(expectedDb, 9);
    expect(expectedDb).toBeGreaterThan(rmaLosDb(3.5, 2000, 30, 1.5));
  });

  it('is max(PL_LOS, PL′_NLOS) on both sides of the breakpoint, whatever the environment', () => {
    const nlosPrimeDb = (d2: number, hBs: number, h: number, w: number) =>
      161.04 - 7.1 * Math.log10(w) + 7.5 * Math.log10(h) - (24.37 - 3.7 * (h / hBs) ** 2) * Math.log10(hBs) +
      (43.42 - 3.1 * Math.log10(hBs)) * (Math.log10(Math.hypot(d2, hBs - 1.5)) - 3) + 20 * Math.log10(3.5) -
      (3.2 * Math.log10(11.75 * 1.5) ** 2 - 4.97);
    for (const env of [{ buildingHeightM: 5, streetWidthM: 20 }, { buildingHeightM: 7, streetWidthM: 25 }, { buildingHeightM: 20, streetWidthM: 50 }]) {
      for (const hBs of [10, 30, 60]) {
        for (const d of [10, 30, 100, 300, 1000, 3000, 5000, 8000]) {
          const expectedDb = Math.max(rmaLosDb(3.5, d, hBs, 1.5, env), nlosPrimeDb(d, hBs, env.buildingHeightM, env.streetWidthM));
          expect(rmaNlosDb(3.5, d, hBs, 1.5, env)).toBeCloseTo(expectedDb, 9);
        }
      }
    }
  });

  it('rises monotonically with distance across the breakpoint (needed for the bracketed root search)', () => {
    let previousDb = -Infinity;
    for (let d = 10; d <= 10_000; d *= 1.01) {
      const lossDb = rmaNlosDb(3.5, d, 30, 1.5);
      expect(lossDb).toBeGreaterThan(previousDb);
      previousDb = lossDb;
    }
  });
});
