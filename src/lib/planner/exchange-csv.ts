// Candidates as sites.csv: the package's columns in the spec's order, UTF-8 with a BOM
// (Excel otherwise opens UTF-8 as the ANSI code page and garbles Vietnamese), CRLF line
// ends and RFC 4180 quoting (papaparse), empty cells for null. Numbers are written as
// JavaScript prints them (the shortest text that reads back as the same double), so
// coordinates and every other figure read back identical, not rounded.
import Papa from 'papaparse';
import type { FileProblems } from '../data/collector.ts';
import { loadSitesCsv, SITE_FIELDS } from '../data/sites.ts';
import type { Cell } from '../engine/types.ts';
import { FORMULA_START, TEXT_FIELDS, unguardFormula } from './exchange-fields.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** sites.csv text for canonical cells (see canonicalCandidate). */
export function writeCandidatesCsv(cells: readonly Cell[]): string {
  const data = cells.map((cell) => SITE_FIELDS.map((field) => cell[field]));
  const body = Papa.unparse({ fields: [...SITE_FIELDS], data }, { newline: CRLF, escapeFormulae: FORMULA_START });
  return `${BOM}${body}${CRLF}`;
}

/** Cells from sites.csv text, read by the package's own loader; null when it has errors. */
export function readCandidatesCsv(text: string, fp: FileProblems): Cell[] | null {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const cells = loadSitesCsv(body, fp, null);
  if (!cells) return null;
  return cells.map((cell) => {
    const out = { ...cell };
    for (const field of TEXT_FIELDS) out[field] = unguardFormula(cell[field]);
    return out;
  });
}
