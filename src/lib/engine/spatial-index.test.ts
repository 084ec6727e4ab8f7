import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { PointGrid } from './spatial-index.ts';
import type { BBox } from './cell-shape.ts';

describe('PointGrid', () => {
  it('answers box queries with exactly the points inside, edges included', () => {
    const random = mulberry32(5);
    const lon = Array.from({ length: 2000 }, () => 105.8 + random() * 0.1);
    const lat = Array.from({ length: 2000 }, () => 21.6 + random() * 0.1);
    lon.push(105.85);
    lat.push(21.62);
    const grid = new PointGrid(lon, lat);
    const box: BBox = [105.83, 21.62, 105.85, 21.65];
    const found: number[] = [];
    grid.forEachInBBox(box, (k) => found.push(grid.order[k] as number));
    const expected = lon.map((x, i) => (x >= box[0] && x <= box[2] && (lat[i] as number) >= box[1] && (lat[i] as number) <= box[3] ? i : -1)).filter((i) => i >= 0);
    expect(found.sort((a, b) => a - b)).toEqual(expected);
    expect(found).toContain(2000);
  });

  it('stays small when a few points lie half the globe apart, and still finds them', () => {
    // Regression: 250 m buckets between 0° E 0° N and Nam Hoà are ~450 million (1.8 GB).
    const grid = new PointGrid([0, 105.8, 105.81], [0, 21.6, 21.61]);
    // The budget for a handful of points is 2^16 buckets, give or take rounding at the edges.
    expect(grid.bucketCount).toBeLessThan(1.05 * (1 << 16));
    const found: number[] = [];
    grid.forEachInBBox([105.79, 21.59, 105.805, 21.605], (k) => found.push(grid.order[k] as number));
    expect(found).toEqual([1]);
  });
});
