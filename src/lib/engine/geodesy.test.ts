import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { normalizeAzimuth } from './azimuth.ts';
import { azimuthOffsetDeg, destination, inverse, LocalGeodesic } from './geodesy.ts';
import type { LonLat } from './types.ts';

describe('azimuths', () => {
  it('normalizes into 0..360 and measures offsets across north', () => {
    expect(normalizeAzimuth(-10)).toBe(350);
    expect(normalizeAzimuth(725)).toBe(5);
    expect(normalizeAzimuth(-360)).toBe(0);
    expect(Object.is(normalizeAzimuth(-720), 0)).toBe(true);
    // Regression: a tiny negative azimuth came out as 360, outside 0 ≤ a < 360, and
    // normalising it again gave 0, so an exported candidate read back different.
    expect(normalizeAzimuth(-1e-15)).toBe(0);
    expect(normalizeAzimuth(-5e-324)).toBe(0);
    expect(normalizeAzimuth(normalizeAzimuth(-1e-15))).toBe(normalizeAzimuth(-1e-15));
    expect(azimuthOffsetDeg(350, 10)).toBe(20);
    expect(azimuthOffsetDeg(0, 180)).toBe(180);
  });
});

describe('destination / inverse', () => {
  it('round-trip on the ellipsoid: 1 km due north is ~0.009° of latitude at 21.6° N', () => {
    const from: LonLat = [105.8, 21.6];
    const to = destination(from, 0, 1000);
    // Meridian radius at 21.6° N: a(1−e²)/(1−e² sin²φ)^1.5 ≈ 6,344.07 km, so 1 km is 1000 / 6344.07e3 rad.
    expect(to[1] - from[1]).toBeCloseTo((1000 / 6344.07e3) * (180 / Math.PI), 6);
    const back = inverse(from, to);
    expect(back.distanceM).toBeCloseTo(1000, 6);
    expect(back.azimuthDeg).toBeCloseTo(0, 9);
  });
});

describe('LocalGeodesic', () => {
  it('stays within 1e-6 (relative) and 1e-4° of geographiclib up to 30 km', () => {
    const random = mulberry32(11);
    for (let i = 0; i < 2000; i++) {
      const origin: LonLat = [105 + random(), 21 + random()];
      const target = destination(origin, random() * 360, 1 + 30_000 * random());
      const local = new LocalGeodesic(origin);
      local.measure(target[0], target[1]);
      const exact = inverse(origin, target);
      expect(Math.abs(local.distanceM / exact.distanceM - 1)).toBeLessThan(1e-6);
      expect(azimuthOffsetDeg(local.azimuthDeg, exact.azimuthDeg)).toBeLessThan(1e-4);
    }
  });
});
