import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/types.ts';
import { CSV_BOM } from './csv-safe.ts';
import { CSV_COLUMNS, formatCsv } from './csv.ts';

const report: Report = {
  area: { id: 'a', name: 'Xã A', sample: false },
  year: 2027,
  population: 1300,
  metrics: {
    'pop_share.4g': 0.5,
    'pop_share.5g': 0,
    'pop_share.mobile_bb': 0.5,
    'pop_share.fiber': null,
    'pop_share.fiber_1g': null,
    'hamlet_share.mobile_bb': 0.5,
    'hamlet_share.fiber': null,
    'indicator.ipv6_share': null,
    'indicator.esign_adult_share': null,
  },
  targets: [],
  hamlets: [
    { id: '01', name: 'Xóm "Đồng", Bãi', population: 1000, share: { '4g': 1 / 3, '5g': 0, mobile_bb: 1 / 3, fiber: null, fiber_1g: null } },
    { id: '02', name: 'Xóm Hai\nDòng', population: 300, share: { '4g': 1, '5g': 0.25, mobile_bb: 1, fiber: 0.5, fiber_1g: 0 } },
  ],
};

describe('formatCsv', () => {
  it('writes a BOM, the English header and one CRLF-ended row per hamlet', () => {
    const csv = formatCsv(report);
    expect(csv.startsWith(`${CSV_BOM}id,name,population,share_4g,share_5g,share_mobile_bb,share_fiber,share_fiber_1g\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes names holding commas, quotes and line breaks (RFC 4180)', () => {
    const csv = formatCsv(report);
    expect(csv).toContain('\r\n01,"Xóm ""Đồng"", Bãi",1000,');
    expect(csv).toContain('\r\n02,"Xóm Hai\nDòng",300,');
  });

  it('round-trips: ids stay strings, shares unrounded, null as an empty field', () => {
    const parsed = Papa.parse<Record<string, string>>(formatCsv(report).slice(CSV_BOM.length).trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(2);
    const [first, second] = parsed.data;
    expect(first?.id).toBe('01');
    expect(first?.name).toBe('Xóm "Đồng", Bãi');
    expect(Number(first?.share_4g)).toBe(1 / 3);
    expect(first?.share_fiber).toBe('');
    expect(first?.share_fiber_1g).toBe('');
    expect(second?.name).toBe('Xóm Hai\nDòng');
    expect(second?.share_fiber_1g).toBe('0');
    expect(second?.share_5g).toBe('0.25');
  });

  it('keeps a hostile hamlet name from running as a formula in a spreadsheet', () => {
    const hostile: Report = {
      ...report,
      hamlets: [{ id: '-1', name: '=HYPERLINK("http://evil","Xóm")', population: 5, share: { '4g': 0, '5g': 0, mobile_bb: 0, fiber: null, fiber_1g: null } }],
    };
    const parsed = Papa.parse<Record<string, string>>(formatCsv(hostile).slice(CSV_BOM.length).trimEnd(), { header: true });
    expect(parsed.data[0]?.id).toBe("'-1");
    expect(parsed.data[0]?.name).toBe('\'=HYPERLINK("http://evil","Xóm")');
    expect(parsed.data[0]?.population).toBe('5');
  });
});
