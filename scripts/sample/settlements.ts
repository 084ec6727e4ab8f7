// Where people live: each hamlet gets a core on a road (its culture house stands there)
// and weighted points strung along the roads that cross it, thicker round 1–4 cluster
// centres. Cây Thị's points are looser and reach further up the hillsides.
import { booleanPointInPolygon, polygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { LonLat } from '../../src/lib/engine/types.ts';
import { add, dist, toLonLat, type XY } from './frame.ts';
import type { HamletDraft } from './hamlets.ts';
import { apportion, type Rng } from './prng.ts';
import { alongPath, villageRoad, type Road } from './roads.ts';

/** Average people per population point (about one household in a small homestead group). */
const PEOPLE_PER_POINT = 2.6;
const SAMPLE_STEP_M = 20;

export interface Settlement {
  hamletId: string;
  core: XY;
  /** Cluster centres in local metres; the first is the core. */
  clusters: XY[];
}

export interface PopPoint {
  lonLat: LonLat;
  pop: number;
  hamletId: string;
}

function samplesInside(roads: readonly Road[], shape: Feature<Polygon>): XY[] {
  const out: XY[] = [];
  for (const road of roads) {
    let len = 0;
    for (let i = 0; i + 1 < road.path.length; i++) len += dist(road.path[i] as XY, road.path[i + 1] as XY);
    for (let s = 0; s <= len; s += SAMPLE_STEP_M) {
      const p = alongPath(road.path, s);
      if (booleanPointInPolygon(p, shape, { ignoreBoundary: true })) out.push(p);
    }
  }
  return out;
}

function randomInside(shape: Feature<Polygon>, ringXY: readonly XY[], rng: Rng): XY {
  const xs = ringXY.map((p) => p[0]);
  const ys = ringXY.map((p) => p[1]);
  for (;;) {
    const p: XY = [rng.range(Math.min(...xs), Math.max(...xs)), rng.range(Math.min(...ys), Math.max(...ys))];
    if (booleanPointInPolygon(p, shape, { ignoreBoundary: true })) return p;
  }
}

/**
 * Gives every hamlet a core and village roads: a hamlet no trunk road crosses gets a
 * road from its middle to the network; Cây Thị hamlets also get a spur up the hill.
 * Returns every road (trunk and village) and each hamlet's settlement plan.
 */
export function planSettlements(hamlets: readonly HamletDraft[], trunk: readonly Road[], rng: Rng) {
  const roads: Road[] = [...trunk];
  const settlements: Settlement[] = [];
  for (const h of hamlets) {
    const shape = polygon([h.ringXY]);
    const onTrunk = samplesInside(trunk, shape);
    let core: XY;
    if (onTrunk.length > 10) {
      core = onTrunk.reduce((best, p) => (dist(p, h.seed) < dist(best, h.seed) ? p : best));
    } else {
      const road = villageRoad(`Đường ${h.name}`, h.seed, roads, rng);
      roads.push(road);
      core = road.path[road.path.length - 1] as XY;
    }
    if (h.part === 'cayThi') {
      const far = randomInside(shape, h.ringXY, rng);
      const spur = villageRoad(`Đường lên đồi ${h.name}`, far, [{ name: 'core', path: [core, add(core, [1, 0])] }], rng);
      roads.push(spur);
    }
    const mine = samplesInside(roads, shape);
    const clusterCount = h.part === 'namHoa' ? rng.int(2, 3) : rng.int(2, 4);
    const clusters = [core];
    while (clusters.length < clusterCount && mine.length > 0) clusters.push(rng.pick(mine));
    settlements.push({ hamletId: h.id, core, clusters });
  }
  return { settlements, roads };
}

/** Weighted population points for each hamlet; weights sum to its census population. */
export function populationPoints(
  hamlets: readonly HamletDraft[],
  settlements: readonly Settlement[],
  roads: readonly Road[],
  rng: Rng,
): PopPoint[] {
  const out: PopPoint[] = [];
  hamlets.forEach((h, i) => {
    const plan = settlements[i] as Settlement;
    const shapeLonLat = polygon([h.ring]);
    const samples = samplesInside(roads, polygon([h.ringXY]));
    const hilly = h.part === 'cayThi';
    const scaleM = hilly ? 300 : 420;
    const weights = samples.map(
      (s) => (hilly ? 0.12 : 0.05) + plan.clusters.reduce((w, c) => w + Math.exp(-((dist(s, c) / scaleM) ** 2)), 0),
    );
    const total = weights.reduce((a, b) => a + b, 0);
    const count = Math.max(5, Math.round(h.population / PEOPLE_PER_POINT));
    const points: LonLat[] = [];
    while (points.length < count) {
      let r = rng.next() * total;
      let k = 0;
      while (k < samples.length - 1 && r > (weights[k] as number)) r -= weights[k++] as number;
      const base = samples[k] ?? h.seed;
      const spreadM = hilly ? (rng.chance(0.2) ? 220 : 70) : rng.chance(0.1) ? 120 : 35;
      const p = toLonLat(add(base, [rng.normal(), rng.normal()], spreadM));
      if (booleanPointInPolygon(p, shapeLonLat, { ignoreBoundary: true })) points.push(p);
    }
    const pops = apportion(h.population, points.map(() => rng.range(0.6, 1.4)));
    points.forEach((p, j) => out.push({ lonLat: p, pop: pops[j] as number, hamletId: h.id }));
  });
  return out;
}
