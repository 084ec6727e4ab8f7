// Golden cases for the coverage engine whose answers are known independently of it.
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { destination } from '../../src/lib/engine/geodesy.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import { METRICS, type LonLat } from '../../src/lib/engine/types.ts';
import { area, cell, coverageArea, hamlet, makePackage, packageFromFixture, point, rect, rectAreaM2, target } from './fixtures/engine/builders.ts';

const fixture = (name: string) =>
  packageFromFixture(JSON.parse(readFileSync(new URL(`./fixtures/engine/${name}`, import.meta.url), 'utf8')) as FeatureCollection);

describe('uniform model golden fixtures', () => {
  it.each(['half-covered-square.geojson', 'inside-coverage.geojson'])('%s', (name) => {
    const { pkg, expected } = fixture(name);
    const report = computeReport(pkg, { year: null });
    for (const h of report.hamlets) {
      for (const [key, value] of Object.entries(expected[h.id] ?? {})) {
        expect(h.share[key as keyof typeof h.share], `${h.id} ${key}`).toBeCloseTo(value as number, 9);
      }
    }
  });

  it('MultiPolygon hamlet with a hole: the hole is not the hamlet’s, the second part counts', () => {
    const outer = [[105.80, 21.60], [105.82, 21.60], [105.82, 21.62], [105.80, 21.62], [105.80, 21.60]];
    const hole = [[105.805, 21.605], [105.805, 21.615], [105.815, 21.615], [105.815, 21.605], [105.805, 21.605]];
    const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: [[outer, hole], [rect(105.83, 21.60, 105.84, 21.61).coordinates[0]!]] };
    // Coverage: the western half of the first part, hole included, and nothing of the second part.
    const pkg = makePackage({ hamlets: [hamlet('h', geometry)], coverage: [coverageArea({ id: 'c', geometry: rect(105.79, 21.59, 105.81, 21.63) })] });
    const hamletArea = rectAreaM2(105.80, 21.60, 105.82, 21.62) - rectAreaM2(105.805, 21.605, 105.815, 21.615) + rectAreaM2(105.83, 21.60, 105.84, 21.61);
    const covered = rectAreaM2(105.80, 21.60, 105.81, 21.62) - rectAreaM2(105.805, 21.605, 105.81, 21.615);
    expect(computeReport(pkg, { year: null }).hamlets[0]?.share['4g']).toBeCloseTo(covered / hamletArea, 6);
  });
});

describe('threshold and target comparisons use a 1e-9 tolerance', () => {
  const cover = coverageArea({ id: 'c', geometry: rect(105.80, 21.60, 105.81, 21.61) });
  // Ten points of 0.1 people: nine inside the coverage, one outside, so the share is the threshold, 0.9.
  const points = [...Array.from({ length: 9 }, (_, i) => point(105.801 + i * 0.0005, 21.605, 0.1)), point(105.815, 21.605, 0.1)];

  it('a hamlet whose share equals the threshold counts as covered', () => {
    const pkg = makePackage({ hamlets: [hamlet('h', rect(105.80, 21.60, 105.82, 21.61))], coverage: [cover], population: points });
    const report = computeReport(pkg, { year: null });
    expect(report.hamlets[0]?.share['4g']).toBeCloseTo(0.9, 12);
    expect(report.metrics['hamlet_share.mobile_bb']).toBe(1);
  });

  it('a share just under the threshold does not count', () => {
    const pkg = makePackage({
      area: area({ hamlet_coverage_threshold: 0.9 + 1e-6 }),
      hamlets: [hamlet('h', rect(105.80, 21.60, 105.82, 21.61))],
      coverage: [cover],
      population: points,
    });
    expect(computeReport(pkg, { year: null }).metrics['hamlet_share.mobile_bb']).toBe(0);
  });

  it('a share below the threshold by less than 1e-9 still counts', () => {
    // The share is 0.9; a threshold 5e-10 above it is met only through the tolerance.
    const pkg = makePackage({
      area: area({ hamlet_coverage_threshold: 0.9 + 5e-10 }),
      hamlets: [hamlet('h', rect(105.80, 21.60, 105.82, 21.61))],
      coverage: [cover],
      population: points,
    });
    const report = computeReport(pkg, { year: null });
    expect(report.hamlets[0]?.share['4g']).toBeLessThan(0.9 + 5e-10);
    expect(report.metrics['hamlet_share.mobile_bb']).toBe(1);
  });

  it('targets: >= passes at equality, > does not; output keeps order and clause', () => {
    const pkg = makePackage({
      hamlets: [hamlet('h', rect(105.80, 21.60, 105.82, 21.62))],
      coverage: [coverageArea({ id: 'c', geometry: rect(105.79, 21.59, 105.81, 21.63) })],
      targets: [
        target({ id: 'gt', metric: 'pop_share.4g', op: '>', value: 0.5, clause: 'A' }),
        target({ id: 'ge', metric: 'pop_share.4g', op: '>=', value: 0.5, clause: 'B' }),
        target({ id: 'fiber', metric: 'pop_share.fiber', op: '>=', value: 0.1, clause: 'C' }),
      ],
    });
    const report = computeReport(pkg, { year: null });
    expect(report.targets.map((t) => [t.id, t.clause, t.met])).toEqual([['gt', 'A', false], ['ge', 'B', true], ['fiber', 'C', null]]);
    expect(report.targets[0]?.actual).toBeCloseTo(0.5, 9);
  });
});

