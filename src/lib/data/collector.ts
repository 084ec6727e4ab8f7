// Collects problems while a package loads. Loaders report through a FileProblems bound
// to their file so every message names it, and keep going: one run reports every
// problem, not just the first.
import type { Problem, Severity } from './problems.ts';

export class ProblemList {
  readonly items: Problem[] = [];

  forFile(file: string): FileProblems {
    return new FileProblems(this, file);
  }

  add(severity: Severity, file: string, where: string | null, field: string | null, message: string): void {
    this.items.push({ severity, file, where, field, message });
  }

  get errorCount(): number {
    return this.items.filter((p) => p.severity === 'error').length;
  }
}

export class FileProblems {
  constructor(
    private readonly list: ProblemList,
    readonly file: string,
  ) {}

  /** Number of errors reported for this file so far. */
  get errorCount(): number {
    return this.list.items.filter((p) => p.severity === 'error' && p.file === this.file).length;
  }

  error(where: string | null, field: string | null, message: string): void {
    this.list.add('error', this.file, where, field, message);
  }

  warn(where: string | null, field: string | null, message: string): void {
    this.list.add('warning', this.file, where, field, message);
  }
}

/** `row N`: N counts data records from 1; the header line is not counted. */
export function rowLabel(n: number): string {
  return `row ${n}`;
}

/** `feature N`: N is the 0-based index in the FeatureCollection's `features` array. */
export function featureLabel(index: number): string {
  return `feature ${index}`;
}
