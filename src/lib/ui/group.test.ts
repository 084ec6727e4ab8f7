import { describe, expect, it } from 'vitest';
import type { TargetReport } from '../engine/types.ts';
import { groupByDeadlineYear } from './group.ts';

const target = (id: string, deadline: string): TargetReport => ({
  id, metric: 'pop_share.5g', op: '>', value: 0.5, deadline, clause: 'I', actual: 0.4, met: false,
});

describe('groupByDeadlineYear', () => {
  it('groups by deadline year, years ascending, file order kept inside a year', () => {
    const groups = groupByDeadlineYear([target('a', '2030-Q4'), target('b', '2026-Q4'), target('c', '2030-Q2'), target('d', '2026-Q1')]);
    expect(groups.map((g) => [g.year, g.targets.map((t) => t.id)])).toEqual([
      ['2026', ['b', 'd']],
      ['2030', ['a', 'c']],
    ]);
  });

  it('has no groups without targets', () => {
    expect(groupByDeadlineYear([])).toEqual([]);
  });
});
