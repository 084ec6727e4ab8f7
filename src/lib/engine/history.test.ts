import { describe, expect, it } from 'vitest';
import { changeSincePrevious, parsePeriod, previousFigure } from './history.ts';
import type { HistoryRow } from './types.ts';

const row = (period: string, value: number, metric: HistoryRow['metric'] = 'pop_share.5g'): HistoryRow => ({ period, metric, value, source: null });
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const HISTORY: HistoryRow[] = [
  row('2026-Q2', 0.12),
  row('2025', 0.05),
  row('2026-Q3', 0.15),
  row('2025-Q4', 0.06),
  row('2026-Q3', 0.5, 'indicator.ipv6_share'),
];

describe('parsePeriod', () => {
  it('reads quarters and whole years, nothing else', () => {
    expect(parsePeriod('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parsePeriod('2025')).toEqual({ year: 2025, quarter: null });
    expect(parsePeriod('2026-Q0')).toBeNull();
    expect(parsePeriod('2026-03')).toBeNull();
  });
});

describe('previousFigure', () => {
  it('takes the latest period that ended before the as-of quarter began, whatever the file order', () => {
    expect(previousFigure(HISTORY, 'pop_share.5g', day('2026-11-25'))?.period).toBe('2026-Q3');
    // On the first day of Q4, Q3 has just ended.
    expect(previousFigure(HISTORY, 'pop_share.5g', day('2026-10-01'))?.period).toBe('2026-Q3');
    // Inside Q3 itself, Q3 is not yet a previous period.
    expect(previousFigure(HISTORY, 'pop_share.5g', day('2026-09-30'))?.period).toBe('2026-Q2');
  });

  it('prefers the quarter to the year ending on the same day, and finds none before the first period', () => {
    expect(previousFigure(HISTORY, 'pop_share.5g', day('2026-02-01'))).toEqual(row('2025-Q4', 0.06));
    expect(previousFigure([row('2025-Q4', 0.06), row('2025', 0.05)], 'pop_share.5g', day('2026-02-01'))?.period).toBe('2025-Q4');
    expect(previousFigure(HISTORY, 'pop_share.5g', day('2025-12-31'))).toBeNull();
    expect(previousFigure(HISTORY, 'pop_share.4g', day('2027-01-01'))).toBeNull();
  });
});

describe('changeSincePrevious', () => {
  it('gives the change in percentage points, unknown when today is unknown', () => {
    const change = changeSincePrevious(HISTORY, 'pop_share.5g', 0.19, day('2026-11-25'));
    expect(change?.previous.period).toBe('2026-Q3');
    expect(change?.changePp).toBeCloseTo(4, 9);
    expect(changeSincePrevious(HISTORY, 'indicator.ipv6_share', null, day('2026-11-25'))).toEqual({ previous: HISTORY[4], changePp: null });
    expect(changeSincePrevious(HISTORY, 'pop_share.4g', 0.9, day('2026-11-25'))).toBeNull();
  });

  it('reads float noise around no change as exactly 0', () => {
    expect(changeSincePrevious([row('2026-Q3', 0.3)], 'pop_share.5g', 0.1 + 0.2, day('2026-11-25'))?.changePp).toBe(0);
  });
});
