// Scenario cells come from the planner, not the loader: a bad one is refused with a
// message naming the cell and field, and the model is left exactly as it was.
import { describe, expect, it } from 'vitest';
import { cell, hamlet, makePackage, point, rect } from '../../../tests/unit/fixtures/engine/builders.ts';
import { coverageAtPoints } from './coverage-query.ts';
import { coverageGeometry } from './coverage-geometry.ts';
import { CoverageModel } from './model.ts';
import { computeReport } from './report.ts';
import type { Cell } from './types.ts';

// Two 0.02° hamlets; the eastern one has settlement points, so both models are exercised.
const pkg = makePackage({
  hamlets: [hamlet('west', rect(105.80, 21.60, 105.82, 21.62)), hamlet('east', rect(105.82, 21.60, 105.84, 21.62))],
  population: [point(105.825, 21.61, 3), point(105.835, 21.61, 1)],
});
const good = (fields: Partial<Cell> = {}) => cell({ id: 'cand', lon: 105.82, lat: 21.61, range_m: 1500, ...fields });

const BAD: [string, Partial<Cell>, RegExp][] = [
  ['band out of the models’ range (predicted reach)', { range_m: null, band_mhz: 9000 }, /^scenario cell cand: band_mhz: got 9000 MHz; expected 150–7125 MHz, the bands the propagation models cover \(range_m is null/],
  ['antenna lower than the phone (predicted reach)', { range_m: null, height_m: 1 }, /^scenario cell cand: height_m: got 1 m; expected an antenna above the phone \(1\.5 m\)/],
  ['EIRP out of range (predicted reach)', { range_m: null, eirp_dbm: 200 }, /^scenario cell cand: eirp_dbm: got 200 dBm; expected an EIRP in 0\.\.90 dBm: /],
  ['zero beamwidth', { azimuth_deg: 30, beamwidth_deg: 0 }, /^scenario cell cand: beamwidth_deg: got 0 degrees; expected a beamwidth in \(0, 360\] degrees: /],
  ['beamwidth over 360', { azimuth_deg: 30, beamwidth_deg: 400 }, /beamwidth_deg: got 400/],
  ['negative range', { range_m: -5 }, /^scenario cell cand: range_m: got −5 m; expected a cell range in \(0, 100 000\] m: /],
  ['NaN longitude', { lon: Number.NaN }, /^scenario cell cand: lon: got NaN; expected a longitude in −180\.\.180: /],
  ['latitude past the pole', { lat: 95 }, /^scenario cell cand: lat: got 95; expected a latitude in −90\.\.90: /],
  ['unknown technology', { tech: '3G' as Cell['tech'] }, /^scenario cell cand: tech: got "3G"; expected "4G" or "5G"$/],
  ['infinite azimuth', { azimuth_deg: Number.POSITIVE_INFINITY }, /azimuth_deg: got Infinity/],
];

describe('CoverageModel refuses unusable scenario cells', () => {
  it.each(BAD)('%s', (_, fields, message) => {
    const model = new CoverageModel(pkg, { year: null });
    model.addCell(good({ id: 'kept' }));
    const before = model.report();
    expect(() => model.addCell(good(fields))).toThrow(message);
    expect(model.report()).toEqual(before);
    expect(model.cells().map((c) => c.id)).toEqual(['kept']);
    // The refused id is still free, and the model still takes good cells.
    model.addCell(good());
    expect(model.cells().map((c) => c.id)).toEqual(['kept', 'cand']);
  });

  it('refuses a move to an unusable position and leaves the cell where it was', () => {
    const model = new CoverageModel(pkg, { year: null });
    model.addCell(good());
    const before = model.report();
    expect(() => model.moveCell('cand', Number.NaN, 21.61)).toThrow(/^scenario cell cand: lon: got NaN/);
    expect(() => model.moveCell('cand', 105.82, -91)).toThrow(/^scenario cell cand: lat: got −91/);
    expect(model.report()).toEqual(before);
    expect(model.cells()[0]).toMatchObject({ lon: 105.82, lat: 21.61 });
    model.removeCell('cand');
    expect(model.report()).toEqual(new CoverageModel(pkg, { year: null }).report());
  });

  it('refuses bad scenario cells given at construction', () => {
    expect(() => new CoverageModel(pkg, { year: null, extraCells: [good({ beamwidth_deg: 0, azimuth_deg: 0 })] })).toThrow(/beamwidth_deg: got 0/);
  });
});

describe('every computation refuses the same scenario cells', () => {
  // Regression: a tech other than 4G/5G counted silently as 4G (or crashed with a TypeError
  // when the reach was predicted), and a zero beamwidth silently covered nothing.
  const bad = good({ tech: '3G' as Cell['tech'] });
  it.each([
    ['computeReport', () => computeReport(pkg, { year: null, extraCells: [bad] })],
    ['coverageAtPoints', () => coverageAtPoints(pkg, { year: null, extraCells: [bad] }, [[105.82, 21.61]])],
    ['coverageGeometry', () => coverageGeometry(pkg, { year: null, extraCells: [bad] })],
  ])('%s', (_, run) => {
    expect(run).toThrow(/^scenario cell cand: tech: got "3G"/);
  });

  it('accepts the edges of the ranges: beamwidth 360, an azimuth past 360, a predicted reach with every default', () => {
    const omni = computeReport(pkg, { year: null, extraCells: [good({ azimuth_deg: 120, beamwidth_deg: 360 })] });
    expect(omni).toEqual(computeReport(pkg, { year: null, extraCells: [good({ azimuth_deg: null })] }));
    const wrapped = computeReport(pkg, { year: null, extraCells: [good({ azimuth_deg: 370 })] });
    expect(wrapped).toEqual(computeReport(pkg, { year: null, extraCells: [good({ azimuth_deg: 10 })] }));
    const defaults = good({ range_m: null, band_mhz: null, height_m: null, eirp_dbm: null });
    expect(computeReport(pkg, { year: null, extraCells: [defaults] }).metrics['pop_share.4g']).toBeGreaterThan(0);
  });
});
