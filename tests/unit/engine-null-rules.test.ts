// Every "null versus zero" rule of docs/data-package.md (Edge rules), one case each.
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/lib/engine/report.ts';
import { accessPoint, area, cell, coverageArea, hamlet, makePackage, rect, target } from './fixtures/engine/builders.ts';

const square = rect(105.80, 21.60, 105.82, 21.62);
const onlyHamlet = (extra: Parameters<typeof makePackage>[0] extends infer T ? Partial<T> : never = {}) =>
  makePackage({ hamlets: [hamlet('h1', square, 500), hamlet('h2', rect(105.82, 21.60, 105.84, 21.62), 300)], ...extra });

describe('null versus zero', () => {
  it('4G/5G with no cell on air are 0, not null', () => {
    const report = computeReport(onlyHamlet({ cells: [cell({ id: 'p', lon: 105.81, lat: 21.61, status: 'planned', on_air_year: null })] }), { year: null });
    expect(report.metrics['pop_share.4g']).toBe(0);
    expect(report.metrics['pop_share.5g']).toBe(0);
    expect(report.metrics['pop_share.mobile_bb']).toBe(0);
    expect(report.metrics['hamlet_share.mobile_bb']).toBe(0);
    expect(report.hamlets[0]?.share['4g']).toBe(0);
  });

  it('fiber is null (per hamlet too) when the package has no access point and no fiber polygon', () => {
    const report = computeReport(onlyHamlet({ coverage: [coverageArea({ id: 'c', geometry: square })] }), { year: null });
    expect(report.metrics['pop_share.fiber']).toBeNull();
    expect(report.metrics['pop_share.fiber_1g']).toBeNull();
    expect(report.metrics['hamlet_share.fiber']).toBeNull();
    expect(report.hamlets.map((h) => [h.share.fiber, h.share.fiber_1g])).toEqual([[null, null], [null, null]]);
    expect(report.metrics['pop_share.4g']).toBeCloseTo(500 / 800, 9);
  });

  it('fiber is 0 when access points exist but none is on air', () => {
    const report = computeReport(onlyHamlet({ accessPoints: [accessPoint({ id: 'a', lon: 105.81, lat: 21.61, status: 'planned', on_air_year: 2030 })] }), { year: 2026 });
    expect(report.metrics['pop_share.fiber']).toBe(0);
    expect(report.hamlets[0]?.share.fiber).toBe(0);
  });

  it('a fiber polygon alone makes fiber known; fiber below 1 Gb/s is not fiber_1g', () => {
    const report = computeReport(onlyHamlet({ coverage: [coverageArea({ id: 'f', tech: 'fiber', max_mbps: 300, geometry: square })] }), { year: null });
    expect(report.hamlets[0]?.share.fiber).toBeCloseTo(1, 12);
    expect(report.hamlets[0]?.share.fiber_1g).toBe(0);
    expect(report.metrics['hamlet_share.fiber']).toBe(0.5);
  });

  it('an access point without max_mbps counts as fiber, not as ≥ 1 Gb/s', () => {
    const report = computeReport(onlyHamlet({ accessPoints: [accessPoint({ id: 'a', lon: 105.81, lat: 21.61, max_mbps: null })] }), { year: null });
    expect(report.hamlets[0]?.share.fiber).toBeGreaterThan(0);
    expect(report.hamlets[0]?.share.fiber_1g).toBe(0);
  });

  it('shares over a total population of 0 are null; hamlet shares still count those hamlets (by area)', () => {
    const pkg = makePackage({
      hamlets: [hamlet('h1', square, 0), hamlet('h2', rect(105.82, 21.60, 105.84, 21.62), 0)],
      coverage: [coverageArea({ id: 'c', geometry: square })],
    });
    const report = computeReport(pkg, { year: null });
    expect(report.population).toBe(0);
    expect(report.metrics['pop_share.4g']).toBeNull();
    expect(report.metrics['pop_share.mobile_bb']).toBeNull();
    expect(report.metrics['hamlet_share.mobile_bb']).toBe(0.5);
    expect(report.hamlets[0]?.share['4g']).toBeCloseTo(1, 12);
  });

  it('a hamlet with population 0 is shared by area even when settlement points lie in it', () => {
    const pkg = makePackage({
      hamlets: [hamlet('empty', square, 0), hamlet('h2', rect(105.82, 21.60, 105.84, 21.62), 300)],
      coverage: [coverageArea({ id: 'c', geometry: rect(105.80, 21.60, 105.81, 21.62) })],
      // Uncovered points in the empty hamlet would make its point-model share 0.
      population: [{ lon: 105.815, lat: 21.61, pop: 5 }, { lon: 105.83, lat: 21.61, pop: 5 }],
    });
    const report = computeReport(pkg, { year: null });
    expect(report.hamlets[0]?.share['4g']).toBeCloseTo(0.5, 9);
    expect(report.hamlets[1]?.share['4g']).toBe(0);
  });

  it('a package without hamlets has null shares', () => {
    const report = computeReport(makePackage({ hamlets: [] }), { year: null });
    expect(report.metrics['pop_share.4g']).toBeNull();
    expect(report.metrics['hamlet_share.mobile_bb']).toBeNull();
    expect(report.hamlets).toEqual([]);
  });

  it('an absent indicator is null; a given one is echoed', () => {
    expect(computeReport(onlyHamlet(), { year: null }).metrics['indicator.ipv6_share']).toBeNull();
    const withIpv6 = onlyHamlet({ area: area({ indicators: { ipv6_share: { value: 0.62, as_of: '2026-09' } } }) });
    expect(computeReport(withIpv6, { year: null }).metrics['indicator.ipv6_share']).toBe(0.62);
  });

  it('target met is null when its actual is null', () => {
    const pkg = onlyHamlet({ targets: [target({ metric: 'indicator.ipv6_share', op: '>=', value: 0.5 })] });
    expect(computeReport(pkg, { year: null }).targets[0]).toMatchObject({ actual: null, met: null });
  });
});

describe('e-signature share', () => {
  const esignArea = area({ indicators: { esign_adult_share: { value: 0.55, as_of: '2026-09' } } });
  const h = (id: string, adults: number | null, esign: number | null) => hamlet(id, square, 100, { adults, esign_adults: esign });

  it('comes from hamlets when every hamlet carries adults and esign_adults', () => {
    const report = computeReport(makePackage({ area: esignArea, hamlets: [h('a', 100, 30), h('b', 300, 90)] }), { year: null });
    expect(report.metrics['indicator.esign_adult_share']).toBeCloseTo(120 / 400, 12);
  });

  it('falls back to area.json when one hamlet lacks either field', () => {
    const report = computeReport(makePackage({ area: esignArea, hamlets: [h('a', 100, 30), h('b', 300, null)] }), { year: null });
    expect(report.metrics['indicator.esign_adult_share']).toBe(0.55);
  });

  it('is null when Σ adults is 0, or when neither source has it', () => {
    expect(computeReport(makePackage({ area: esignArea, hamlets: [h('a', 0, 0), h('b', 0, 0)] }), { year: null }).metrics['indicator.esign_adult_share']).toBeNull();
    expect(computeReport(makePackage({ hamlets: [h('a', null, null)] }), { year: null }).metrics['indicator.esign_adult_share']).toBeNull();
  });
});
