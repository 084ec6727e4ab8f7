// Okumura-Hata and COST-231 Hata median path loss (flat terrain, quasi-smooth ground).
// Distances here are in km and frequencies in MHz because that is how both papers state
// their formulas; callers convert once.
//
// Sources:
// - M. Hata, "Empirical formula for propagation loss in land mobile radio services",
//   IEEE Trans. Veh. Technol. VT-29(3), pp. 317–325, 1980 (urban formula with the
//   medium-small city mobile-height correction, suburban and open-area corrections).
// - COST Action 231 Final Report, "Digital mobile radio towards future generation
//   systems" (E. Damosso, ed., 1999), §4.4.1 "COST 231-Hata model" (1500–2000 MHz).
// Both are also tabulated in ITU-R Rec. P.529-3 Annex 1.

const log10 = Math.log10;

/** Hata's mobile-antenna height correction a(hm) for a medium-small city, dB (Hata 1980). */
export function mobileHeightCorrectionDb(freqMHz: number, mobileHeightM: number): number {
  return (1.1 * log10(freqMHz) - 0.7) * mobileHeightM - (1.56 * log10(freqMHz) - 0.8);
}

/** Slope of Hata/COST-231 loss per decade of distance, dB/decade: 44.9 − 6.55 log hb (Hata 1980). */
export function hataDistanceSlopeDb(baseHeightM: number): number {
  return 44.9 - 6.55 * log10(baseHeightM);
}

/** Okumura-Hata urban median path loss (150–1500 MHz, hb 30–200 m, hm 1–10 m, d 1–20 km), dB. */
export function okumuraHataUrbanDb(freqMHz: number, baseHeightM: number, mobileHeightM: number, distanceKm: number): number {
  return (
    69.55 +
    26.16 * log10(freqMHz) -
    13.82 * log10(baseHeightM) -
    mobileHeightCorrectionDb(freqMHz, mobileHeightM) +
    hataDistanceSlopeDb(baseHeightM) * log10(distanceKm)
  );
}

/**
 * COST-231 Hata median path loss (1500–2000 MHz, same height/distance ranges as Hata), dB.
 * `cmDb` is 0 dB for medium cities and suburban centres, 3 dB for metropolitan centres.
 */
export function cost231HataDb(
  freqMHz: number,
  baseHeightM: number,
  mobileHeightM: number,
  distanceKm: number,
  cmDb: number,
): number {
  return (
    46.3 +
    33.9 * log10(freqMHz) -
    13.82 * log10(baseHeightM) -
    mobileHeightCorrectionDb(freqMHz, mobileHeightM) +
    hataDistanceSlopeDb(baseHeightM) * log10(distanceKm) +
    cmDb
  );
}

/** Hata's suburban correction 2[log(f/28)]² + 5.4, dB to subtract from the urban loss (Hata 1980). */
export function hataSuburbanCorrectionDb(freqMHz: number): number {
  return 2 * log10(freqMHz / 28) ** 2 + 5.4;
}

/** Hata's open-area correction 4.78(log f)² − 18.33 log f + 40.94, dB to subtract from the urban loss (Hata 1980). */
export function hataOpenAreaCorrectionDb(freqMHz: number): number {
  return 4.78 * log10(freqMHz) ** 2 - 18.33 * log10(freqMHz) + 40.94;
}
