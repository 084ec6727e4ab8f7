// Lazy greedy against plain greedy and the exhaustive optimum on seeded random set systems.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../scripts/lib/prng.ts';
import { LazyGreedy } from './greedy.ts';

interface Instance {
  sets: Uint32Array[];
  weight: Float64Array;
}

/** `setCount` random sets over `points` weighted points, each of 1..maxSize distinct points. */
function randomInstance(seed: number, setCount: number, points: number, maxSize: number): Instance {
  const random = mulberry32(seed);
  const weight = Float64Array.from({ length: points }, () => Math.floor(random() * 20) + random());
  const sets = Array.from({ length: setCount }, () => {
    const members = new Set<number>();
    const size = 1 + Math.floor(random() * maxSize);
    while (members.size < size) members.add(Math.floor(random() * points));
    return Uint32Array.from(members);
  });
  return { sets, weight };
}

function coveredWeight({ sets, weight }: Instance, chosen: readonly number[]): number {
  const covered = new Set(chosen.flatMap((i) => [...(sets[i] as Uint32Array)]));
  let sum = 0;
  for (const k of covered) sum += weight[k] as number;
  return sum;
}

/** Textbook greedy: every set re-evaluated at every pick. */
function plainGreedyGains(instance: Instance, count: number): number[] {
  const chosen: number[] = [];
  const gains: number[] = [];
  for (let pick = 0; pick < count; pick++) {
    const base = coveredWeight(instance, chosen);
    let best = -1, bestGain = 0;
    instance.sets.forEach((_, i) => {
      const gain = coveredWeight(instance, [...chosen, i]) - base;
      if (gain > bestGain) [best, bestGain] = [i, gain];
    });
    if (best < 0) break;
    chosen.push(best);
    gains.push(bestGain);
  }
  return gains;
}

function lazyGains(instance: Instance, count: number): { gains: number[]; chosen: number[]; evaluations: number } {
  const greedy = new LazyGreedy(instance.sets, instance.weight);
  const gains: number[] = [];
  const chosen: number[] = [];
  for (let pick = 0; pick < count; pick++) {
    const next = greedy.next();
    if (!next) break;
    gains.push(next.gain);
    chosen.push(next.location);
  }
  return { gains, chosen, evaluations: greedy.evaluations };
}

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first < n; first++) for (const rest of combinations(n - first - 1, k - 1)) out.push([first, ...rest.map((r) => r + first + 1)]);
  return out;
}

describe('LazyGreedy', () => {
  it('makes the same picks (by gain) as plain greedy on 30 random set systems', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const instance = randomInstance(seed, 40, 200, 30);
      const lazy = lazyGains(instance, 8);
      const plain = plainGreedyGains(instance, 8);
      expect(lazy.gains.length, `seed ${seed}`).toBe(plain.length);
      lazy.gains.forEach((g, i) => expect(g, `seed ${seed} pick ${i + 1}`).toBeCloseTo(plain[i] as number, 9));
      // Each pick's gain is what it really adds to the ones before.
      lazy.chosen.forEach((loc, i) => expect(coveredWeight(instance, lazy.chosen.slice(0, i + 1)) - coveredWeight(instance, lazy.chosen.slice(0, i))).toBeCloseTo(lazy.gains[i] as number, 9));
    }
  });

  it('reaches at least (1 − 1/e) of the exhaustive optimum on 30 small random instances', () => {
    const bound = 1 - 1 / Math.E;
    for (let seed = 101; seed <= 130; seed++) {
      const instance = randomInstance(seed, 10, 30, 10);
      const count = 3;
      const optimum = Math.max(...combinations(instance.sets.length, count).map((c) => coveredWeight(instance, c)));
      const greedy = lazyGains(instance, count).gains.reduce((a, b) => a + b, 0);
      expect(greedy, `seed ${seed}`).toBeGreaterThanOrEqual(bound * optimum);
      expect(greedy).toBeLessThanOrEqual(optimum + 1e-9);
    }
  });

  it('evaluates far fewer gains than plain greedy (sets × picks)', () => {
    const instance = randomInstance(7, 500, 5000, 60);
    const { evaluations } = lazyGains(instance, 10);
    expect(evaluations).toBeLessThan(0.3 * 500 * 10);
  });

  it('stops with null once no set adds anything', () => {
    const instance: Instance = { sets: [Uint32Array.of(0, 1), Uint32Array.of(1), Uint32Array.of(2)], weight: Float64Array.of(1, 2, 0) };
    const greedy = new LazyGreedy(instance.sets, instance.weight);
    expect(greedy.next()).toMatchObject({ location: 0, gain: 3, newlyCovered: Uint32Array.of(0, 1) });
    expect(greedy.next()).toBeNull();
  });
});
