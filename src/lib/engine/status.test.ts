import { describe, expect, it } from 'vitest';
import { deadlineEnd, meetsTarget, parseDeadline, targetStatus } from './status.ts';
import type { TargetReport } from './types.ts';

function target(over: Partial<TargetReport>): TargetReport {
  return {
    id: 't',
    metric: 'pop_share.5g',
    op: '>',
    value: 0.5,
    deadline: '2026-Q4',
    clause: 'II.1.a',
    actual: 0.41,
    met: false,
    ...over,
  };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('deadlineEnd', () => {
  it('gives the last day of each quarter', () => {
    expect(deadlineEnd('2026-Q1').toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(deadlineEnd('2026-Q2').toISOString()).toBe('2026-06-30T00:00:00.000Z');
    expect(deadlineEnd('2026-Q3').toISOString()).toBe('2026-09-30T00:00:00.000Z');
    expect(deadlineEnd('2030-Q4').toISOString()).toBe('2030-12-31T00:00:00.000Z');
  });

  it('rejects other forms, naming the value and the expected form', () => {
    for (const bad of ['2026-Q5', '2026-Q0', '2026Q4', 'Q4/2026', '2026-q4', '26-Q4', '']) {
      expect(() => deadlineEnd(bad)).toThrow(`deadline "${bad}": expected a quarter like 2026-Q4`);
    }
  });

  it('parses year and quarter', () => {
    expect(parseDeadline('2030-Q2')).toEqual({ year: 2030, quarter: 2 });
    expect(parseDeadline('2030-Q2 ')).toBeNull();
  });
});

describe('meetsTarget', () => {
  it('treats values within 1e-9 as equal', () => {
    expect(meetsTarget(0.9999999999, '>=', 1)).toBe(true);
    expect(meetsTarget(0.999998, '>=', 1)).toBe(false);
    expect(meetsTarget(0.5000000001, '>', 0.5)).toBe(false);
    expect(meetsTarget(0.500001, '>', 0.5)).toBe(true);
    expect(meetsTarget(0.5, '>=', 0.5)).toBe(true);
    expect(meetsTarget(0.5, '>', 0.5)).toBe(false);
  });
});

describe('targetStatus', () => {
  const before = day('2026-11-25');

  it('is unknown without an actual value', () => {
    expect(targetStatus(target({ actual: null, met: null }), before)).toEqual({ kind: 'unknown', gapPp: null });
  });

  it('is met above the target, with no gap', () => {
    expect(targetStatus(target({ actual: 0.62 }), before)).toEqual({ kind: 'met', gapPp: null });
  });

  it('gives the gap in percentage points when not met', () => {
    const status = targetStatus(target({ actual: 0.377 }), before);
    expect(status.kind).toBe('not_met');
    expect(status.gapPp).toBeCloseTo(12.3, 9);
  });

  it('misses a strict target at exactly the value by 0 points, never a negative gap', () => {
    expect(targetStatus(target({ actual: 0.5 }), before)).toEqual({ kind: 'not_met', gapPp: 0 });
    expect(targetStatus(target({ actual: 0.5000000001 }), before)).toEqual({ kind: 'not_met', gapPp: 0 });
  });

  it('meets a >= target within the tolerance', () => {
    expect(targetStatus(target({ op: '>=', value: 1, actual: 0.9999999999 }), before).kind).toBe('met');
  });

  it('is overdue from the day after the deadline quarter ends, not on its last day', () => {
    expect(targetStatus(target({}), day('2026-12-31')).kind).toBe('not_met');
    expect(targetStatus(target({}), new Date('2026-12-31T23:59:59Z')).kind).toBe('not_met');
    const overdue = targetStatus(target({}), day('2027-01-01'));
    expect(overdue.kind).toBe('overdue');
    expect(overdue.gapPp).toBeCloseTo(9, 9);
  });

  it('stays met after the deadline', () => {
    expect(targetStatus(target({ actual: 0.8 }), day('2031-06-01')).kind).toBe('met');
  });

  it('is unknown rather than overdue when the actual value is missing', () => {
    expect(targetStatus(target({ actual: null, met: null }), day('2031-06-01')).kind).toBe('unknown');
  });
});
