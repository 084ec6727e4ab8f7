// Prints the estimated story per hamlet and for the commune, so the sample can be tuned
// without the engine: population share covered by 4G, 5G, mobile broadband, fiber and
// fiber ≥ 1 Gb/s, now and as of a given year.
import type { Cell } from '../../src/lib/engine/types.ts';
import { coverageAt, type CoverageShape, type FiberAp, type PointCoverage } from './estimate.ts';
import type { HamletDraft } from './hamlets.ts';
import type { PopPoint } from './settlements.ts';

type Key = keyof PointCoverage | 'mobile_bb';
const KEYS: Key[] = ['4g', '5g', 'mobile_bb', 'fiber', 'fiber_1g'];

export interface Estimate {
  year: number | null;
  /** Population-weighted shares for the commune. */
  commune: Record<Key, number>;
  /** Per hamlet id. */
  hamlets: Map<string, Record<Key, number>>;
  /** Share of hamlets whose mobile_bb / fiber share reaches the threshold. */
  hamletShare: { mobile_bb: number; fiber: number };
}

/** Estimates coverage shares with the point model (see estimate.ts for the assumptions). */
export function estimate(
  hamlets: readonly HamletDraft[],
  people: readonly PopPoint[],
  cells: readonly Cell[],
  aps: readonly FiberAp[],
  shapes: readonly CoverageShape[],
  year: number | null,
  threshold: number,
): Estimate {
  const sums = new Map<string, Record<Key, number> & { all: number }>();
  for (const p of people) {
    const c = coverageAt(p.lonLat, cells, aps, shapes, year);
    const s = sums.get(p.hamletId) ?? { '4g': 0, '5g': 0, mobile_bb: 0, fiber: 0, fiber_1g: 0, all: 0 };
    s['4g'] += c['4g'] ? p.pop : 0;
    s['5g'] += c['5g'] ? p.pop : 0;
    s.mobile_bb += c['4g'] || c['5g'] ? p.pop : 0;
    s.fiber += c.fiber ? p.pop : 0;
    s.fiber_1g += c.fiber_1g ? p.pop : 0;
    s.all += p.pop;
    sums.set(p.hamletId, s);
  }
  const perHamlet = new Map<string, Record<Key, number>>();
  const commune: Record<Key, number> = { '4g': 0, '5g': 0, mobile_bb: 0, fiber: 0, fiber_1g: 0 };
  const total = hamlets.reduce((s, h) => s + h.population, 0);
  for (const h of hamlets) {
    const s = sums.get(h.id);
    const shares = Object.fromEntries(KEYS.map((k) => [k, s && s.all > 0 ? s[k] / s.all : 0])) as Record<Key, number>;
    perHamlet.set(h.id, shares);
    for (const k of KEYS) commune[k] += (shares[k] * h.population) / total;
  }
  const count = (k: Key) => hamlets.filter((h) => (perHamlet.get(h.id)?.[k] ?? 0) >= threshold - 1e-9).length;
  return {
    year,
    commune,
    hamlets: perHamlet,
    hamletShare: { mobile_bb: count('mobile_bb') / hamlets.length, fiber: count('fiber') / hamlets.length },
  };
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(5);

/** A plain-text table: one row per hamlet, then the commune. */
export function formatEstimates(hamlets: readonly HamletDraft[], now: Estimate, later: Estimate): string {
  const head = `${'hamlet'.padEnd(24)} ${'pop'.padStart(5)} |   4G    5G  mobBB fiber  1Gb | 5G@${later.year} fib@${later.year}`;
  const lines = [head, '-'.repeat(head.length)];
  for (const h of hamlets) {
    const a = now.hamlets.get(h.id);
    const b = later.hamlets.get(h.id);
    if (!a || !b) continue;
    lines.push(
      `${`${h.id} ${h.name}`.padEnd(24)} ${String(h.population).padStart(5)} |${KEYS.map((k) => pct(a[k])).join(' ')} | ${pct(b['5g'])}   ${pct(b.fiber)}`,
    );
  }
  lines.push('-'.repeat(head.length));
  lines.push(
    `${'commune'.padEnd(24)} ${String(hamlets.reduce((s, h) => s + h.population, 0)).padStart(5)} |${KEYS.map((k) => pct(now.commune[k])).join(' ')} | ${pct(later.commune['5g'])}   ${pct(later.commune.fiber)}`,
  );
  lines.push(
    `hamlets ≥ threshold: mobile_bb ${pct(now.hamletShare.mobile_bb)} (${later.year}: ${pct(later.hamletShare.mobile_bb)}), fiber ${pct(now.hamletShare.fiber)} (${later.year}: ${pct(later.hamletShare.fiber)})`,
  );
  return lines.join('\n');
}
