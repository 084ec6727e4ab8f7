import geographiclib from 'geographiclib-geodesic';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cell } from '../../../tests/unit/fixtures/engine/builders.ts';
import { cellFootprint, geodesicDisc, geodesicSector } from './footprint.ts';
import { azimuthOffsetDeg, inverse } from './geodesy.ts';
import { predictReach } from './propagation/index.ts';
import type { LonLat } from './types.ts';

const { Geodesic, PolygonArea } = geographiclib;
const CENTER: LonLat = [105.82, 21.63];

/** Ellipsoidal area by geographiclib's polygon algorithm (geodesic edges; ~100 m edges differ negligibly from straight lon/lat). */
function geodesicAreaM2(polygon: Polygon): number {
  const ring = polygon.coordinates[0] as Position[];
  const p = new PolygonArea.PolygonArea(Geodesic.WGS84, false);
  for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat as number, lon as number);
  return Math.abs(p.Compute(false, true).area ?? Number.NaN);
}

describe('geodesicDisc', () => {
  it.each([300, 1500, 8000])('has the area π r² of the true circle (r = %i m) within 0.05%', (radiusM) => {
    const area = geodesicAreaM2(geodesicDisc(CENTER, radiusM));
    expect(Math.abs(area / (Math.PI * radiusM ** 2) - 1)).toBeLessThan(5e-4);
  });

  it('is closed, counter-clockwise and has at least 64 vertices', () => {
    const ring = geodesicDisc(CENTER, 1000).coordinates[0] as Position[];
    expect(ring.length - 1).toBeGreaterThanOrEqual(64);
    expect(ring[0]).toEqual(ring.at(-1));
    let twiceArea = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i] as number[];
      const [x2, y2] = ring[i + 1] as number[];
      twiceArea += (x1 as number) * (y2 as number) - (x2 as number) * (y1 as number);
    }
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('is far closer to the true area than an inscribed polygon of the same vertex count', () => {
    const inscribed = 64 / 2 * Math.sin((2 * Math.PI) / 64) / Math.PI; // area ratio of an inscribed 64-gon
    const area = geodesicAreaM2(geodesicDisc(CENTER, 2000));
    expect(Math.abs(area / (Math.PI * 2000 ** 2) - 1)).toBeLessThan((1 - inscribed) / 10);
  });
});

describe('geodesicSector', () => {
  it('works across north (azimuth 350, beamwidth 65): area θ/2·r² within 0.1%, every arc vertex inside the sector', () => {
    const radiusM = 2500;
    const sector = geodesicSector(CENTER, radiusM, 350, 65);
    const theta = (65 * Math.PI) / 180;
    expect(Math.abs(geodesicAreaM2(sector) / ((theta / 2) * radiusM ** 2) - 1)).toBeLessThan(1e-3);
    const ring = sector.coordinates[0] as Position[];
    expect(ring[0]).toEqual(CENTER);
    for (const p of ring.slice(1, -1)) {
      const { distanceM, azimuthDeg } = inverse(CENTER, p as LonLat);
      expect(azimuthOffsetDeg(azimuthDeg, 350)).toBeLessThanOrEqual(32.5 + 1e-9);
      expect(distanceM).toBeGreaterThan(radiusM);
      expect(distanceM).toBeLessThan(radiusM * 1.001);
    }
  });

  it('with beamwidth 360 is the omni disc', () => {
    expect(geodesicSector(CENTER, 900, 120, 360)).toEqual(geodesicDisc(CENTER, 900));
  });
});

describe('cellFootprint', () => {
  it('draws a fixed range_m as a sector around azimuth modulo 360', () => {
    const a = cellFootprint(cell({ id: 'a', lon: CENTER[0], lat: CENTER[1], azimuth_deg: 10, beamwidth_deg: 90, range_m: 1200 }));
    const b = geodesicSector(CENTER, 1200, 10, 90);
    expect(a).toEqual(b);
  });

  it('draws a predicted cell (range_m null) from the propagation model, boresight reach at the boresight vertex', () => {
    const c = cell({ id: 'p', lon: CENTER[0], lat: CENTER[1], azimuth_deg: 45, beamwidth_deg: 65, range_m: null, band_mhz: 1800, height_m: 30, eirp_dbm: 60 });
    const reach = predictReach({ tech: '4G', bandMHz: 1800, heightM: 30, eirpDbm: 60 });
    const ring = cellFootprint(c).coordinates[0] as Position[];
    expect(ring.length - 1).toBeGreaterThanOrEqual(64);
    const boresight = inverse(CENTER, ring[0] as LonLat);
    expect(boresight.azimuthDeg).toBeCloseTo(45, 6);
    // The vertex sits at the reach widened for exact area (< 0.1% at 128 vertices per turn).
    expect(boresight.distanceM / reach.maxReachM).toBeGreaterThan(1);
    expect(boresight.distanceM / reach.maxReachM).toBeLessThan(1.001);
    const back = inverse(CENTER, ring[64] as LonLat);
    expect(back.distanceM).toBeLessThan(boresight.distanceM);
  });
});
