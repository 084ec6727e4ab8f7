// CSV → rows of named text cells (papaparse). RFC 4180: quoted fields may hold commas,
// quotes ("") and line breaks; UTF-8 with or without BOM (see text.ts). Columns are
// matched by header name (trimmed, case-insensitive) in any order; cells are trimmed and
// an empty cell reads as null. dynamicTyping stays off so "01" stays "01".
//
// Row numbers: `row N` counts data records from 1 and does not count the header, so
// row N is line N + 1 of a file without line breaks inside quoted fields. Records whose
// cells are all empty (a blank line, ",,,," from a spreadsheet) carry no data and are
// skipped, but still counted, so later row numbers stay right.
import Papa from 'papaparse';
import type { FileProblems } from './collector.ts';
import { rowLabel } from './collector.ts';

export interface CsvSpec {
  /** Required columns; an array lists alternatives (e.g. ['lon', 'x']). */
  required: readonly (string | readonly string[])[];
  /** Other known columns. Anything else gets one warning for the file. */
  optional: readonly string[];
}

export interface CsvRow {
  /** 1-based data record number (header not counted). */
  row: number;
  values: Record<string, string | null>;
}

export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

export function parseCsv(text: string, fp: FileProblems, spec: CsvSpec): CsvTable | null {
  if (text.trim() === '') {
    const header = spec.required.map((c) => (typeof c === 'string' ? c : c[0])).join(',');
    fp.error(null, null, `the file is empty${text.length === 0 ? ' (0 bytes)' : ''}; expected a header line (${header}, …) and, below it, one row per record`);
    return null;
  }
  const parsed = Papa.parse<string[]>(text, { header: false, dynamicTyping: false, skipEmptyLines: false, delimiter: ',' });
  const records = parsed.data;
  const badRecords = new Set<number>();
  for (const err of parsed.errors) {
    // papaparse counts records from 0 with the header as record 0, like our data rows.
    const row = err.row ?? 0;
    if (row === 0) fp.error(null, null, `the header line is not valid CSV: ${err.message}`);
    else {
      fp.error(rowLabel(row), null, `is not valid CSV: ${err.message}; expected RFC 4180 quoting ("" inside quoted fields)`);
      badRecords.add(row);
    }
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  if (header.length === 1 && (header[0] ?? '').includes(';')) {
    fp.error(null, null, 'the header has one column with ";" in it; expected comma-separated columns (save as "CSV UTF-8 (comma delimited)")');
    return null;
  }
  const index = new Map<string, number>();
  let headerOk = true;
  header.forEach((name, i) => {
    if (name === '') return;
    if (index.has(name)) {
      fp.error(null, name, `the column appears twice in the header (columns ${index.get(name)! + 1} and ${i + 1}); expected each column once`);
      headerOk = false;
    } else index.set(name, i);
  });
  for (const req of spec.required) {
    const alternatives = typeof req === 'string' ? [req] : req;
    if (!alternatives.some((a) => index.has(a))) {
      const [first, ...rest] = alternatives;
      const also = rest.length ? ` (or ${rest.join(', ')})` : '';
      const has = header.filter(Boolean).join(', ');
      fp.error(null, first ?? null, `missing from the header${has ? `, which has ${has}` : ''}; expected a ${first} column${also}`);
      headerOk = false;
    }
  }
  if (!headerOk) return null;
  const known = new Set<string>([...spec.required.flat(), ...spec.optional, 'crs']);
  const unknown = header.filter((h) => h !== '' && !known.has(h));
  if (unknown.length) fp.warn(null, null, `unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.join(', ')} ignored`);
  const emptyHeaderCols = header.flatMap((h, i) => (h === '' ? [i] : []));

  const rows: CsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const cells = (records[r] ?? []).map((c) => c.trim());
    if (cells.every((c) => c === '') || badRecords.has(r)) continue;
    if (cells.length < header.length || cells.slice(header.length).some((c) => c !== '')) {
      fp.error(rowLabel(r), null, `has ${cells.length} fields; expected ${header.length}, as many as the header`);
      continue;
    }
    const dataInUnnamed = emptyHeaderCols.find((i) => (cells[i] ?? '') !== '');
    if (dataInUnnamed !== undefined) {
      fp.error(rowLabel(r), null, `has a value in column ${dataInUnnamed + 1}, which has no name in the header; expected a header name for every column with data`);
      continue;
    }
    const values: Record<string, string | null> = {};
    for (const [name, i] of index) {
      const cell = cells[i] ?? '';
      values[name] = cell === '' ? null : cell;
    }
    rows.push({ row: r, values });
  }
  return { columns: header, rows };
}
