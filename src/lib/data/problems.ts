// A problem found while loading a package. Every message names the file, the row or
// feature, the field and what was expected, e.g.
//   sites.csv row 14, lat: 121.6 is outside −90..90
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  file: string;
  /**
   * `row 14` (CSV: 1-based data row, header excluded), `feature 3` (GeoJSON: 0-based
   * index in `features`), `target 0` (targets.json: 0-based index), or null for the
   * whole file.
   */
  where: string | null;
  /** The field (column or property) at fault, or null. */
  field: string | null;
  message: string;
}

/** One line for a person: `file where, field: message`. */
export function formatProblem(p: Problem): string {
  const place = [p.file, p.where].filter(Boolean).join(' ');
  const prefix = p.field ? `${place}, ${p.field}` : place;
  return `${prefix}: ${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
