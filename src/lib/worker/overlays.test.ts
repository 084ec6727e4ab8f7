import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { accessPoint, cell, hamlet, makePackage, rect } from '../../../tests/unit/fixtures/engine/builders.ts';
import { coverageGeometry } from '../engine/coverage-geometry.ts';
import { CoverageModel } from '../engine/model.ts';
import { computeOverlays, coverageToleranceM, HOLE_GRID_M, HOLE_POINTS_MAX, holeFeatures } from './overlays.ts';

const positions = (fc: { features: Array<{ geometry: { coordinates: number[][][][] } }> }) =>
  fc.features.reduce((n, f) => n + f.geometry.coordinates.flat(2).length, 0);

describe('holeFeatures', () => {
  it('keeps each uncovered point while they are few', () => {
    const fc = holeFeatures([{ lon: 105.9, lat: 21.5, pop: 3, hamletId: 'a' }]);
    expect(fc.features).toEqual([{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.9, 21.5] }, properties: { pop: 3, hamletId: 'a' } }]);
  });

  it('sums many points into grid squares, each with its people and main hamlet', () => {
    // HOLE_POINTS_MAX + 1 points: most in one 100 m patch of hamlet "a", one far away in "b".
    const points = Array.from({ length: HOLE_POINTS_MAX }, (_, i) => ({ lon: 105.9 + (i % 100) * 1e-5, lat: 21.5 + Math.floor(i / 100) * 1e-5, pop: 0.5, hamletId: i < 10 ? 'b' : 'a' }));
    points.push({ lon: 106.5, lat: 21.9, pop: 7, hamletId: 'b' });
    const fc = holeFeatures(points);
    const total = fc.features.reduce((sum, f) => sum + f.properties.pop, 0);
    expect(total).toBeCloseTo(HOLE_POINTS_MAX * 0.5 + 7, 6);
    expect(fc.features.length).toBeLessThanOrEqual(5);
    const far = fc.features.find((f) => f.properties.pop === 7);
    expect(far?.properties.hamletId).toBe('b');
    expect(fc.features.filter((f) => f.properties.pop !== 7).every((f) => f.properties.hamletId === 'a')).toBe(true);
    // Squares HOLE_GRID_M on a side, holding their points.
    const square = far?.geometry as Polygon;
    expect(Math.sqrt(area(far!))).toBeCloseTo(HOLE_GRID_M, -1);
    const [[w, s], , [e, n]] = square.coordinates[0] as [[number, number], [number, number], [number, number]];
    expect(w <= 106.5 && 106.5 < e && s <= 21.9 && 21.9 < n).toBe(true);
  });
});

describe('coverage overlay', () => {
  const pkg = makePackage({
    hamlets: [hamlet('h', rect(105.8, 21.6, 106.6, 22.2))],
    cells: [cell({ id: 'c', carrier: 'VNPT', lon: 105.9, lat: 21.7, range_m: 3000 })],
    accessPoints: Array.from({ length: 40 }, (_, i) => accessPoint({ id: `a${i}`, carrier: 'VNPT', lon: 106 + (i % 8) * 0.004, lat: 21.8 + Math.floor(i / 8) * 0.004, reach_m: 300 })),
  });

  it('holds only the layers the map draws, outlined within a tolerance that grows with the package', () => {
    const model = new CoverageModel(pkg, { year: null });
    const { coverage } = computeOverlays(pkg, { year: null }, model.report(), 'full');
    expect(coverage?.features.map((f) => `${f.properties.layer}/${f.properties.carrier}`)).toEqual(['4G/VNPT', '4G/all', 'fiber/VNPT', 'fiber/all']);
    // About 100 km across: a few metres; the same shapes exact have more vertices, about the same area.
    const toleranceM = coverageToleranceM(pkg);
    expect(toleranceM).toBeGreaterThan(3);
    expect(toleranceM).toBeLessThan(6);
    const exact = coverageGeometry(pkg, { year: null }, { layers: ['4G', 'fiber'] });
    expect(positions(coverage!)).toBeLessThan(positions(exact) * 0.8);
    coverage!.features.forEach((f, i) => expect(area(f) / area(exact.features[i]!)).toBeCloseTo(1, 2));
  });

  it('stays exact to half a metre on a commune-sized package', () => {
    const small = makePackage({ hamlets: [hamlet('h', rect(105.9, 21.5, 105.91, 21.51))] });
    expect(coverageToleranceM(small)).toBe(0.5);
  });
});
