import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { rectAreaM2 } from '../../../tests/unit/fixtures/engine/builders.ts';
import { EqualAreaProjection } from './projection.ts';

describe('EqualAreaProjection', () => {
  const projection = new EqualAreaProjection([105.8, 21.6]);

  it('matches proj4’s ellipsoidal cylindrical equal-area up to the origin shift', () => {
    const cea = proj4('WGS84', '+proj=cea +lat_ts=21.6 +lon_0=105.8 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs');
    const [, y0] = cea.forward([105.8, 21.6]) as [number, number];
    for (const [lon, lat] of [[105.7, 21.4], [106.3, 22.1], [105.81, 21.605]] as const) {
      const [x, y] = cea.forward([lon, lat]) as [number, number];
      expect(projection.x(lon)).toBeCloseTo(x, 4);
      expect(projection.y(lat)).toBeCloseTo(y - y0, 4);
    }
  });

  it('inverts to within 1e-10°', () => {
    for (const [lon, lat] of [[105.3, 21.0], [106.4, 22.3], [105.8, 21.6]] as const) {
      const [lon2, lat2] = projection.inverse(projection.x(lon), projection.y(lat));
      expect(Math.abs(lon2 - lon)).toBeLessThan(1e-10);
      expect(Math.abs(lat2 - lat)).toBeLessThan(1e-10);
    }
  });

  it('preserves the area of a lon/lat rectangle (numerical integration on the ellipsoid)', () => {
    const [w, s, e, n] = [105.7, 21.5, 105.9, 21.75];
    const planar = (projection.x(e) - projection.x(w)) * (projection.y(n) - projection.y(s));
    expect(planar / rectAreaM2(w, s, e, n)).toBeCloseTo(1, 9);
  });
});
