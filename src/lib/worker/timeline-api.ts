// The timeline's and the printed report's side of the engine worker: which candidates are
// on air in a year, the figures of a list of years with the current candidates, and the
// package's file names for the report's data sources. Pure engine calls.
import { indexedFiles, FILE_INDEX } from '../data/file-index.ts';
import type { PackageSource } from '../data/source.ts';
import { computeReport } from '../engine/report.ts';
import type { Cell, DataPackage, Report } from '../engine/types.ts';

/**
 * The candidates on air at the end of `year`: one with an on_air_year counts from that year
 * on, one without counts always. With `year` null (on air only) every candidate counts, as
 * the planner has always shown them.
 */
export function candidatesOnAir(cells: readonly Cell[], year: number | null): Cell[] {
  return cells.filter((c) => year === null || c.on_air_year === null || c.on_air_year <= year);
}

/** The figures at the end of each year, with the candidates on air by then. */
export function timelineReports(pkg: DataPackage, years: readonly number[], candidates: readonly Cell[]): Report[] {
  return years.map((year) => {
    if (!Number.isInteger(year)) throw new RangeError(`timeline: got year ${JSON.stringify(year)}; expected a whole year such as 2027`);
    return computeReport(pkg, { year, extraCells: candidatesOnAir(candidates, year) });
  });
}

/**
 * The package's file names (sorted), listed under the report's data sources: the folder's
 * listing where the source has one, else files.json, else none (the report then lists none).
 */
export async function packageFileNames(source: PackageSource): Promise<string[]> {
  if (source.list) return (await source.list()).sort();
  try {
    const bytes = await source.read(FILE_INDEX);
    if (!bytes) return [];
    const names = indexedFiles(JSON.parse(new TextDecoder().decode(bytes)) as unknown);
    return names ? [...names].sort() : [];
  } catch {
    // The loader already reported a broken files.json as a warning; the report just lists no files.
    return [];
  }
}
