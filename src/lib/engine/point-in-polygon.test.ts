import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { rect } from '../../../tests/unit/fixtures/engine/builders.ts';
import { containsPoint, flattenPolygon } from './point-in-polygon.ts';

describe('containsPoint', () => {
  const square = flattenPolygon(rect(0, 0, 1, 1));

  it('counts edges and vertices as inside', () => {
    expect(containsPoint(square, 0.5, 0.5)).toBe(true);
    expect(containsPoint(square, 1, 0.5)).toBe(true);
    expect(containsPoint(square, 0, 0)).toBe(true);
    expect(containsPoint(square, 1 + 1e-7, 0.5)).toBe(false);
  });

  it('finds a point on a diagonal edge that floating point puts a hair off it', () => {
    const triangle = flattenPolygon({ type: 'Polygon', coordinates: [[[105.1, 21.3], [105.7, 21.9], [105.1, 21.9], [105.1, 21.3]]] });
    const mid = [(105.1 + 105.7) / 2, (21.3 + 21.9) / 2] as const;
    expect(containsPoint(triangle, mid[0], mid[1])).toBe(true);
    expect(containsPoint(triangle, mid[0] + 1e-6, mid[1])).toBe(false);
  });

  it('excludes holes but keeps their edges, in either winding', () => {
    const clockwiseOuter = [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]];
    const hole = [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[clockwiseOuter, hole], [[[5, 0], [6, 0], [6, 1], [5, 0]]]] };
    const polygon = flattenPolygon(multi);
    expect(containsPoint(polygon, 2, 2)).toBe(false);
    expect(containsPoint(polygon, 1, 2)).toBe(true);
    expect(containsPoint(polygon, 0.5, 2)).toBe(true);
    expect(containsPoint(polygon, 5.9, 0.5)).toBe(true);
    expect(containsPoint(polygon, 4.5, 0.5)).toBe(false);
  });

  it('closes rings that the file left open', () => {
    const open = flattenPolygon({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2]]] });
    expect(containsPoint(open, 0, 1)).toBe(true);
    expect(containsPoint(open, 1, 1)).toBe(true);
  });

  it('agrees with a plain crossing count over all edges on long rings, whose edges span many bands', () => {
    const random = mulberry32(9);
    for (let i = 0; i < 20; i++) {
      // A star of 50 to 400 vertices, some spikes long (edges across many bands), some short.
      const n = 50 + Math.floor(random() * 350);
      const ring: number[][] = [];
      for (let k = 0; k < n; k++) {
        const angle = (2 * Math.PI * k) / n;
        const radius = random() < 0.1 ? 0.2 + random() * 0.8 : 0.1 + random() * 0.05;
        ring.push([105.8 + radius * Math.cos(angle), 21.6 + radius * Math.sin(angle)]);
      }
      ring.push(ring[0]!);
      const polygon = flattenPolygon({ type: 'Polygon', coordinates: [ring] });
      for (let j = 0; j < 500; j++) {
        const [x, y] = [105.8 + (random() - 0.5) * 2, 21.6 + (random() - 0.5) * 2];
        let inside = false;
        let nearEdge = false;
        for (let k = 0; k + 1 < ring.length; k++) {
          const [ax, ay] = ring[k] as [number, number];
          const [bx, by] = ring[k + 1] as [number, number];
          const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
          if (Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)) < 1e-6) nearEdge = true;
          if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
        }
        if (!nearEdge) expect(containsPoint(polygon, x, y), `${x}, ${y} in ring ${i}`).toBe(inside);
      }
    }
  });
});

