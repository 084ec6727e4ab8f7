import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/types.ts';
import { escapeCell, formatMarkdown } from './markdown.ts';

function sampleReport(): Report {
  return {
    area: { id: 'namhoa', name: 'Xã Nam Hoà', sample: true },
    year: null,
    population: 16237,
    metrics: {
      'pop_share.4g': 0.97,
      'pop_share.5g': 0.377,
      'pop_share.mobile_bb': 0.97,
      'pop_share.fiber': null,
      'pop_share.fiber_1g': null,
      'hamlet_share.mobile_bb': 0.5,
      'hamlet_share.fiber': null,
      'indicator.ipv6_share': 0.62,
      'indicator.esign_adult_share': null,
    },
    targets: [
      { id: 'mbb_2030', metric: 'pop_share.mobile_bb', op: '>=', value: 0.99, deadline: '2030-Q4', clause: 'II.2', actual: 0.97, met: false },
      { id: '5g_2026', metric: 'pop_share.5g', op: '>', value: 0.5, deadline: '2026-Q4', clause: 'II.1.a', actual: 0.377, met: false },
      { id: 'ipv6_2026', metric: 'indicator.ipv6_share', op: '>', value: 0.5, deadline: '2026-Q4', clause: 'II.1.c', actual: 0.62, met: true },
      { id: 'esign_2026', metric: 'indicator.esign_adult_share', op: '>', value: 0.5, deadline: '2026-Q2', clause: 'II.1.d', actual: null, met: null },
    ],
    hamlets: [
      { id: 'h01', name: 'Xóm Ao|Sen', population: 812, share: { '4g': 1, '5g': 0.35, mobile_bb: 1, fiber: null, fiber_1g: null } },
      { id: 'h02', name: 'Xóm Đồng\nBãi', population: 15425, share: { '4g': 0.85, '5g': 0, mobile_bb: 0.85, fiber: null, fiber_1g: null } },
    ],
  };
}

const asOf = new Date(Date.UTC(2026, 10, 25));
const vi = (report = sampleReport()) => formatMarkdown(report, { lang: 'vi', asOf, hamletCoverageThreshold: 0.9 });

/** The cells of a Markdown table row, splitting on unescaped pipes only. */
function cells(line: string): string[] {
  return line.slice(2, -2).split(/(?<!\\) \| /);
}

