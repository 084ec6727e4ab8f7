import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictReach, reachInputProblem } from './index.ts';
import type { ReachInput } from './index.ts';
import { radioHorizonM } from './invert.ts';
import { pathLossModel } from './models.ts';

const defaults4g: ReachInput = { tech: '4G', bandMHz: null, heightM: null, eirpDbm: null };
const defaults5g: ReachInput = { tech: '5G', bandMHz: null, heightM: null, eirpDbm: null };

/** Path loss of the model predictReach chose, at `distanceM`. */
function lossAt(input: ReachInput, distanceM: number): number {
  const { bandMHz, heightM } = predictReach(input).assumptions;
  return pathLossModel(bandMHz, heightM, 1.5).pathLossDb(distanceM);
}

describe('predictReach link budget', () => {
  it('fills in the documented defaults for missing band, height and EIRP', () => {
    expect(predictReach(defaults4g).assumptions).toMatchObject({ bandMHz: 1800, heightM: 30, eirpDbm: 60, thresholdDbm: -110 });
    expect(predictReach(defaults5g).assumptions).toMatchObject({ bandMHz: 3500, heightM: 30, eirpDbm: 68, thresholdDbm: -110 });
  });

  it('spreads EIRP over 1200 LTE / 3276 NR subcarriers before comparing with RSRP', () => {
    // 10·log10(1200) = 30.79 dB; 10·log10(3276) = 35.15 dB.
    expect(predictReach(defaults4g).assumptions.maxPathLossDb).toBeCloseTo(60 - 30.79 + 110, 2);
    expect(predictReach(defaults5g).assumptions.maxPathLossDb).toBeCloseTo(68 - 35.15 + 110, 2);
  });

  it('takes a custom threshold: 5 dB stricter ⇒ 5 dB less path loss allowed and less reach', () => {
    const base = predictReach(defaults4g);
    const strict = predictReach(defaults4g, { thresholdDbm: -105 });
    expect(base.assumptions.maxPathLossDb - strict.assumptions.maxPathLossDb).toBeCloseTo(5, 9);
    expect(strict.maxReachM).toBeLessThan(base.maxReachM);
  });


  it('names the field and the expected range for unusable input', () => {
    expect(reachInputProblem({ ...defaults4g, bandMHz: 100 })).toMatchObject({ field: 'band_mhz' });
    expect(reachInputProblem({ ...defaults4g, heightM: 1 })).toMatchObject({ field: 'height_m' });
    expect(reachInputProblem({ ...defaults4g, eirpDbm: Number.NaN })).toMatchObject({ field: 'eirp_dbm' });
    expect(reachInputProblem({ tech: '5G', bandMHz: 3500, heightM: 25, eirpDbm: 65 })).toBeNull();
    expect(() => predictReach({ ...defaults4g, bandMHz: 8000 })).toThrow(/band_mhz: got 8000 MHz; expected 150–7125 MHz/);
  });
});

describe('predictReach band dispatch', () => {
  const modelAt = (bandMHz: number) => predictReach({ ...defaults4g, bandMHz }).assumptions.model;
  it('uses Okumura-Hata below 1500 MHz, COST-231 from 1500 to 2200, extrapolated to 3000, then RMa', () => {
    expect(modelAt(150)).toBe('okumura-hata');
    expect(modelAt(1499)).toBe('okumura-hata');
    expect(modelAt(1500)).toBe('cost231-hata');
    expect(modelAt(2200)).toBe('cost231-hata');
    expect(modelAt(2300)).toBe('cost231-hata-extrapolated');
    expect(modelAt(2999)).toBe('cost231-hata-extrapolated');
    expect(modelAt(3000)).toBe('3gpp-rma-nlos');
    expect(modelAt(3500)).toBe('3gpp-rma-nlos');
  });
});

