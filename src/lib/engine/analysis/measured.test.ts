import { describe, expect, it } from 'vitest';
import { measuredVsPredicted } from './measured.ts';
import type { DataPackage, Hamlet, HamletShares, Report, SpeedTest } from '../types.ts';

// Three 0.01° hamlets side by side near Nam Hoà (lon 105.93, lat 21.58); A and B share an edge.
function square(id: string, west: number): Hamlet {
  const s = 21.58, n = 21.59, e = west + 0.01;
  return {
    id, name: `Xóm ${id}`, population: 100, households: null, adults: null, esign_adults: null,
    geometry: { type: 'Polygon', coordinates: [[[west, s], [e, s], [e, n], [west, n], [west, s]]] },
  };
}
const hamlets = [square('A', 105.93), square('B', 105.94), square('C', 105.95)];

function test(lon: number, downMbps: number, kind: SpeedTest['kind'] = 'mobile'): SpeedTest {
  return { lon, lat: 21.585, time: '2026-09-01T08:00:00Z', kind, tech: '4G', carrier: 'Viettel', down_mbps: downMbps, up_mbps: null, latency_ms: null };
}

function pkgWith(speedtests: SpeedTest[]): DataPackage {
  return {
    area: { id: 't', name: 'T', province: null, sample: true, notes: null, hamlet_coverage_threshold: 0.9, indicators: {} },
    targets: [], hamlets, cells: [], coverage: [], accessPoints: [], cables: [], population: null,
    pois: [], speedtests, candidates: [], dem: null, hasBasemap: false, history: [],
  };
}

function reportWith(mobileShares: number[]): Report {
  const share = (s: number): HamletShares => ({ '4g': s, '5g': 0, mobile_bb: s, fiber: null, fiber_1g: null });
  return {
    area: { id: 't', name: 'T', sample: true }, year: null, population: 300,
    metrics: {} as Report['metrics'], targets: [],
    hamlets: hamlets.map((h, i) => ({ id: h.id, name: h.name, population: h.population, share: share(mobileShares[i] ?? 0) })),
  };
}

describe('measuredVsPredicted', () => {
  it('flags each disagreement with the 5 Mb/s, 3-sample rule', () => {
    const rows = measuredVsPredicted(
      pkgWith([
        // A: predicted covered (0.95), medians 2 Mb/s ⇒ predicted_but_poor.
        test(105.931, 1), test(105.932, 2), test(105.933, 30),
        // B: predicted 0.5 (< 0.9), median 12 ⇒ measured_but_not_predicted.
        test(105.941, 12), test(105.942, 8), test(105.943, 40), test(105.944, 11),
        // C: only two tests ⇒ no_data, but the median is still reported.
        test(105.951, 3), test(105.952, 6),
      ]),
      reportWith([0.95, 0.5, 0]),
    );
    expect(rows).toEqual([
      { hamletId: 'A', samples: 3, medianDownMbps: 2, predictedShare: 0.95, verdict: 'predicted_but_poor' },
      { hamletId: 'B', samples: 4, medianDownMbps: 11.5, predictedShare: 0.5, verdict: 'measured_but_not_predicted' },
      { hamletId: 'C', samples: 2, medianDownMbps: 4.5, predictedShare: 0, verdict: 'no_data' },
    ]);
  });

  it('agrees when covered and usable, and when neither', () => {
    const tests = [105.931, 105.932, 105.933].map((lon) => test(lon, 20)).concat([105.941, 105.942, 105.943].map((lon) => test(lon, 1)));
    const rows = measuredVsPredicted(pkgWith(tests), reportWith([1, 0.2, 0]));
    expect(rows.map((r) => r.verdict)).toEqual(['agree', 'agree', 'no_data']);
  });

  it('counts a share within 1e-9 of the threshold as covered and a median equal to usable as usable', () => {
    const tests = [105.931, 105.932, 105.933].map((lon) => test(lon, 5));
    const rows = measuredVsPredicted(pkgWith(tests), reportWith([0.9 - 1e-12, 0, 0]));
    expect(rows[0]?.verdict).toBe('agree');
  });

  it('ignores fixed-line tests and tests outside every hamlet', () => {
    const tests = [test(105.931, 50, 'fixed'), test(105.932, 50, 'fixed'), test(105.933, 50, 'fixed'), test(106.5, 50)];
    const rows = measuredVsPredicted(pkgWith(tests), reportWith([0, 0, 0]));
    expect(rows.map((r) => r.samples)).toEqual([0, 0, 0]);
    expect(rows[0]?.medianDownMbps).toBeNull();
  });

  it('gives a test on the shared A|B edge to A, the first hamlet in file order', () => {
    const rows = measuredVsPredicted(pkgWith([test(105.94, 7)]), reportWith([0, 0, 0]));
    expect(rows.map((r) => r.samples)).toEqual([1, 0, 0]);
  });

  it('honours custom usableMbps and minSamples', () => {
    const tests = [test(105.931, 8)];
    const rows = measuredVsPredicted(pkgWith(tests), reportWith([1, 0, 0]), { usableMbps: 10, minSamples: 1 });
    expect(rows[0]?.verdict).toBe('predicted_but_poor');
  });

  it('refuses a report of another package instead of mislabelling hamlets', () => {
    const report = reportWith([0, 0, 0]);
    report.hamlets.reverse();
    expect(() => measuredVsPredicted(pkgWith([]), report)).toThrow(/report hamlet 1 is "C" but the package's is "A"/);
  });
});