function rowOf(md: string, start: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| ${start}`));
  if (!line) throw new Error(`no table row starting with ${start}`);
  return cells(line);
}

describe('escapeCell', () => {
  it('escapes pipes and backslashes and folds line breaks', () => {
    expect(escapeCell('a|b')).toBe('a\\|b');
    expect(escapeCell('a\\b')).toBe('a\\\\b');
    expect(escapeCell('a\r\nb\nc')).toBe('a b c');
  });
});

describe('formatMarkdown', () => {
  it('opens with the title, the sample notice, the network year, the date and the population', () => {
    const md = vi();
    expect(md.startsWith('# Báo cáo hạ tầng số — Xã Nam Hoà\n')).toBe(true);
    expect(md).toContain('Dữ liệu minh hoạ (không phải số liệu chính thức)');
    expect(md).toContain('- Mạng lưới: hiện trạng');
    expect(md).toContain('- Ngày lập: 25/11/2026');
    expect(md).toContain('- Tổng dân số: 16.237 người');
  });

  it('leaves the sample notice out for official data and names the year viewed', () => {
    const report = { ...sampleReport(), area: { id: 'x', name: 'Xã X', sample: false }, year: 2027 };
    const md = vi(report);
    expect(md).not.toContain('minh hoạ');
    expect(md).toContain('đến hết năm 2027');
  });

  it('escapes a pipe in a hamlet name so the row keeps its columns', () => {
    const md = vi();
    const header = rowOf(md, 'Xóm |');
    const row = rowOf(md, 'Xóm Ao');
    expect(row[0]).toBe('Xóm Ao\\|Sen');
    expect(row).toHaveLength(header.length);
    expect(rowOf(md, 'Xóm Đồng Bãi')).toHaveLength(header.length);
  });

  it('shows null figures as "—" and says what it means', () => {
    const row = rowOf(vi(), 'Xóm Ao');
    expect(row.slice(1, 7)).toEqual(['812', '100,0 %', '35,0 %', '100,0 %', '—', '—']);
    expect(vi()).toContain('—: không có dữ liệu.');
  });

  it('marks hamlets below the coverage threshold, not those with unknown fiber', () => {
    expect(rowOf(vi(), 'Xóm Đồng').at(-1)).toBe('Băng rộng di động');
    expect(rowOf(vi(), 'Xóm Ao').at(-1)).toBe('');
  });

  it('groups targets by deadline year in order, keeping file order within a year', () => {
    const md = vi();
    const i2026 = md.indexOf('### Thời hạn năm 2026');
    const i2030 = md.indexOf('### Thời hạn năm 2030');
    expect(i2026).toBeGreaterThan(0);
    expect(i2030).toBeGreaterThan(i2026);
    const i5g = md.indexOf('| Tỷ lệ dân số được phủ sóng 5G');
    const iIpv6 = md.indexOf('| Tỷ lệ sử dụng IPv6');
    const iMbb = md.indexOf('| Tỷ lệ dân số được phủ sóng băng rộng di động');
    expect(i2026 < i5g && i5g < iIpv6 && iIpv6 < i2030 && i2030 < iMbb).toBe(true);
  });

  it('words each target: threshold, actual, status with the gap, deadline, clause', () => {
    const md = vi();
    expect(rowOf(md, 'Tỷ lệ dân số được phủ sóng 5G')).toEqual([
      'Tỷ lệ dân số được phủ sóng 5G',
      '> 50 %',
      '37,7 %',
      'Chưa đạt (thiếu 12,3 điểm %)',
      'Quý IV/2026',
      'II.1.a',
    ]);
    expect(rowOf(md, 'Tỷ lệ sử dụng IPv6')[3]).toBe('Đạt');
    // Due 2026-Q2 and unknown: no data is not "overdue".
    expect(rowOf(md, 'Tỷ lệ người trưởng thành')[2]).toBe('—');
    expect(rowOf(md, 'Tỷ lệ người trưởng thành')[3]).toBe('Không có dữ liệu');
  });

  it('calls an unmet target overdue once its deadline quarter is over', () => {
    const md = formatMarkdown(sampleReport(), { lang: 'vi', asOf: new Date(Date.UTC(2027, 0, 1)), hamletCoverageThreshold: 0.9 });
    expect(rowOf(md, 'Tỷ lệ dân số được phủ sóng 5G')[3]).toBe('Quá hạn (thiếu 12,3 điểm %)');
    expect(rowOf(md, 'Tỷ lệ dân số được phủ sóng băng rộng di động')[3]).toBe('Chưa đạt (thiếu 2,0 điểm %)');
  });

  it('writes English with English number style', () => {
    const md = formatMarkdown(sampleReport(), { lang: 'en', asOf, hamletCoverageThreshold: 0.9 });
    expect(md.startsWith('# Digital infrastructure report — Xã Nam Hoà\n')).toBe(true);
    expect(md).toContain('- Total population: 16,237 people');
    expect(rowOf(md, 'Population covered by 5G').slice(1, 5)).toEqual(['> 50%', '37.7%', 'Not met (12.3 pp short)', 'Q4 2026']);
    expect(md).toContain('—: no data.');
  });

  it('ends the hamlet table with the commune total', () => {
    expect(rowOf(vi(), '**Toàn xã**').slice(1, 7)).toEqual(['16.237', '97,0 %', '37,7 %', '97,0 %', '—', '—']);
  });

  it('shows the change since the last period reported before this quarter, per target metric', () => {
    const history = [
      { period: '2026-Q3', metric: 'pop_share.5g', value: 0.3, source: 'Báo cáo Quý III | UBND' },
      { period: '2026-Q4', metric: 'pop_share.5g', value: 0.36, source: null },
      { period: '2025', metric: 'indicator.ipv6_share', value: 0.66, source: null },
      { period: '2026-Q2', metric: 'indicator.esign_adult_share', value: 0.4, source: null },
      { period: '2026-Q3', metric: 'pop_share.4g', value: 0.9, source: null },
    ] as const;
    const md = formatMarkdown(sampleReport(), { lang: 'vi', asOf, hamletCoverageThreshold: 0.9, history: [...history] });
    const section = md.slice(md.indexOf('## Thay đổi so với kỳ trước'), md.indexOf('## Các xóm'));
    // 2026-Q4 is the report's own quarter, not a previous one; 4G has no target.
    expect(rowOf(section, 'Tỷ lệ dân số được phủ sóng 5G')).toEqual(['Tỷ lệ dân số được phủ sóng 5G', 'Quý III/2026', '30,0 %', '37,7 %', '+7,7 điểm %', 'Báo cáo Quý III \\| UBND']);
    expect(rowOf(section, 'Tỷ lệ sử dụng IPv6').slice(1, 5)).toEqual(['Năm 2025', '66,0 %', '62,0 %', '−4,0 điểm %']);
    expect(rowOf(section, 'Tỷ lệ người trưởng thành').slice(3, 5)).toEqual(['—', '—']);
    expect(section).not.toContain('| Tỷ lệ dân số được phủ sóng 4G');
    expect(section).not.toContain('băng rộng di động');
  });

  it('says so when no earlier figure exists, and leaves the section out without history', () => {
    expect(formatMarkdown(sampleReport(), { lang: 'en', asOf, hamletCoverageThreshold: 0.9, history: [] })).toContain(
      '## Change since the last period\n\nNo earlier figures for these metrics (history.csv).',
    );
    expect(vi()).not.toContain('Thay đổi so với kỳ trước');
  });
});
