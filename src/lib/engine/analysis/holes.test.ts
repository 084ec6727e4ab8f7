import { describe, expect, it } from 'vitest';
import { coverageHoles } from './holes.ts';
import { poiCoverage } from './poi-coverage.ts';
import { computeReport } from '../report.ts';
import { CoverageModel } from '../model.ts';
import { populationPoints } from '../population.ts';
import type { Cell, DataPackage, Hamlet, HamletShares, Report } from '../types.ts';

// Three 0.01° hamlets near Nam Hoà (≈ 1.03 km × 1.11 km each): A (90 people) has settlement
// points, B (100) has none, C (50) has only weightless points, so B and C use the uniform model.
function square(id: string, west: number, population: number): Hamlet {
  const s = 21.58, n = 21.59, e = west + 0.01;
  return {
    id, name: `Xóm ${id}`, population, households: null, adults: null, esign_adults: null,
    geometry: { type: 'Polygon', coordinates: [[[west, s], [e, s], [e, n], [west, n], [west, s]]] },
  };
}
const hamlets = [square('A', 105.93, 90), square('B', 105.94, 100), square('C', 105.95, 50)];
const centreA = { lon: 105.935, lat: 21.585 };
const cornerA = { lon: 105.9305, lat: 21.5805 }; // ≈ 660 m from the centre

function cell(id: string, lon: number, lat: number, extra: Partial<Cell> = {}): Cell {
  return {
    id, site_id: id, name: id, carrier: 'Viettel', lon, lat, tech: '4G', band_mhz: 1800, height_m: 30,
    azimuth_deg: null, beamwidth_deg: 360, eirp_dbm: null, range_m: 300, status: 'on_air', on_air_year: null, ...extra,
  };
}

function pkgWith(cells: Cell[]): DataPackage {
  return {
    area: { id: 't', name: 'T', province: null, sample: true, notes: null, hamlet_coverage_threshold: 0.9, indicators: {} },
    targets: [], hamlets, cells, coverage: [],
    accessPoints: [{ id: 'ap1', lon: centreA.lon, lat: centreA.lat, carrier: 'VNPT', max_mbps: 1000, reach_m: 300, status: 'on_air', on_air_year: null }],
    cables: [],
    population: populationPoints([
      { ...centreA, pop: 2 },
      { ...cornerA, pop: 1 },
      { lon: 105.955, lat: 21.585, pop: 0 },
    ]),
    pois: [
      { id: 'hq', type: 'commune_hq', name: 'UBND xã', ...centreA },
      { id: 'school', type: 'school', name: 'Trường', lon: 105.945, lat: 21.585 },
    ],
    speedtests: [], candidates: [], dem: null, hasBasemap: false, history: [],
  };
}

/** The report of pkgWith([cell at A's centre]) worked out by hand: A's centre point (2 of 3 weight) covered, B and C untouched. */
function handReport(shareA: number): Report {
  const share = (s: number): HamletShares => ({ '4g': s, '5g': 0, mobile_bb: s, fiber: null, fiber_1g: null });
  return {
    area: { id: 't', name: 'T', sample: true }, year: null, population: 240, metrics: {} as Report['metrics'], targets: [],
    hamlets: hamlets.map((h, i) => ({ id: h.id, name: h.name, population: h.population, share: share(i === 0 ? shareA : 0) })),
  };
}

describe('coverageHoles', () => {
  const pkg = pkgWith([cell('c1', centreA.lon, centreA.lat)]);

  it('lists uncovered settlement points in people and uniform hamlets by uncovered share', () => {
    const holes = coverageHoles(pkg, { year: null }, handReport(2 / 3));
    // The corner point carries 1 of A's 3 weight units: 1/3 × 90 people = 30.
    expect(holes.points).toEqual([{ lon: cornerA.lon, lat: cornerA.lat, pop: 30, hamletId: 'A' }]);
    expect(holes.uniformHamlets).toEqual([
      { hamletId: 'B', uncoveredShare: 1 },
      { hamletId: 'C', uncoveredShare: 1 },
    ]);
    expect(holes.uncoveredPopulation).toBeCloseTo(30 + 100 + 50, 9);
  });

  it('counts the same uncovered people as the report: population × (1 − pop_share.mobile_bb)', () => {
    const report = computeReport(pkg, { year: null });
    expect(report.hamlets.map((h) => h.share.mobile_bb)).toEqual([expect.closeTo(2 / 3, 9), 0, 0]);
    const holes = coverageHoles(pkg, { year: null }, report);
    expect(holes.uncoveredPopulation).toBeCloseTo(report.population * (1 - (report.metrics['pop_share.mobile_bb'] as number)), 6);
  });

  it("gives the same holes from the model's own per-point coverage as from looking each point up", () => {
    const extra = cell('cand', cornerA.lon + 0.004, cornerA.lat, { status: 'candidate' });
    for (const opts of [{ year: null }, { year: null, extraCells: [extra] }]) {
      const model = new CoverageModel(pkg, opts);
      const report = model.report();
      expect(coverageHoles(pkg, opts, report, model.pointCovered('mobile_bb'))).toEqual(coverageHoles(pkg, opts, report));
    }
    const model = new CoverageModel(pkg, { year: null });
    model.addCell(cell('cand', cornerA.lon, cornerA.lat, { status: 'candidate' }));
    expect(coverageHoles(pkg, { year: null }, model.report(), model.pointCovered('mobile_bb')).points).toEqual([]);
  });

  it('closes the hole when a scenario cell or a planned cell of the viewed year covers it', () => {
    const extra = cell('cand', cornerA.lon, cornerA.lat, { status: 'candidate' });
    expect(coverageHoles(pkg, { year: null, extraCells: [extra] }, handReport(1)).points).toEqual([]);
    const planned = pkgWith([cell('c1', centreA.lon, centreA.lat), cell('p1', cornerA.lon, cornerA.lat, { status: 'planned', on_air_year: 2027 })]);
    expect(coverageHoles(planned, { year: 2026 }, handReport(2 / 3)).points).toHaveLength(1);
    expect(coverageHoles(planned, { year: 2027 }, handReport(1)).points).toEqual([]);
  });

  it('leaves out hamlets where nobody lives and fully covered uniform hamlets', () => {
    const empty = { ...pkg, hamlets: hamlets.map((h) => (h.id === 'C' ? { ...h, population: 0 } : h)) };
    const report = handReport(2 / 3);
    report.hamlets[1]!.share.mobile_bb = 1 - 1e-12;
    const holes = coverageHoles(empty, { year: null }, report);
    expect(holes.uniformHamlets).toEqual([]);
    expect(holes.uncoveredPopulation).toBeCloseTo(30, 6);
  });
});

describe('poiCoverage', () => {
  it('says which technologies cover each priority place', () => {
    const rows = poiCoverage(pkgWith([cell('c1', centreA.lon, centreA.lat)]), { year: null });
    expect(rows.map((r) => [r.poi.id, r.coverage])).toEqual([
      ['hq', { '4g': true, '5g': false, mobile_bb: true, fiber: true, fiber_1g: true }],
      ['school', { '4g': false, '5g': false, mobile_bb: false, fiber: false, fiber_1g: false }],
    ]);
  });

  it('returns nothing for a package without pois', () => {
    expect(poiCoverage({ ...pkgWith([]), pois: [] }, { year: null })).toEqual([]);
  });
});
