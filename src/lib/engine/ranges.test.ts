// The plausible-range table's verdicts: bounds open or closed as declared, integers where
// required, NaN and infinities refused, and warnings only between the hard and usual bounds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_RANGES, RANGES, checkRange, describeBounds, describeRange, inRange } from './ranges.ts';
import type { PlausibleRange } from './ranges.ts';

describe('checkRange', () => {
  it('keeps open and closed ends as declared', () => {
    expect(checkRange(CELL_RANGES.beamwidth_deg, 0)?.severity).toBe('error');
    expect(checkRange(CELL_RANGES.beamwidth_deg, 360)).toBeNull();
    expect(checkRange(CELL_RANGES.eirp_dbm, 90)?.severity).toBe('warning');
    expect(checkRange(CELL_RANGES.eirp_dbm, 90.01)?.severity).toBe('error');
    expect(describeRange(CELL_RANGES.range_m)).toBe('a cell range in (0, 100 000] m');
  });

  it('refuses NaN, infinities and fractions of integer fields', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(checkRange(CELL_RANGES.lat, value)?.severity).toBe('error');
    }
    expect(checkRange(RANGES.people, 12.5)).toMatchObject({ severity: 'error', message: expect.stringMatching(/^got 12\.5; expected a whole number of people/) });
    expect(checkRange(RANGES.year, 2026)).toBeNull();
  });

  it('warns between the hard and the usual bounds, naming the usual range', () => {
    expect(checkRange(CELL_RANGES.range_m, 40)).toEqual({
      severity: 'warning',
      message: '40 m is unusual; usually 50..35 000 m: rural macro cells reach a few kilometres; beyond 35 km only extended-range cells over sea or desert',
    });
  });

  it('has usual bounds inside the hard bounds for every field', () => {
    const all: [string, PlausibleRange][] = [...Object.entries(CELL_RANGES), ...Object.entries(RANGES)];
    for (const [name, range] of all) {
      expect([name, range.usualMin <= range.usualMax]).toEqual([name, true]);
      // The usual bounds are themselves legal, unless the hard bound is open there.
      if (!range.minExclusive) expect([name, inRange(range, range.usualMin)]).toEqual([name, true]);
      expect([name, inRange(range, range.usualMax)]).toEqual([name, true]);
      expect([name, range.why.length > 0]).toEqual([name, true]);
    }
  });
});

describe('docs/data-package-ranges.md', () => {
  const doc = readFileSync(new URL('../../../docs/data-package-ranges.md', import.meta.url), 'utf8');
  it('states each cell field with the bounds the code checks', () => {
    for (const [field, range] of Object.entries(CELL_RANGES)) {
      const line = doc.split('\n').find((l) => l.startsWith(`| \`${field}\` |`));
      expect([field, line?.includes(`| ${describeBounds(range)}`)]).toEqual([field, true]);
    }
  });
});
