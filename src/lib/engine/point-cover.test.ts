import { describe, expect, it } from 'vitest';
import { cell } from '../../../tests/unit/fixtures/engine/builders.ts';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { cellShape } from './cell-shape.ts';
import { azimuthOffsetDeg, destination, inverse } from './geodesy.ts';
import { ShapeTester } from './point-cover.ts';
import { predictReach } from './propagation/index.ts';

describe('ShapeTester on a predicted cell (range_m null)', () => {
  const c = cell({ id: 'p', lon: 105.81, lat: 21.61, range_m: null, azimuth_deg: 120, beamwidth_deg: 65, band_mhz: 900, height_m: 35, eirp_dbm: 61 });
  const reach = predictReach({ tech: '4G', bandMHz: 900, heightM: 35, eirpDbm: 61 });
  const tester = new ShapeTester(cellShape(c));

  it('covers a point iff its geodesic distance ≤ reachAtOffsetM(offset off boresight)', () => {
    const random = mulberry32(4);
    for (let i = 0; i < 300; i++) {
      const bearing = random() * 360;
      const reachM = reach.reachAtOffsetM(azimuthOffsetDeg(bearing, 120), 65);
      if (reachM < 1) continue;
      const inside = destination([c.lon, c.lat], bearing, reachM * (1 - 1e-6));
      const outside = destination([c.lon, c.lat], bearing, reachM * (1 + 1e-6) + 0.01);
      expect(tester.covers(inside[0], inside[1]), `bearing ${bearing}`).toBe(true);
      expect(tester.covers(outside[0], outside[1]), `bearing ${bearing}`).toBe(false);
    }
  });

  it('has a box that holds the whole pattern, yet is smaller than the disc of its longest reach', () => {
    const shape = cellShape(c);
    const [west, south, east, north] = shape.bbox;
    for (let i = 0; i < 3600; i++) {
      const bearing = i / 10;
      const p = destination([c.lon, c.lat], bearing, reach.reachAtOffsetM(azimuthOffsetDeg(bearing, 120), 65));
      expect(p[0] >= west && p[0] <= east && p[1] >= south && p[1] <= north, `bearing ${bearing}`).toBe(true);
    }
    const disc = cellShape({ ...c, azimuth_deg: null }).bbox;
    expect((east - west) * (north - south)).toBeLessThan(0.6 * (disc[2] - disc[0]) * (disc[3] - disc[1]));
  });

  it('reaches farthest along the boresight', () => {
    const shape = cellShape(c);
    expect(shape.maxReachM).toBe(reach.maxReachM);
    const ahead = destination([c.lon, c.lat], 120, reach.maxReachM * 0.999);
    const behind = destination([c.lon, c.lat], 300, reach.maxReachM * 0.999);
    expect(tester.covers(ahead[0], ahead[1])).toBe(true);
    expect(tester.covers(behind[0], behind[1])).toBe(false);
  });
});

describe('ShapeTester on a fixed sector', () => {
  it('includes the centre, the arc and both side edges', () => {
    const c = cell({ id: 's', lon: 105.81, lat: 21.61, range_m: 1500, azimuth_deg: 0, beamwidth_deg: 90 });
    const tester = new ShapeTester(cellShape(c));
    expect(tester.covers(105.81, 21.61)).toBe(true);
    for (const [bearing, distanceM, covered] of [[315, 1500, true], [45, 1500, true], [0, 1500, true], [45.001, 200, false], [0, 1500.01, false]] as const) {
      const p = destination([c.lon, c.lat], bearing, distanceM);
      expect(tester.covers(p[0], p[1]), `${bearing}° ${distanceM} m`).toBe(covered);
    }
  });
});

describe('ShapeTester fast paths agree with the exact geodesic test', () => {
  it('for points packed around the boundary of random circles and sectors at many latitudes', () => {
    const random = mulberry32(77);
    let nearBoundary = 0;
    for (let s = 0; s < 60; s++) {
      const lat = -60 + random() * 120;
      const rangeM = 100 + random() * 30_000 * random();
      const sector = random() < 0.7;
      const azimuth = random() * 360;
      const beamwidth = 10 + random() * 340;
      const c = cell({ id: `s${s}`, lon: random() * 360 - 180, lat, range_m: rangeM, azimuth_deg: sector ? azimuth : null, beamwidth_deg: beamwidth });
      const tester = new ShapeTester(cellShape(c));
      for (let i = 0; i < 200; i++) {
        const onSide = sector && random() < 0.5;
        const bearing = onSide ? azimuth + (random() < 0.5 ? -1 : 1) * (beamwidth / 2 + (random() - 0.5) * 1e-3) : random() * 360;
        const distanceM = onSide ? random() * rangeM * 1.01 : rangeM * (1 + (random() - 0.5) * 1e-3);
        const p = destination([c.lon, c.lat], bearing, distanceM);
        const exact = inverse([c.lon, c.lat], p);
        const inside = exact.distanceM <= rangeM + 1e-6 && (!sector || azimuthOffsetDeg(exact.azimuthDeg, azimuth) <= beamwidth / 2 + 1e-9);
        expect(tester.covers(p[0], p[1]), `shape ${s} point ${i}`).toBe(inside);
        nearBoundary++;
      }
    }
    expect(nearBoundary).toBe(12_000);
  });
});
