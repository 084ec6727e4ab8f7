// Knife-edge diffraction: ITU-R P.526-15 (10/2019) §4.1, eq. (31), the approximation of
// the Fresnel-integral loss J(ν) of one ideal knife edge, within 1 dB of the exact curve
// (P.526 Fig. 9; tested in knife-edge.test.ts against the Fresnel integrals themselves).

/** Below this ν the obstacle clears enough of the first Fresnel zone that J(ν) is taken as 0 (P.526-15 §4.1). */
export const KNIFE_EDGE_MIN_NU = -0.78;

/** Diffraction loss J(ν) of a single knife edge, dB (ITU-R P.526-15 eq. 31; 0 for ν ≤ −0.78). */
export function knifeEdgeLossDb(nu: number): number {
  if (nu <= KNIFE_EDGE_MIN_NU) return 0;
  const a = nu - 0.1;
  return 6.9 + 20 * Math.log10(Math.sqrt(a * a + 1) + a);
}

/**
 * Fresnel-Kirchhoff parameter ν of an edge `clearanceM` above the direct ray (negative
 * below it), `d1M` and `d2M` from the two ends, at wavelength `wavelengthM`
 * (ITU-R P.526-15 eq. 26: ν = h·√(2(d1 + d2) / (λ d1 d2))).
 */
export function fresnelNu(clearanceM: number, d1M: number, d2M: number, wavelengthM: number): number {
  return clearanceM * Math.sqrt((2 * (d1M + d2M)) / (wavelengthM * d1M * d2M));
}
