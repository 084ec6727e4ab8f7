// Simulated roads. They are not a package file: they only decide where settlements,
// fiber cables and towers go, the way real hamlets string out along roads. QL17 crosses
// the commune south-west → east through the centre; a commune road climbs north-east
// into Cây Thị; village roads link each hamlet's core to the nearest road.
import { add, dist, heading, nearestOnSegment, type XY } from './frame.ts';
import type { Rng } from './prng.ts';

export interface Road {
  name: string;
  /** Polyline in local metres, vertices ≈ STEP_M apart. */
  path: XY[];
}

const STEP_M = 100;

/** Polyline from a start point through legs of (bearing °, length m), densified and made to meander. */
export function meander(start: XY, legs: readonly [number, number][], wiggleM: number, rng: Rng): XY[] {
  const straight: XY[] = [start];
  let at = start;
  for (const [azDeg, lengthM] of legs) {
    const n = Math.max(1, Math.round(lengthM / STEP_M));
    const dir = heading(azDeg);
    for (let i = 1; i <= n; i++) straight.push(add(at, dir, (lengthM * i) / n));
    at = add(at, dir, lengthM);
  }
  const phase1 = rng.range(0, 2 * Math.PI);
  const phase2 = rng.range(0, 2 * Math.PI);
  return straight.map((p, i) => {
    if (i === 0) return p;
    const prev = straight[i - 1] as XY;
    const len = dist(p, prev) || 1;
    const normal: XY = [-(p[1] - prev[1]) / len, (p[0] - prev[0]) / len];
    const s = i * STEP_M;
    const w = wiggleM * (0.7 * Math.sin(s / 700 + phase1) + 0.3 * Math.sin(s / 230 + phase2));
    return add(p, normal, w);
  });
}

/** Point at `distM` metres along a polyline (clamped to its ends). */
export function alongPath(path: readonly XY[], distM: number): XY {
  let left = distM;
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i] as XY;
    const b = path[i + 1] as XY;
    const len = dist(a, b);
    if (left <= len) return add(a, [(b[0] - a[0]) / len, (b[1] - a[1]) / len], left);
    left -= len;
  }
  return path[path.length - 1] as XY;
}

/** Nearest point on any of the roads. */
export function nearestOnRoads(p: XY, roads: readonly Road[]): { at: XY; distM: number } {
  let best = { at: p, distM: Infinity };
  for (const road of roads) {
    for (let i = 0; i + 1 < road.path.length; i++) {
      const near = nearestOnSegment(p, road.path[i] as XY, road.path[i + 1] as XY);
      if (near.distM < best.distM) best = near;
    }
  }
  return best;
}

/** The trunk roads: QL17 and the commune roads (local metres, HQ at [0, 0]). */
export function trunkRoads(rng: Rng): Road[] {
  const ql17Start = add([0, 0], heading(238), 6500);
  const ql17 = meander(ql17Start, [[58, 6500], [64, 3200], [74, 6000]], 60, rng);
  const fork = alongPath(ql17, 6500 + 700);
  const toCayThi = meander(fork, [[18, 3000], [35, 3200], [48, 3500]], 140, rng);
  const cayThiEast = meander(alongPath(toCayThi, 4200), [[95, 2400], [70, 2500]], 120, rng);
  const west = meander(add([0, 0], heading(238), 250), [[292, 2600], [300, 2500]], 90, rng);
  const south = meander(alongPath(ql17, 5200), [[168, 1900], [190, 2200]], 80, rng);
  const eastLoop = meander(alongPath(ql17, 9000), [[150, 1500], [200, 1800]], 70, rng);
  return [
    { name: 'QL17', path: ql17 },
    { name: 'ĐH Nam Hoà – Cây Thị', path: toCayThi },
    { name: 'Đường Cây Thị – Đông', path: cayThiEast },
    { name: 'Đường Nam Hoà – Linh Sơn', path: west },
    { name: 'Đường Nam Hoà – Nam', path: south },
    { name: 'Đường liên xóm Đông', path: eastLoop },
  ];
}

/** A village road from `core` to the nearest point on `roads`. */
export function villageRoad(name: string, core: XY, roads: readonly Road[], rng: Rng): Road {
  const { at, distM } = nearestOnRoads(core, roads);
  const azDeg = (Math.atan2(core[0] - at[0], core[1] - at[1]) * 180) / Math.PI;
  const path = meander(at, [[azDeg, Math.max(distM, STEP_M)]], Math.min(90, distM / 12), rng);
  return { name, path };
}
