import { describe, expect, it } from 'vitest';
import { accessPoint, cell, coverageArea, hamlet, makePackage, point, rect } from '../../../tests/unit/fixtures/engine/builders.ts';
import { coverageAtPoints } from './coverage-query.ts';
import { LAYER_4G, LAYER_5G } from './items.ts';
import { destination } from './geodesy.ts';
import { computeReport } from './report.ts';
import type { LonLat } from './types.ts';

const center: LonLat = [105.81, 21.61];
const base = {
  hamlets: [hamlet('h', rect(105.80, 21.60, 105.82, 21.62))],
  cells: [
    cell({ id: 'sector5g', tech: '5G', lon: center[0], lat: center[1], azimuth_deg: 90, beamwidth_deg: 60, range_m: 800 }),
    cell({ id: 'planned4g', lon: center[0], lat: center[1], range_m: 1000, status: 'planned', on_air_year: 2027 }),
  ],
  accessPoints: [accessPoint({ id: 'ap', lon: 105.80, lat: 21.60, max_mbps: 300, reach_m: 300 })],
  coverage: [coverageArea({ id: 'gig', tech: 'fiber', max_mbps: 1000, geometry: rect(105.83, 21.60, 105.84, 21.61) })],
};

describe('coverageAtPoints', () => {
  const points: LonLat[] = [
    destination(center, 90, 800), // on the 5G arc, inside the planned 4G disc
    destination(center, 270, 500), // behind the sector
    destination([105.80, 21.60], 45, 300), // at the access point's reach
    [105.83, 21.605], // on the gigabit polygon's western edge
  ];

  it('answers per technology for the year viewed, edges included', () => {
    const now = coverageAtPoints(makePackage(base), { year: null }, points);
    expect(now.map((c) => [c['4g'], c['5g'], c.mobile_bb, c.fiber, c.fiber_1g])).toEqual([
      [false, true, true, false, false],
      [false, false, false, false, false],
      [false, false, false, true, false],
      [false, false, false, true, true],
    ]);
    const later = coverageAtPoints(makePackage(base), { year: 2027 }, points);
    expect(later.map((c) => c['4g'])).toEqual([true, true, false, false]);
  });

  it('looks at the layers asked for only, the others coming out uncovered', () => {
    const mobile = coverageAtPoints(makePackage(base), { year: null }, points, LAYER_4G | LAYER_5G);
    expect(mobile.map((c) => [c['4g'], c['5g'], c.mobile_bb, c.fiber, c.fiber_1g])).toEqual([
      [false, true, true, false, false],
      [false, false, false, false, false],
      [false, false, false, false, false],
      [false, false, false, false, false],
    ]);
  });

  it('counts scenario cells as on air', () => {
    const extra = cell({ id: 'x', lon: 105.83, lat: 21.605, range_m: 100, status: 'candidate' });
    const [c] = coverageAtPoints(makePackage(base), { year: null, extraCells: [extra] }, [[105.83, 21.605]]);
    expect(c?.['4g']).toBe(true);
  });

  it('agrees with the report on a point a hair outside a polygon’s box, on its edge', () => {
    // Regression: the report finds points within 1e-8° of an item's box and counts a point
    // within 1e-9° of an edge as on it; the query searched the bare box and missed it.
    const onEdge: LonLat = [105.81 + 5e-10, 21.61];
    const pkg = makePackage({
      hamlets: [hamlet('h', rect(105.80, 21.60, 105.82, 21.62))],
      coverage: [coverageArea({ id: 'west', geometry: rect(105.80, 21.60, 105.81, 21.62) })],
      population: [point(onEdge[0], onEdge[1])],
    });
    expect(computeReport(pkg, { year: null }).hamlets[0]?.share['4g']).toBe(1);
    expect(coverageAtPoints(pkg, { year: null }, [onEdge])[0]?.['4g']).toBe(true);
  });
});
