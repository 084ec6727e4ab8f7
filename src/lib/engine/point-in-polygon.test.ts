import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
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
});
