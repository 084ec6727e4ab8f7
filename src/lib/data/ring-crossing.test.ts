import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { findCrossing } from './ring-crossing.ts';

/**
 * The definition findCrossing must keep, written as the plain all-pairs loop: edges
 * numbered ring after ring, the first pair (g, h) whose boxes meet, that are not
 * neighbours in one ring, and that meet, and the meeting point along g.
 */
function firstCrossingAllPairs(rings: Position[][]): Position | null {
  const edges: { a: Position; b: Position; ring: number; i: number; last: number }[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) edges.push({ a: ring[i]!, b: ring[i + 1]!, ring: r, i, last: ring.length - 2 });
  });
  for (let g = 0; g < edges.length; g++) {
    for (let h = g + 1; h < edges.length; h++) {
      const e = edges[g]!;
      const f = edges[h]!;
      if (e.ring === f.ring && (f.i - e.i === 1 || (e.i === 0 && f.i === e.last))) continue;
      const boxesMeet =
        Math.min(e.a[0]!, e.b[0]!) <= Math.max(f.a[0]!, f.b[0]!) && Math.min(f.a[0]!, f.b[0]!) <= Math.max(e.a[0]!, e.b[0]!) &&
        Math.min(e.a[1]!, e.b[1]!) <= Math.max(f.a[1]!, f.b[1]!) && Math.min(f.a[1]!, f.b[1]!) <= Math.max(e.a[1]!, e.b[1]!);
      if (!boxesMeet) continue;
      const [ax, ay, bx, by, cx, cy, dx, dy] = [e.a[0]!, e.a[1]!, e.b[0]!, e.b[1]!, f.a[0]!, f.a[1]!, f.b[0]!, f.b[1]!];
      const denominator = (dy - cy) * (bx - ax) - (dx - cx) * (by - ay);
      if (denominator === 0) continue;
      const s = ((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)) / denominator;
      const t = ((bx - ax) * (ay - cy) - (by - ay) * (ax - cx)) / denominator;
      if (s >= 0 && s <= 1 && t >= 0 && t <= 1) return [ax + s * (bx - ax), ay + s * (by - ay)];
    }
  }
  return null;
}

const close = (ring: number[][]): Position[] => [...ring, ring[0]!];

/** A comb: `teeth` long thin teeth pointing east from a spine, each 0.1 long and 1e-4 thick. */
function comb(teeth: number): Position[] {
  const ring: Position[] = [[0, 0]];
  for (let t = 0; t < teeth; t++) {
    const y = t * 2e-4;
    ring.push([0, y + 1e-4], [0.1, y + 1e-4], [0.1, y + 2e-4], [0, y + 2e-4]);
  }
  ring.push([-0.01, teeth * 2e-4], [-0.01, 0], [0, 0]);
  return ring;
}

describe('findCrossing', () => {
  it('finds where a bow tie crosses itself, and nothing in a square', () => {
    expect(findCrossing([close([[0, 0], [2, 2], [2, 0], [0, 2]])])).toEqual([1, 1]);
    expect(findCrossing([close([[0, 0], [2, 0], [2, 2], [0, 2]])])).toBeNull();
  });

  it('finds a hole touching its outer ring at a vertex, but not neighbouring edges at their shared vertex', () => {
    const outer = close([[0, 0], [4, 0], [4, 4], [0, 4]]);
    expect(findCrossing([outer, close([[0, 2], [2, 1], [2, 3]])])).toEqual([0, 2]);
    // Collinear neighbours (a vertex in the middle of a straight side) are not a crossing.
    expect(findCrossing([close([[0, 0], [2, 0], [4, 0], [4, 4], [0, 4]])])).toBeNull();
  });

  it('reports the first of several crossings in edge order, not the first met from the west', () => {
    // Edges 0 and 2 cross at (11.5, 0) in the east; edges 4 and 6 cross in the west, near (1.14, 0.14).
    const ring = close([[10, 0], [12, 0], [12, 1], [11, -1], [0, -1], [2, 1], [2, -0.5], [0, 1], [10, 2]]);
    expect(findCrossing([ring])).toEqual([11.5, 0]);
  });

  it('agrees with the all-pairs loop on seeded random rings (touching, collinear and crossing edges on a lattice)', () => {
    const random = mulberry32(11);
    const int = (n: number) => Math.floor(random() * n);
    let crossings = 0;
    for (let i = 0; i < 3000; i++) {
      const rings = Array.from({ length: 1 + int(3) }, () => close(Array.from({ length: 3 + int(9) }, () => [int(8), int(8)])));
      const want = firstCrossingAllPairs(rings);
      if (want) crossings++;
      expect(findCrossing(rings), JSON.stringify(rings)).toEqual(want);
    }
    expect(crossings).toBeGreaterThan(1000);
    expect(crossings).toBeLessThan(3000);
  });

  it('agrees with the all-pairs loop on long wiggly rings, simple and with one vertex pulled across', () => {
    const random = mulberry32(5);
    for (let i = 0; i < 20; i++) {
      const n = 500 + Math.floor(random() * 1500);
      const ring: Position[] = [];
      for (let k = 0; k < n; k++) {
        const angle = (2 * Math.PI * k) / n;
        const radius = 0.05 * (1 + 0.3 * Math.sin(angle * 7) + 0.02 * random());
        ring.push([105.8 + radius * Math.cos(angle), 21.6 + radius * Math.sin(angle)]);
      }
      expect(findCrossing([close(ring)])).toBeNull();
      ring[Math.floor(random() * n)] = [105.8 + 0.1 * (random() - 0.5), 21.6 + 0.1 * (random() - 0.5)];
      const damaged = close(ring);
      expect(findCrossing([damaged])).toEqual(firstCrossingAllPairs([damaged]));
    }
  });

  it('agrees with the all-pairs loop on combs, whose long stacked teeth a column grid serves badly', () => {
    // 300 teeth: every column holds all 600 long edges, so the search goes through the segment index.
    const simple = comb(300);
    expect(findCrossing([simple])).toBeNull();
    const random = mulberry32(3);
    let crossings = 0;
    for (let i = 0; i < 10; i++) {
      const ring = comb(300);
      // A vertex moved by 1.5 to 6.5 teeth: its tooth now cuts across its neighbours.
      const k = 1 + Math.floor(random() * (ring.length - 3));
      ring[k] = [ring[k]![0]!, ring[k]![1]! + (random() < 0.5 ? -1 : 1) * (3e-4 + random() * 1e-3)];
      const want = firstCrossingAllPairs([ring]);
      if (want) crossings++;
      expect(findCrossing([ring])).toEqual(want);
    }
    expect(crossings).toBeGreaterThan(5);
  });
});
