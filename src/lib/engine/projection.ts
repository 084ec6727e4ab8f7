// An equal-area plane for measuring and clipping: Lambert cylindrical equal-area on the
// WGS84 ellipsoid (authalic latitude), standard parallel through the package's centre.
// Areas in it are true ellipsoidal areas, so area(hamlet ∩ coverage) / area(hamlet)
// needs no correction; near the centre shapes are nearly true too.
import { WGS84_A, WGS84_E2 } from './geodesy.ts';
import type { LonLat } from './types.ts';

const DEG = Math.PI / 180;
const E = Math.sqrt(WGS84_E2);

/** Snyder's q(φ) (Map Projections — A Working Manual, eq. 3-12) from sin φ. */
function authalicQ(sinLat: number): number {
  const es = E * sinLat;
  return (1 - WGS84_E2) * (sinLat / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}

export class EqualAreaProjection {
  private readonly lon0: number;
  private readonly k0: number;
  private readonly yOffset: number;

  /** A plane whose origin (0, 0) is at `center` and whose true-scale parallel runs through it. */
  constructor(center: LonLat) {
    this.lon0 = center[0];
    const s = Math.sin(center[1] * DEG);
    this.k0 = Math.cos(center[1] * DEG) / Math.sqrt(1 - WGS84_E2 * s * s);
    this.yOffset = (WGS84_A * authalicQ(s)) / (2 * this.k0);
  }

  /** Planar x (east) in metres from the centre. */
  x(lon: number): number {
    let dLon = lon - this.lon0;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    return WGS84_A * this.k0 * dLon * DEG;
  }

  /** Planar y (north) in metres from the centre. */
  y(lat: number): number {
    return (WGS84_A * authalicQ(Math.sin(lat * DEG))) / (2 * this.k0) - this.yOffset;
  }

  /** [lon, lat] of planar metres (x, y); latitude by Newton's iteration (Snyder eq. 3-16). */
  inverse(x: number, y: number): LonLat {
    const q = (2 * this.k0 * (y + this.yOffset)) / WGS84_A;
    let lat = Math.asin(Math.max(-1, Math.min(1, q / 2)));
    for (let i = 0; i < 8; i++) {
      const s = Math.sin(lat);
      const w = 1 - WGS84_E2 * s * s;
      const step = ((w * w) / (2 * Math.cos(lat))) * ((q - authalicQ(s)) / (1 - WGS84_E2));
      lat += step;
      if (Math.abs(step) < 1e-15) break;
    }
    return [this.lon0 + x / (WGS84_A * this.k0 * DEG), lat / DEG];
  }
}
