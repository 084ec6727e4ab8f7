import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { cell, coverageArea, hamlet, makePackage, rect } from '../../../tests/unit/fixtures/engine/builders.ts';
import { coverageGeometry } from './coverage-geometry.ts';

const pkg = makePackage({
  hamlets: [hamlet('h', rect(105.80, 21.60, 105.82, 21.62))],
  cells: [
    cell({ id: 'a', carrier: 'VNPT', lon: 105.805, lat: 21.61, range_m: 1000 }),
    cell({ id: 'b', carrier: 'Viettel', lon: 105.81, lat: 21.61, range_m: 1000 }),
    cell({ id: 'far', carrier: 'Viettel', lon: 105.9, lat: 21.7, range_m: 500, tech: '5G' }),
  ],
  coverage: [coverageArea({ id: 'hole', tech: '4G', carrier: 'VNPT', geometry: { type: 'Polygon', coordinates: [
    [[105.70, 21.50], [105.76, 21.50], [105.76, 21.56], [105.70, 21.56], [105.70, 21.50]],
    [[105.72, 21.52], [105.72, 21.54], [105.74, 21.54], [105.74, 21.52], [105.72, 21.52]],
  ] } })],
});

describe('coverageGeometry', () => {
  const fc = coverageGeometry(pkg, { year: null });
  const find = (layer: string, carrier: string) => fc.features.find((f) => f.properties.layer === layer && f.properties.carrier === carrier);

  it('gives one feature per layer and carrier plus "all", omitting empty ones', () => {
    const keys = fc.features.map((f) => `${f.properties.layer}/${f.properties.carrier}`);
    expect(keys).toEqual(['4G/VNPT', '4G/Viettel', '4G/all', '5G/Viettel', '5G/all', 'mobile_bb/VNPT', 'mobile_bb/Viettel', 'mobile_bb/all']);
  });

  it('unites overlapping cells into one polygon and keeps holes', () => {
    const all4g = find('4G', 'all');
    // Two overlapping discs make one polygon; the carrier polygon with its hole is another.
    expect(all4g?.geometry.coordinates.length).toBe(2);
    expect(all4g?.geometry.coordinates.map((p) => p.length).sort()).toEqual([1, 2]);
    const vnpt = find('4G', 'VNPT');
    const viettel = find('4G', 'Viettel');
    const sum = area(vnpt!) + area(viettel!);
    expect(area(all4g!)).toBeLessThan(sum);
    expect(area(all4g!)).toBeGreaterThan(area(vnpt!));
  });

  it('unites a chain of discs into one polygon, and leaves apart discs apart', () => {
    // a–b and b–c overlap, a and c do not; d is alone.
    const chain = makePackage({
      hamlets: [hamlet('h', rect(105.80, 21.60, 105.9, 21.62))],
      cells: [0, 0.012, 0.024, 0.06].map((dx, i) => cell({ id: `c${i}`, lon: 105.8 + dx, lat: 21.61, range_m: 700 })),
    });
    const [all] = coverageGeometry(chain, { year: null }, { layers: ['4G'] }).features.filter((f) => f.properties.carrier === 'all');
    expect(all?.geometry.coordinates.length).toBe(2);
    const exact = chain.cells.map((c) => coverageGeometry(makePackage({ hamlets: chain.hamlets, cells: [c] }), { year: null }, { layers: ['4G'] }).features[0]!);
    // One polygon as large as the three discs less their two overlaps, and the lone disc.
    expect(area(all!)).toBeLessThan(exact.reduce((sum, f) => sum + area(f), 0));
    expect(area(all!)).toBeGreaterThan(area(exact[0]!) * 3.5);
  });
});
