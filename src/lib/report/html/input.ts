// What the HTML report is made from: a plain object, so the command line builds it from a
// package here and the app can pass its own report and a picture of its map view.
import { poiCoverage } from '../../engine/analysis/poi-coverage.ts';
import type { PointCoverage } from '../../engine/coverage-query.ts';
import type { Cell, DataPackage, HamletGeometry, HistoryRow, PoiType, Report } from '../../engine/types.ts';
import type { Lang } from '../../i18n/vocab.ts';

export interface PriorityPlace {
  name: string;
  type: PoiType;
  /** Which technologies cover the place. */
  coverage: PointCoverage;
}

export interface ReportHtmlInput {
  report: Report;
  lang: Lang;
  /** The report's day: its quarter titles the report, and deadlines are judged on it (UTC calendar day). */
  asOf: Date;
  province: string | null;
  /** area.json's notes: where the data came from. */
  notes: string | null;
  /** area.json's hamlet_coverage_threshold (0..1). */
  hamletCoverageThreshold: number;
  /** history.csv rows; the change section is left out when there are none. */
  history: readonly HistoryRow[];
  priorityPlaces: readonly PriorityPlace[];
  /** The package's file names, listed under data sources. */
  files: readonly string[];
  /** A picture of the map view as a `data:image/png|jpeg|webp;base64,` URL; takes the place of the hamlet SVG. */
  mapImage?: string | null;
  /** Hamlet outlines in report.hamlets order, for an inline SVG map coloured by 5G share when there is no mapImage. */
  hamletGeometries?: readonly HamletGeometry[] | null;
}

export interface InputOptions {
  lang: Lang;
  asOf: Date;
  /** The network year the report was computed for (the same as report.year). */
  year: number | null;
  files: readonly string[];
  mapImage?: string | null;
  /** Cells on air besides the package's (the app's candidates), for the priority places' coverage. */
  extraCells?: Cell[];
}

/** The HTML report's input from a package and its computed report (priority places judged for the same network year). */
export function reportHtmlInput(pkg: DataPackage, report: Report, opts: InputOptions): ReportHtmlInput {
  return {
    report,
    lang: opts.lang,
    asOf: opts.asOf,
    province: pkg.area.province,
    notes: pkg.area.notes,
    hamletCoverageThreshold: pkg.area.hamlet_coverage_threshold,
    history: pkg.history,
    priorityPlaces: poiCoverage(pkg, { year: opts.year, extraCells: opts.extraCells }).map(({ poi, coverage }) => ({ name: poi.name, type: poi.type, coverage })),
    files: opts.files,
    mapImage: opts.mapImage ?? null,
    hamletGeometries: pkg.hamlets.map((h) => h.geometry),
  };
}