describe('predictReach inversion', () => {
  it('round-trips: the loss at the predicted reach is the allowed loss within 0.01 dB', () => {
    for (const bandMHz of [700, 900, 1800, 2100, 2600, 3500, 4900]) {
      for (const tech of ['4G', '5G'] as const) {
        const input: ReachInput = { tech, bandMHz, heightM: 35, eirpDbm: 58 };
        const reach = predictReach(input);
        expect(Math.abs(lossAt(input, reach.maxReachM) - reach.assumptions.maxPathLossDb)).toBeLessThan(0.01);
        const offReachM = reach.reachAtOffsetM(50, 65);
        const patternDb = -12 * (50 / 65) ** 2;
        expect(Math.abs(lossAt(input, offReachM) - (reach.assumptions.maxPathLossDb + patternDb))).toBeLessThan(0.01);
      }
    }
  });

  it('floors the reach at the model minimum (100 m Hata, 10 m RMa) for very weak cells', () => {
    expect(predictReach({ tech: '4G', bandMHz: 1800, heightM: 30, eirpDbm: 0 }).maxReachM).toBe(100);
    expect(predictReach({ tech: '5G', bandMHz: 3500, heightM: 30, eirpDbm: -20 }).maxReachM).toBe(10);
  });

  it('caps the reach at the model maximum: 20 km Hata, 5 km RMa NLOS', () => {
    expect(predictReach({ tech: '4G', bandMHz: 700, heightM: 100, eirpDbm: 90 }).maxReachM).toBe(20_000);
    expect(predictReach({ tech: '5G', bandMHz: 3500, heightM: 60, eirpDbm: 95 }).maxReachM).toBe(5_000);
  });

  it('caps the reach at the 4/3-Earth radio horizon, 4.12(√h₁ + √h₂) km', () => {
    const horizonKm = 4.12 * (Math.sqrt(5) + Math.sqrt(1.5));
    expect(radioHorizonM(5, 1.5) / 1000).toBeCloseTo(horizonKm, 1);
    expect(predictReach({ tech: '4G', bandMHz: 700, heightM: 5, eirpDbm: 95 }).maxReachM).toBeCloseTo(radioHorizonM(5, 1.5), 6);
  });
});

describe('predictReach sectors', () => {
  const reach = predictReach({ tech: '4G', bandMHz: 1800, heightM: 30, eirpDbm: 60 });

  it('equals maxReachM on boresight and everywhere for an omni cell', () => {
    expect(reach.reachAtOffsetM(0, 65)).toBe(reach.maxReachM);
    for (const off of [0, 45, 90, 135, 180]) expect(reach.reachAtOffsetM(off, 360)).toBe(reach.maxReachM);
  });

  it('shrinks smoothly and monotonically off boresight, symmetric either side', () => {
    let previousM = Infinity;
    for (let off = 0; off <= 180; off += 1) {
      const m = reach.reachAtOffsetM(off, 65);
      expect(m).toBeLessThanOrEqual(previousM);
      previousM = m;
    }
    expect(reach.reachAtOffsetM(-20, 65)).toBe(reach.reachAtOffsetM(20, 65));
    expect(reach.reachAtOffsetM(340, 65)).toBe(reach.reachAtOffsetM(20, 65));
  });

  it('loses 3 dB at the half-beamwidth edge: reach × 10^(−3/35.2) on a Hata slope', () => {
    // COST-231 at hb = 30 m falls 44.9 − 6.55·log 30 = 35.22 dB per decade of distance.
    expect(reach.reachAtOffsetM(32.5, 65) / reach.maxReachM).toBeCloseTo(10 ** (-3 / 35.225), 4);
    expect(reach.reachAtOffsetM(180, 65) / reach.maxReachM).toBeCloseTo(10 ** (-30 / 35.225), 4);
  });
});

describe('predictReach monotonicity', () => {
  const tech = fc.constantFrom<'4G' | '5G'>('4G', '5G');
  const band = fc.constantFrom(700, 900, 1800, 2100, 2600, 3500, 3700);

  it('more EIRP never shortens the reach', () => {
    fc.assert(
      fc.property(tech, band, fc.double({ min: 10, max: 150, noNaN: true }), fc.double({ min: 30, max: 80, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }),
        (t, bandMHz, heightM, eirpDbm, moreDb) => {
          const low = predictReach({ tech: t, bandMHz, heightM, eirpDbm }).maxReachM;
          const high = predictReach({ tech: t, bandMHz, heightM, eirpDbm: eirpDbm + moreDb }).maxReachM;
          expect(high).toBeGreaterThanOrEqual(low);
        }),
    );
  });

  it('a higher antenna never shortens the reach', () => {
    fc.assert(
      fc.property(tech, band, fc.double({ min: 10, max: 140, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 45, max: 75, noNaN: true }),
        (t, bandMHz, heightM, moreM, eirpDbm) => {
          const low = predictReach({ tech: t, bandMHz, heightM, eirpDbm }).maxReachM;
          const high = predictReach({ tech: t, bandMHz, heightM: heightM + moreM, eirpDbm }).maxReachM;
          expect(high).toBeGreaterThanOrEqual(low);
        }),
    );
  });

  it('a higher band never lengthens the reach of a typical macro cell', () => {
    const bands = [700, 900, 1499, 1500, 1800, 2100, 2300, 2600, 2999, 3000, 3500, 4900];
    for (const t of ['4G', '5G'] as const) {
      const reaches = bands.map((bandMHz) => predictReach({ tech: t, bandMHz, heightM: 30, eirpDbm: 60 }).maxReachM);
      for (let i = 1; i < reaches.length; i++) expect(reaches[i]).toBeLessThan(reaches[i - 1]!);
    }
  });
});
