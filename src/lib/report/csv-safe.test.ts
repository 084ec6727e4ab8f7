import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, formatSafeCsv, formulaSafe } from './csv-safe.ts';

describe('formulaSafe', () => {
  it('prefixes a quote to text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+84 912', '-x', '@SUM(A1)', '\tA', '\rA']) expect(formulaSafe(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text, including a formula sign further in, unchanged', () => {
    for (const text of ['Xóm Ao Sen', 'a=b', ' =1', '', "'=1"]) expect(formulaSafe(text)).toBe(text);
  });
});

describe('formatSafeCsv', () => {
  const csv = formatSafeCsv(
    ['id', 'name', 'value'],
    [
      ['=01', '=HYPERLINK("http://x","click")', -0.5],
      ['02', '@cmd', null],
      ['-3', 'Xóm "Đồng", Bãi', 0],
    ],
  );

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csv.startsWith(`${CSV_BOM}id,name,value\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5);
  });

  it('guards text cells, keeps numbers as numbers and null as an empty field', () => {
    const parsed = Papa.parse<string[]>(csv.slice(CSV_BOM.length).trimEnd(), { header: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(1)).toEqual([
      ["'=01", '\'=HYPERLINK("http://x","click")', '-0.5'],
      ['02', "'@cmd", ''],
      ["'-3", 'Xóm "Đồng", Bãi', '0'],
    ]);
  });
});
