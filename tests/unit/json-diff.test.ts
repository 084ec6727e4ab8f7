// The golden comparison must tolerate float noise and nothing else, and say where it failed.
import { describe, expect, it } from 'vitest';
import { describeDifference, firstJsonDifference } from './json-diff.ts';

const REPORT = {
  year: null,
  metrics: { 'pop_share.4g': 0.9175956149535013, 'pop_share.fiber': null },
  hamlets: [
    { id: '01', share: { '4g': 1, '5g': 0.35 } },
    { id: '02', share: { '4g': 0.5, '5g': 0 } },
  ],
};

const changed = (edit: (r: typeof REPORT) => void): unknown => {
  const copy = structuredClone(REPORT);
  edit(copy);
  return copy;
};

describe('firstJsonDifference', () => {
  it('accepts equal documents, whatever the key order', () => {
    const reordered = { hamlets: REPORT.hamlets, metrics: REPORT.metrics, year: null };
    expect(firstJsonDifference(REPORT, reordered, 1e-9)).toBeNull();
  });

  it('accepts numbers within the tolerance', () => {
    const noisy = changed((r) => {
      r.metrics['pop_share.4g'] += 4e-16;
      r.hamlets[1]!.share['4g'] = 0.5 - 9e-10;
    });
    expect(firstJsonDifference(REPORT, noisy, 1e-9)).toBeNull();
  });

  it('names the path of a number beyond the tolerance', () => {
    const d = firstJsonDifference(REPORT, changed((r) => (r.hamlets[1]!.share['5g'] = 2e-9)), 1e-9);
    expect(d && describeDifference(d)).toBe('$.hamlets[1].share["5g"]: numbers differ by 2e-9 (tolerance 1e-9) (expected 0, got 2e-9)');
  });

  it('tells null from a number, and a number from text', () => {
    expect(firstJsonDifference(REPORT, changed((r) => ((r.metrics as Record<string, unknown>)['pop_share.fiber'] = 0)), 1e-9)?.path).toBe('$.metrics["pop_share.fiber"]');
    expect(firstJsonDifference(REPORT, changed((r) => ((r.hamlets[0] as Record<string, unknown>).id = 1)), 1e-9)?.reason).toBe('expected string, got number');
  });

  it('reports a missing key, an extra key and a changed array length', () => {
    expect(firstJsonDifference(REPORT, changed((r) => delete (r as Partial<typeof REPORT>).year), 1e-9)).toMatchObject({ path: '$.year', reason: 'key missing' });
    expect(firstJsonDifference(REPORT, changed((r) => ((r.metrics as Record<string, unknown>).extra = 1)), 1e-9)).toMatchObject({ path: '$.metrics.extra', reason: 'unexpected key' });
    expect(firstJsonDifference(REPORT, changed((r) => r.hamlets.pop()), 1e-9)).toMatchObject({ path: '$.hamlets', reason: 'expected 2 elements, got 1' });
  });

  it('compares array elements in order', () => {
    const swapped = changed((r) => r.hamlets.reverse());
    expect(firstJsonDifference(REPORT, swapped, 1e-9)).toMatchObject({ path: '$.hamlets[0].id', expected: '01', actual: '02' });
  });
});
