// Fiber: access points (splitter / ODP boxes) placed greedily where most uncovered
// people live, and cables drawn along the roads out from the centre to the farthest box
// on each road. A few remote hamlets have no fiber yet; some get boxes in 2026–2027.
import type { LonLat } from '../../src/lib/engine/types.ts';
import { add, dist, nearestOnSegment, toLonLat, toXY, type XY } from './frame.ts';
import type { FiberAp } from './estimate.ts';
import type { HamletDraft } from './hamlets.ts';
import type { Rng } from './prng.ts';
import type { Road } from './roads.ts';
import type { PopPoint } from './settlements.ts';

export interface SampleAp extends FiberAp {
  id: string;
  carrier: 'VNPT' | 'Viettel';
  hamletId: string;
}

export interface SampleCable {
  id: string;
  carrier: 'VNPT' | 'Viettel';
  path: LonLat[];
}

/** Hamlets without fiber today, and the year a first box is planned there (null: none yet). */
const NO_FIBER_YET: Record<string, number | null> = {
  'Xóm Gò Trẹo': 2026,
  'Xóm Cây Thị 5': 2026,
  'Xóm Cây Thị 6': null,
  'Xóm Cây Thị 7': 2027,
  'Xóm Cây Thị 8': null,
};

function speedMbps(at: XY, part: HamletDraft['part'], rng: Rng): number {
  const fromHqM = dist(at, [0, 0]);
  if (fromHqM < 1500) return rng.pick([1000, 2500, 2500]);
  if (part === 'namHoa') return rng.pick([300, 500, 1000, 1000, 1000]);
  return rng.pick([300, 300, 500]);
}

/** Access points for every hamlet, covering a target share of its people. */
export function placeAccessPoints(hamlets: readonly HamletDraft[], people: readonly PopPoint[], rng: Rng): SampleAp[] {
  const aps: SampleAp[] = [];
  for (const h of hamlets) {
    const plannedYear = NO_FIBER_YET[h.name];
    if (plannedYear === null) continue;
    const planned = plannedYear !== undefined;
    const mine = people.filter((p) => p.hamletId === h.id).map((p) => ({ xy: toXY(p.lonLat), pop: p.pop }));
    const total = mine.reduce((s, p) => s + p.pop, 0);
    const targetShare = h.part === 'namHoa' ? rng.range(0.88, 0.98) : rng.range(0.65, 0.92);
    const covered = new Set<number>();
    let coveredPop = 0;
    while (coveredPop < targetShare * total && aps.filter((a) => a.hamletId === h.id).length < 10) {
      const reachM = rng.pick([200, 250, 300, 300, 350, 400]);
      let best = { gain: 0, at: -1 };
      mine.forEach((c, i) => {
        const gain = mine.reduce((s, p, j) => s + (!covered.has(j) && dist(p.xy, c.xy) <= reachM ? p.pop : 0), 0);
        if (gain > best.gain) best = { gain, at: i };
      });
      const centre = mine[best.at];
      if (!centre) break;
      mine.forEach((p, j) => {
        if (!covered.has(j) && dist(p.xy, centre.xy) <= reachM) {
          covered.add(j);
          coveredPop += p.pop;
        }
      });
      // Boxes hang on poles by the road a few metres from the houses they serve.
      const at = add(centre.xy, [rng.normal(), rng.normal()], 10);
      aps.push({
        id: `ap${String(aps.length + 1).padStart(3, '0')}`,
        carrier: rng.chance(0.6) ? 'VNPT' : 'Viettel',
        hamletId: h.id,
        lonLat: toLonLat(at),
        maxMbps: speedMbps(at, h.part, rng),
        reachM,
        status: planned ? 'planned' : 'on_air',
        year: planned ? plannedYear : null,
      });
    }
  }
  return aps;
}

function arcPosition(path: readonly XY[], p: XY): { s: number; offM: number } {
  let best = { s: 0, offM: Infinity };
  let s = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i] as XY;
    const b = path[i + 1] as XY;
    const near = nearestOnSegment(p, a, b);
    if (near.distM < best.offM) best = { s: s + near.t * dist(a, b), offM: near.distM };
    s += dist(a, b);
  }
  return best;
}

function slicePath(path: readonly XY[], s0: number, s1: number): XY[] {
  const out: XY[] = [];
  let s = 0;
  for (let i = 0; i < path.length; i++) {
    const p = path[i] as XY;
    if (s >= s0 && s <= s1) out.push(p);
    const next = path[i + 1];
    if (next) s += dist(p, next);
  }
  return out;
}

/**
 * Cables along the roads: for each carrier and road, from the road's start (for QL17, from
 * the HQ both ways) to the farthest of that carrier's boxes whose nearest road it is.
 */
export function drawCables(aps: readonly SampleAp[], roads: readonly Road[], hqArcM: number): SampleCable[] {
  const reach = new Map<string, { carrier: SampleAp['carrier']; road: number; s0: number; s1: number }>();
  for (const ap of aps) {
    const xy = toXY(ap.lonLat);
    let best = { road: 0, s: 0, offM: Infinity };
    roads.forEach((r, i) => {
      const pos = arcPosition(r.path, xy);
      if (pos.offM < best.offM) best = { road: i, s: pos.s, offM: pos.offM };
    });
    const side = best.road === 0 && best.s < hqArcM ? 'sw' : 'out';
    const k = `${ap.carrier}|${best.road}|${side}`;
    const start = best.road === 0 ? hqArcM : 0;
    const cur = reach.get(k) ?? { carrier: ap.carrier, road: best.road, s0: start, s1: start };
    reach.set(k, { ...cur, s0: Math.min(cur.s0, best.s), s1: Math.max(cur.s1, best.s) });
  }
  const cables: SampleCable[] = [];
  for (const k of [...reach.keys()].sort()) {
    const c = reach.get(k);
    const road = c ? roads[c.road] : undefined;
    if (!c || !road) continue;
    const path = slicePath(road.path, c.s0, c.s1);
    if (path.length < 2) continue;
    cables.push({ id: `cable${String(cables.length + 1).padStart(2, '0')}`, carrier: c.carrier, path: path.map(toLonLat) });
  }
  return cables;
}
