import { describe, expect, it } from 'vitest';
import { hamlet, point, rect } from '../../../tests/unit/fixtures/engine/builders.ts';
import { flattenPolygon } from './point-in-polygon.ts';
import { indexPopulation, packagePopulationIndex, pointList, populationPoints } from './population.ts';

describe('indexPopulation', () => {
  const hamlets = [hamlet('west', rect(105.80, 21.60, 105.81, 21.61)), hamlet('east', rect(105.81, 21.60, 105.82, 21.61))].map((h) => flattenPolygon(h.geometry));

  it('gives a point on a shared edge to the first hamlet and leaves weightless points out', () => {
    const index = indexPopulation(populationPoints([point(105.81, 21.605, 2), point(105.815, 21.605, 3), point(105.805, 21.605, 0)]), hamlets);
    expect([...index.hamletWeight]).toEqual([2, 3]);
    expect(index.pop.length).toBe(2);
  });

  it('keeps a stray point far from every hamlet out of the index (and so out of the grid)', () => {
    // Regression: a point at 0° N 0° E stretched the 250 m grid to ~450 million buckets.
    const index = indexPopulation(populationPoints([point(105.805, 21.605, 4), point(0, 0, 1)]), hamlets);
    expect([...index.lon]).toEqual([105.805]);
    expect([...index.hamletWeight]).toEqual([4, 0]);
    expect(index.grid.bucketCount).toBeLessThan(100);
  });
});

describe('populationPoints and pointList', () => {
  it('turn a list of points into columns and back, exactly', () => {
    const list = [point(105.81, 21.605, 2), point(-0.1, 1e-7, 19_999.5), point(0, -0, 0)];
    const columns = populationPoints(list);
    expect(columns.lon).toBeInstanceOf(Float64Array);
    expect([...columns.pop]).toEqual([2, 19_999.5, 0]);
    expect(pointList(columns)).toEqual(list);
    expect(Object.is(pointList(columns)[2]!.lat, -0)).toBe(true);
  });
});

describe('packagePopulationIndex', () => {
  const hamlets = [hamlet('west', rect(105.80, 21.60, 105.81, 21.61)), hamlet('east', rect(105.81, 21.60, 105.82, 21.61))];
  const points = populationPoints([point(105.815, 21.605, 3), point(105.805, 21.605, 2)]);

  it('indexes like indexPopulation and says where each point came from', () => {
    const index = packagePopulationIndex(points, hamlets);
    expect([...index.hamletWeight]).toEqual([2, 3]);
    expect([...index.source].map((i) => points.pop[i])).toEqual([...index.pop]);
  });

  it('is made once for the same lists (the loader and the engine share it), again for other hamlets', () => {
    const index = packagePopulationIndex(points, hamlets);
    expect(packagePopulationIndex(points, hamlets)).toBe(index);
    const swapped = [hamlets[1]!, hamlets[0]!];
    expect([...packagePopulationIndex(points, swapped).hamletWeight]).toEqual([3, 2]);
  });
});
