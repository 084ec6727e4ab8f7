import { describe, expect, it } from 'vitest';
import { errorsWith, load, withFiles } from './testkit.ts';

const history = (...rows: string[]): string => ['period,metric,value,source', ...rows].join('\r\n');

describe('history.csv', () => {
  it('is optional: a package without it has an empty history', async () => {
    const { pkg } = await load(withFiles({}));
    expect(pkg?.history).toEqual([]);
  });

  it('loads quarterly and annual figures in file order, with or without a source', async () => {
    const { pkg, problems } = await load(
      withFiles({ 'history.csv': `\uFEFF${history('2025,pop_share.5g,0.05,"Báo cáo năm 2025, UBND xã"', '2026-Q2,pop_share.5g,0.12,', '2026-Q2,indicator.ipv6_share,0.55,VNNIC')}\r\n` }),
    );
    expect(problems).toEqual([]);
    expect(pkg?.history).toEqual([
      { period: '2025', metric: 'pop_share.5g', value: 0.05, source: 'Báo cáo năm 2025, UBND xã' },
      { period: '2026-Q2', metric: 'pop_share.5g', value: 0.12, source: null },
      { period: '2026-Q2', metric: 'indicator.ipv6_share', value: 0.55, source: 'VNNIC' },
    ]);
  });

  it('names row and field for a bad period, metric or value, and reports every bad row', async () => {
    const errors = await errorsWith({
      'history.csv': history('2026-Q5,pop_share.5g,0.1,', '2026,pop_share.6g,0.1,', '2026-Q1,pop_share.4g,62,', 'Q3/2026,pop_share.4g,,'),
    });
    expect(errors).toEqual([
      'history.csv row 1, period: got "2026-Q5"; expected a quarter such as 2026-Q2 or a year such as 2025',
      expect.stringMatching(/^history\.csv row 2, metric: got "pop_share\.6g"; expected pop_share\.4g, .* or indicator\.esign_adult_share$/),
      'history.csv row 3, value: got 62; expected a share in 0..1 (0.62 means 62%)',
      'history.csv row 4, period: got "Q3/2026"; expected a quarter such as 2026-Q2 or a year such as 2025',
      'history.csv row 4, value: missing; expected a share in 0..1 (0.62 means 62%)',
    ]);
  });

  it('rejects the same period and metric given twice, naming both rows', async () => {
    const errors = await errorsWith({ 'history.csv': history('2026-Q1,pop_share.5g,0.1,a', '2026-Q2,pop_share.5g,0.12,a', '2026-Q1,pop_share.5g,0.11,b') });
    expect(errors).toEqual(['history.csv row 3, period: 2026-Q1 pop_share.5g is also given in row 1; expected one figure per period and metric']);
  });

  it('names a missing required column', async () => {
    const errors = await errorsWith({ 'history.csv': 'period,metric,source\r\n2026-Q1,pop_share.5g,x\r\n' });
    expect(errors).toEqual(['history.csv, value: missing from the header, which has period, metric, source; expected a value column']);
  });
});
