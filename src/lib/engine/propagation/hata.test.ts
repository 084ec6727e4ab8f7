import { describe, expect, it } from 'vitest';
import {
  cost231HataDb,
  hataOpenAreaCorrectionDb,
  hataSuburbanCorrectionDb,
  mobileHeightCorrectionDb,
  okumuraHataUrbanDb,
} from './hata.ts';

describe('Okumura-Hata (Hata 1980)', () => {
  it('gives the textbook urban loss at 900 MHz, hb 30 m, hm 1.5 m, 1 km: 126.4 dB', () => {
    // The reference value planning texts quote for this case, by hand from Hata's formula:
    // 69.55 + 26.16·2.9542 − 13.82·1.4771 − a(1.5) = 69.55 + 77.28 − 20.41 − 0.02 = 126.40 dB.
    expect(okumuraHataUrbanDb(900, 30, 1.5, 1)).toBeCloseTo(126.4, 1);
  });

  it('adds (44.9 − 6.55 log hb) dB per decade of distance: 35.2 dB for hb = 30 m', () => {
    const slopeDb = okumuraHataUrbanDb(900, 30, 1.5, 10) - okumuraHataUrbanDb(900, 30, 1.5, 1);
    expect(slopeDb).toBeCloseTo(44.9 - 6.55 * Math.log10(30), 9);
    expect(slopeDb).toBeCloseTo(35.22, 2);
  });

  it('has a(hm) ≈ 0 at the 1.5 m reference mobile height, where Okumura measured', () => {
    // a(1.5) = 0.09·log f − 0.25: between −0.06 and +0.04 dB over 150–1500 MHz.
    for (const f of [150, 450, 900, 1500]) expect(Math.abs(mobileHeightCorrectionDb(f, 1.5))).toBeLessThan(0.06);
    expect(mobileHeightCorrectionDb(900, 10)).toBeGreaterThan(10);
  });

  it('matches the published suburban (9.9 dB) and open-area (28.5 dB) corrections at 900 MHz', () => {
    // 2·(log(900/28))² + 5.4 = 2·1.5071² + 5.4 = 9.94 dB.
    expect(hataSuburbanCorrectionDb(900)).toBeCloseTo(9.94, 2);
    // 4.78·(log 900)² − 18.33·log 900 + 40.94 = 41.72 − 54.15 + 40.94 = 28.50 dB.
    expect(hataOpenAreaCorrectionDb(900)).toBeCloseTo(28.5, 1);
  });
});

describe('COST-231 Hata (COST 231 Final Report §4.4.1)', () => {
  it('evaluates the published formula at 1800 MHz, hb 30 m, hm 1.5 m, 1 km, Cm 0: 136.2 dB', () => {
    // Term by term: 46.3 + 33.9·3.2553 − 13.82·1.4771 − a(hm) with
    // a(hm) = (1.1·3.2553 − 0.7)·1.5 − (1.56·3.2553 − 0.8) = 0.043 dB.
    const expectedDb = 46.3 + 33.9 * 3.25527 - 13.82 * 1.47712 - ((1.1 * 3.25527 - 0.7) * 1.5 - (1.56 * 3.25527 - 0.8));
    expect(expectedDb).toBeCloseTo(136.2, 1);
    expect(cost231HataDb(1800, 30, 1.5, 1, 0)).toBeCloseTo(expectedDb, 3);
  });

  it('adds Cm = 3 dB for metropolitan centres', () => {
    expect(cost231HataDb(2000, 40, 1.5, 2, 3) - cost231HataDb(2000, 40, 1.5, 2, 0)).toBeCloseTo(3, 9);
  });

  it('is 1.3 dB above Hata urban at the shared 1500 MHz edge', () => {
    const gapDb = cost231HataDb(1500, 30, 1.5, 1, 0) - okumuraHataUrbanDb(1500, 30, 1.5, 1);
    // (46.3 − 69.55) + (33.9 − 26.16)·log 1500 = −23.25 + 7.74·3.1761 = 1.33 dB.
    expect(gapDb).toBeCloseTo(1.33, 2);
  });
});
