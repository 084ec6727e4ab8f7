import { describe, expect, it } from 'vitest';
import type { HistoryRow, Metric, Report, Target } from '../engine/types.ts';
import { isPopulationTarget, periodEnd, trajectory } from './trajectory.ts';

const target: Target = { id: '5g', metric: 'pop_share.5g', op: '>', value: 0.5, deadline: '2026-Q4', clause: 'II.1.a' };
const row = (period: string, metric: Metric, value: number): HistoryRow => ({ period, metric, value, source: null });
const report = (share5g: number | null) => ({ metrics: { 'pop_share.5g': share5g } }) as unknown as Report;

describe('trajectory', () => {
  it('places periods at their end, the end of a year at the year', () => {
    expect(periodEnd('2025-Q4')).toBe(2025);
    expect(periodEnd('2026-Q2')).toBe(2025.5);
    expect(periodEnd('2027')).toBe(2027);
    expect(periodEnd('Q2')).toBeNull();
  });

  it('keeps the target metric history in time order and finds the first year the projection meets the target', () => {
    const history = [row('2025-Q4', 'pop_share.5g', 0.05), row('2025-Q2', 'pop_share.5g', 0.02), row('2025-Q4', 'pop_share.4g', 0.9)];
    const tr = trajectory(target, history, [2025, 2026, 2027, 2028], [report(0.1), report(0.5), report(0.62), report(0.7)]);
    expect(tr.past.map((p) => p.period)).toEqual(['2025-Q2', '2025-Q4']);
    expect(tr.projected.map((p) => p.value)).toEqual([0.1, 0.5, 0.62, 0.7]);
    // "> 50 %": exactly 50 % in 2026 does not meet it; 2027 does, after the 2026-Q4 deadline.
    expect(tr.metYear).toBe(2027);
    expect(tr.deadlineT).toBe(2026);
    expect(tr.onTime).toBe(false);
  });

  it('is on time when met by the deadline, and not met when no year meets it', () => {
    expect(trajectory(target, [], [2026], [report(0.51)]).onTime).toBe(true);
    const never = trajectory(target, [], [2026, 2027], [report(0.1), report(null)]);
    expect(never.metYear).toBeNull();
    expect(never.projected).toHaveLength(1);
    expect(never.onTime).toBe(false);
  });

  it('charts population targets only', () => {
    expect(isPopulationTarget(target)).toBe(true);
    expect(isPopulationTarget({ ...target, metric: 'hamlet_share.fiber' })).toBe(false);
  });
});