describe('planned cells by year', () => {
  const c = (id: string, fields: Parameters<typeof cell>[0] extends infer T ? Partial<T> : never) =>
    cell({ id, lon: 105.81, lat: 21.61, range_m: 5000, ...fields });
  const pkgWith = (...cells: ReturnType<typeof cell>[]) => makePackage({ hamlets: [hamlet('h', rect(105.80, 21.60, 105.82, 21.62))], cells });
  const share = (pkg: ReturnType<typeof pkgWith>, year: number | null, extraCells?: ReturnType<typeof cell>[]) =>
    computeReport(pkg, { year, extraCells }).hamlets[0]?.share['4g'];

  it('a cell planned for 2026 counts in 2027, not in 2025 nor on-air-only', () => {
    const pkg = pkgWith(c('p', { status: 'planned', on_air_year: 2026 }));
    expect(share(pkg, 2025)).toBe(0);
    expect(share(pkg, 2026)).toBe(1);
    expect(share(pkg, 2027)).toBe(1);
    expect(share(pkg, null)).toBe(0);
  });

  it('planned without a year and candidates never count; on-air always; scenario cells always', () => {
    expect(share(pkgWith(c('p', { status: 'planned', on_air_year: null })), 2030)).toBe(0);
    expect(share(pkgWith(c('k', { status: 'candidate' })), 2030)).toBe(0);
    expect(share(pkgWith(c('o', { status: 'on_air', on_air_year: 2040 })), 2020)).toBe(1);
    expect(share(pkgWith(), null, [c('s', { status: 'candidate' })])).toBe(1);
  });
});

describe('points on edges', () => {
  const center: LonLat = [105.81, 21.61];

  it('a point exactly on a coverage edge or at the reach of a cell is covered; a centimetre beyond is not', () => {
    const sector = cell({ id: 's', lon: center[0], lat: center[1], azimuth_deg: 350, beamwidth_deg: 65, range_m: 1000 });
    const poly = coverageArea({ id: 'c', tech: '5G', geometry: { type: 'Polygon', coordinates: [[[105.80, 21.60], [105.805, 21.603], [105.80, 21.606], [105.80, 21.60]]] } });
    const pts = [
      destination(center, 350, 1000), // on the arc at boresight
      destination(center, 350 + 32.5, 700), // on the eastern side edge (across north)
      destination(center, 350 - 32.5, 1000), // on the western corner
      destination(center, 340, 1000.01), // 1 cm beyond the arc
      destination(center, 350 + 32.5 + 1e-4, 400), // just outside the side edge
    ];
    const onPolygonEdge: LonLat = [(105.80 + 105.805) / 2, (21.60 + 21.603) / 2];
    const pkg = makePackage({
      hamlets: pts.map((p, i) => hamlet(`h${i}`, rect(p[0] - 0.0001, p[1] - 0.0001, p[0] + 0.0001, p[1] + 0.0001))).concat(
        hamlet('hp', rect(105.799, 21.599, 105.8049, 21.6049)),
      ),
      cells: [sector],
      coverage: [poly],
      population: [...pts.map(([lon, lat]) => point(lon, lat)), point(onPolygonEdge[0], onPolygonEdge[1])],
    });
    const shares = computeReport(pkg, { year: null }).hamlets.map((h) => [h.share['4g'], h.share['5g']]);
    expect(shares).toEqual([[1, 0], [1, 0], [1, 0], [0, 0], [0, 0], [0, 1]]);
  });

  it('a point on a shared hamlet boundary belongs to the first hamlet in file order', () => {
    const west = hamlet('west', rect(105.80, 21.60, 105.81, 21.61));
    const east = hamlet('east', rect(105.81, 21.60, 105.82, 21.61));
    const population = [point(105.805, 21.605, 10), point(105.815, 21.605, 10), point(105.81, 21.605, 10)];
    // Only the boundary point is covered (a small coverage square around it).
    const coverage = [coverageArea({ id: 'c', geometry: rect(105.8099, 21.6049, 105.8101, 21.6051) })];
    const byId = (order: typeof west[]) => {
      const report = computeReport(makePackage({ hamlets: order, coverage, population }), { year: null });
      return Object.fromEntries(report.hamlets.map((h) => [h.id, h.share['4g']]));
    };
    expect(byId([west, east])).toEqual({ west: 0.5, east: 0 });
    expect(byId([east, west])).toEqual({ east: 0.5, west: 0 });
  });
});

describe('report shape (docs/report.md)', () => {
  it('gives targets in the spec’s key order, whatever order the target object was built in', () => {
    // Regression: targets were spread into the output, so their keys kept the input's order
    // (and any extra property rode along into the report JSON).
    const shuffled = { clause: 'II.1.a', deadline: '2026-Q4', value: 0.5, op: '>' as const, metric: 'pop_share.4g' as const, id: 't', note: 'extra' };
    const report = computeReport(makePackage({ hamlets: [hamlet('h', rect(105.80, 21.60, 105.81, 21.61))], targets: [shuffled] }), { year: null });
    expect(Object.keys(report.targets[0] ?? {})).toEqual(['id', 'metric', 'op', 'value', 'deadline', 'clause', 'actual', 'met']);
  });

  it('keeps the documented key order, METRICS order, file order and string ids', () => {
    const pkg = makePackage({ hamlets: [hamlet('02', rect(105.81, 21.60, 105.82, 21.61)), hamlet('01', rect(105.80, 21.60, 105.81, 21.61))] });
    const report = computeReport(pkg, { year: 2027 });
    expect(Object.keys(report)).toEqual(['area', 'year', 'population', 'metrics', 'targets', 'hamlets']);
    expect(Object.keys(report.metrics)).toEqual([...METRICS]);
    expect(report.hamlets.map((h) => h.id)).toEqual(['02', '01']);
    expect(Object.keys(report.hamlets[0]?.share ?? {})).toEqual(['4g', '5g', 'mobile_bb', 'fiber', 'fiber_1g']);
    expect(report.year).toBe(2027);
  });
});
