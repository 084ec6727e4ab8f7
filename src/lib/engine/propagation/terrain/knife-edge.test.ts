// The knife-edge loss against the exact curve of ITU-R P.526-15 §4.1 (its Fig. 9): J(ν) from
// the Fresnel integrals, eq. (27), computed here by Simpson's rule, independently of the
// approximation eq. (31) that the engine uses; and Bullington's construction over a profile
// with one sharp edge, which must give that same curve.
import { describe, expect, it } from 'vitest';
import { bullingtonLossesDb, CURVATURE_PER_M2 } from './bullington.ts';
import { fresnelNu, knifeEdgeLossDb } from './knife-edge.ts';

/** C(ν) and S(ν), ∫₀^ν cos(πt²/2) dt and ∫₀^ν sin(πt²/2) dt, by Simpson's rule. */
function fresnelIntegrals(nu: number): { c: number; s: number } {
  const steps = 4000;
  const h = nu / steps;
  let c = 0, s = 0;
  for (let i = 0; i <= steps; i++) {
    const t = i * h;
    const w = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    c += w * Math.cos((Math.PI * t * t) / 2);
    s += w * Math.sin((Math.PI * t * t) / 2);
  }
  return { c: (c * h) / 3, s: (s * h) / 3 };
}

/** Exact knife-edge loss J(ν) = −20 log10(√((1 − C − S)² + (C − S)²) / 2), dB (P.526-15 eq. 27). */
function exactKnifeEdgeDb(nu: number): number {
  const { c, s } = fresnelIntegrals(nu);
  return -20 * Math.log10(Math.sqrt((1 - c - s) ** 2 + (c - s) ** 2) / 2);
}

describe('knife-edge loss J(ν)', () => {
  it('is within 1 dB of the exact Fresnel-integral curve for −0.78 < ν ≤ 5', () => {
    for (let nu = -0.7; nu <= 5; nu += 0.1) {
      expect(Math.abs(knifeEdgeLossDb(nu) - exactKnifeEdgeDb(nu)), `ν = ${nu.toFixed(1)}`).toBeLessThan(1);
    }
  });

  it('gives 6 dB at grazing incidence (ν = 0) and 0 dB once the first Fresnel zone is clear enough', () => {
    expect(exactKnifeEdgeDb(0)).toBeCloseTo(6.02, 1);
    expect(knifeEdgeLossDb(0)).toBeCloseTo(6.0, 0);
    expect(knifeEdgeLossDb(-0.8)).toBe(0);
    expect(knifeEdgeLossDb(-3)).toBe(0);
  });
});

describe('Bullington over a profile with one knife edge', () => {
  const stepM = 30;
  const n = 100; // 3 km
  const wavelengthM = 299_792_458 / 1800e6;
  const txHeightM = 30;
  const rxHeightM = 1.5;
  const edgeAt = 40; // 1.2 km from the site

  it.each([5, 20, 35, 60, 90])('an edge %d m above flat ground gives the P.526 curve within 1 dB at every receiver behind it', (edgeHeightM) => {
    // Flat ground on the 4/3 Earth, one sample raised: a single sharp edge.
    const y = new Float64Array(n + 1);
    for (let i = 0; i <= n; i++) y[i] = -((i * stepM) ** 2) * CURVATURE_PER_M2;
    y[edgeAt] = (y[edgeAt] as number) + edgeHeightM;
    const loss = new Float64Array(n + 1);
    bullingtonLossesDb(y, n, stepM, txHeightM, rxHeightM, wavelengthM, loss);
    for (let j = edgeAt + 10; j <= n; j += 10) {
      // The edge's height above the straight Tx–Rx ray, both ends over the curved ground.
      const d1 = edgeAt * stepM, d = j * stepM;
      const rayM = (y[0] as number) + txHeightM + (((y[j] as number) + rxHeightM - (y[0] as number) - txHeightM) * d1) / d;
      const nu = fresnelNu((y[edgeAt] as number) - rayM, d1, d - d1, wavelengthM);
      const expected = nu > -0.78 ? exactKnifeEdgeDb(nu) : 0;
      // Flat ground close to the receiver adds its own small term, at most that of the smooth profile.
      expect(Math.abs((loss[j] as number) - expected), `receiver ${d} m, ν ${nu.toFixed(2)}`).toBeLessThan(1);
    }
  });
});
