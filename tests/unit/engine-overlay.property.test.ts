// Properties of the fast engine on seeded random packages: it agrees with the slow Turf
// overlay (uniform model) and with a brute-force exact point test (point model); adding
// a cell never lowers a share; every share lies in 0..1.
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/lib/engine/report.ts';
import type { HamletReport, Report } from '../../src/lib/engine/types.ts';
import { NAIVE_KEYS, naivePointShares, naiveUniformShares } from './fixtures/engine/naive-overlay.ts';
import { randomCell, randomPackage } from './fixtures/engine/random-package.ts';
import { mulberry32 } from '../../scripts/lib/prng.ts';

const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i);
const YEARS = [null, 2027];

const shareOf = (h: HamletReport, key: (typeof NAIVE_KEYS)[number]) => h.share[key] ?? 0;

function popShares(pkg: { hamlets: { population: number }[] }, shares: number[][]): number[] {
  const total = pkg.hamlets.reduce((s, h) => s + h.population, 0);
  return NAIVE_KEYS.map((_, k) => pkg.hamlets.reduce((s, h, i) => s + h.population * ((shares[i] as number[])[k] as number), 0) / total);
}

describe('fast engine versus the naive Turf overlay (uniform model)', () => {
  it.each(SEEDS)('seed %i: within 0.5 pp per hamlet and 0.1 pp for the commune', (seed) => {
    const pkg = randomPackage(seed, { withPopulation: false });
    for (const year of YEARS) {
      const report = computeReport(pkg, { year });
      const naive = naiveUniformShares(pkg, year);
      report.hamlets.forEach((h, i) => {
        NAIVE_KEYS.forEach((key, k) => expect(Math.abs(shareOf(h, key) - (naive[i]?.[k] as number)), `${h.id} ${key}`).toBeLessThan(0.005));
      });
      const fast = popShares(pkg, report.hamlets.map((h) => NAIVE_KEYS.map((key) => shareOf(h, key))));
      popShares(pkg, naive).forEach((value, k) => expect(Math.abs((fast[k] as number) - value)).toBeLessThan(0.001));
    }
  });
});

describe('point model versus a brute-force exact point test', () => {
  it.each(SEEDS)('seed %i: equal shares for every point-model hamlet', (seed) => {
    const pkg = randomPackage(seed, { withPopulation: true });
    const report = computeReport(pkg, { year: 2027 });
    const naive = naivePointShares(pkg, 2027);
    let checked = 0;
    report.hamlets.forEach((h, i) => {
      const expected = naive[i];
      if (!expected) return;
      checked++;
      NAIVE_KEYS.forEach((key, k) => expect(shareOf(h, key), `${h.id} ${key}`).toBeCloseTo(expected[k] as number, 12));
    });
    expect(checked).toBeGreaterThan(0);
  });
});

describe('monotone and bounded', () => {
  const allShares = (r: Report) => r.hamlets.flatMap((h) => NAIVE_KEYS.map((key) => shareOf(h, key)));

  it.each(SEEDS)('seed %i: adding a cell never lowers a share; all shares within 0..1', (seed) => {
    const random = mulberry32(seed * 7);
    for (const withPopulation of [false, true]) {
      const pkg = randomPackage(seed, { withPopulation });
      const before = allShares(computeReport(pkg, { year: null }));
      const after = allShares(computeReport(pkg, { year: null, extraCells: [randomCell(random, 'extra')] }));
      before.forEach((b, i) => {
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
        expect(after[i]).toBeGreaterThanOrEqual(b - 1e-12);
      });
    }
  });
});
