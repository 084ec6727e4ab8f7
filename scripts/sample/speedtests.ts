// Speed measurements as a speed-test app would export them: taken where people live,
// fast near masts and fiber boxes, slower at the edge of reach. One Cây Thị hamlet that
// the model calls covered measures badly (hills shadow the mast), so the app has a
// disagreement between prediction and measurement to show (two such hamlets).
import type { Cell, LonLat, SpeedTest } from '../../src/lib/engine/types.ts';
import { add, dist, toLonLat, toXY } from './frame.ts';
import { cellReach, onAir, type FiberAp } from './estimate.ts';
import type { Rng } from './prng.ts';
import type { PopPoint } from './settlements.ts';

/** A speedtests.csv row; the generator always fills upload and latency. */
export type SpeedRow = SpeedTest & { up_mbps: number; latency_ms: number };

const MOBILE_TESTS = 190;
/** Extra mobile tests in each disagreeing hamlet, as when residents report a problem. */
const POOR_HAMLET_TESTS = 8;
const FIXED_TESTS = 100;
const round1 = (x: number) => Math.round(x * 10) / 10;

function time2026(rng: Rng): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `2026-${two(rng.int(1, 10))}-${two(rng.int(1, 28))}T${two(rng.int(7, 22))}:${two(rng.int(0, 59))}:${two(rng.int(0, 59))}+07:00`;
}

function pickPerson(people: readonly PopPoint[], totalPop: number, rng: Rng): PopPoint {
  let r = rng.next() * totalPop;
  for (const p of people) {
    r -= p.pop;
    if (r < 0) return p;
  }
  return people[people.length - 1] as PopPoint;
}

function mobileRow(at: LonLat, cells: readonly Cell[], poor: boolean, rng: Rng): Omit<SpeedRow, 'time' | 'lon' | 'lat'> | null {
  const hits = cells
    .filter((c) => onAir(c.status, c.on_air_year, null))
    .map((c) => ({ c, frac: cellReach(c, at) }))
    .filter((h): h is { c: Cell; frac: number } => h.frac !== null);
  if (hits.length === 0) return null;
  const carrier = rng.pick(hits).c.carrier;
  const mine = hits.filter((h) => h.c.carrier === carrier);
  const fiveG = mine.filter((h) => h.c.tech === '5G');
  if (poor) {
    return { kind: 'mobile', tech: '4G', carrier, down_mbps: round1(rng.range(0.4, 4)), up_mbps: round1(rng.range(0.1, 1)), latency_ms: rng.int(90, 260) };
  }
  if (fiveG.length > 0 && rng.chance(0.7)) {
    const frac = Math.min(...fiveG.map((h) => h.frac));
    const down = (180 + 450 * (1 - frac)) * rng.range(0.6, 1.1);
    return { kind: 'mobile', tech: '5G', carrier, down_mbps: round1(down), up_mbps: round1(rng.range(30, 90)), latency_ms: rng.int(9, 20) };
  }
  const frac = Math.min(...mine.filter((h) => h.c.tech === '4G').map((h) => h.frac), 1);
  const down = (8 + 70 * (1 - frac) ** 1.5) * rng.range(0.6, 1.2);
  return {
    kind: 'mobile',
    tech: '4G',
    carrier,
    down_mbps: round1(down),
    up_mbps: round1(down * rng.range(0.15, 0.35)),
    latency_ms: Math.round(28 + 40 * frac + rng.range(0, 15)),
  };
}

function fixedRow(at: LonLat, aps: readonly (FiberAp & { carrier: string })[], rng: Rng): Omit<SpeedRow, 'time' | 'lon' | 'lat'> | null {
  const xy = toXY(at);
  const ap = aps.find((a) => onAir(a.status, a.year, null) && dist(toXY(a.lonLat), xy) <= a.reachM);
  if (!ap) return null;
  const plan = rng.pick([100, 150, 300, 300, 500, 1000].filter((p) => p <= ap.maxMbps));
  const down = plan * rng.range(0.75, 0.97);
  return { kind: 'fixed', tech: 'fiber', carrier: ap.carrier, down_mbps: round1(down), up_mbps: round1(down * rng.range(0.5, 1)), latency_ms: rng.int(3, 12) };
}

/** ~306 measurements from 2026; mobile ones in `poorHamletIds` are slow although covered. */
export function sampleSpeedTests(
  people: readonly PopPoint[],
  cells: readonly Cell[],
  aps: readonly (FiberAp & { carrier: string })[],
  poorHamletIds: readonly string[],
  rng: Rng,
): SpeedRow[] {
  const rows: SpeedRow[] = [];
  const take = (kind: 'mobile' | 'fixed', wanted: number, pool: readonly PopPoint[]) => {
    const totalPop = pool.reduce((s, p) => s + p.pop, 0);
    let made = 0;
    for (let tries = 0; made < wanted && tries < wanted * 50; tries++) {
      const person = pickPerson(pool, totalPop, rng);
      const at = toLonLat(add(toXY(person.lonLat), [rng.normal(), rng.normal()], 15));
      const row = kind === 'mobile' ? mobileRow(at, cells, poorHamletIds.includes(person.hamletId), rng) : fixedRow(at, aps, rng);
      if (!row) continue;
      rows.push({ lon: at[0], lat: at[1], time: time2026(rng), ...row });
      made += 1;
    }
  };
  take('mobile', MOBILE_TESTS, people);
  for (const id of poorHamletIds) take('mobile', POOR_HAMLET_TESTS, people.filter((p) => p.hamletId === id));
  take('fixed', FIXED_TESTS, people);
  return rows.sort((a, b) => a.time.localeCompare(b.time));
}
