// CSV for spreadsheets: a UTF-8 byte-order mark so Excel reads Vietnamese names as UTF-8
// (without it Excel guesses the ANSI code page and shows "XÃ³m"), and formula-safe
// text cells so a name such as `=HYPERLINK(…)` from a data file is shown, never run
// (CSV injection, OWASP). Papaparse's `escapeFormulae` does the guarding: it prefixes
// `'` to text starting with = + - @ tab or CR and leaves numbers alone, so -0.5 stays a
// number. Shared by every CSV this app writes.
import Papa from 'papaparse';

/** The UTF-8 byte-order mark, as the first character of the text. */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null;

/** Text cells that a spreadsheet would take as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One text cell made formula-safe (a leading `'`), for writers that do not use formatSafeCsv. */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV with a BOM, CRLF after every record, null as an empty field, and formula-safe text cells. */
export function formatSafeCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const body = Papa.unparse(
    { fields: [...fields], data: rows.map((row) => [...row]) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `${CSV_BOM}${body}\r\n`;
}
