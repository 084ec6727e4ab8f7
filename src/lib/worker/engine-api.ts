// The engine behind the worker: loads a package, holds the incremental CoverageModel and
// answers with plain data. Kept apart from the worker's comlink wiring so the app state
// can be tested against the real engine in-process.
import { loadPackage } from '../data/load-package.ts';
import { memorySource, type PackageSource } from '../data/source.ts';
import { formatProblem } from '../data/problems.ts';
import { CoverageModel } from '../engine/model.ts';
import { Suggester } from '../engine/planner/suggest.ts';
import type { DataPackage, Report } from '../engine/types.ts';
import { packageExtents } from '../map/extents.ts';
import { drawnDataFingerprint } from '../tiles/fingerprint.ts';
import { packageLayers } from '../tiles/package-layers.ts';
import { computeReport } from '../engine/report.ts';
import { computeOverlays, footprintFeatures, sectorGlyphFeatures } from './overlays.ts';
import { candidateFootprints, compareScenarios, siteImpacts, syncScenario } from './planner-api.ts';
import { siteSignalImage, terrainHillshade } from './terrain.ts';
import { candidatesOnAir, packageFileNames, timelineReports } from './timeline-api.ts';
import { reportHtmlInput } from '../report/html/input.ts';
import { reportUpdate } from './report-patch.ts';
import type { Cell } from '../engine/types.ts';
import type { EngineApi, OpenResult, PackageView } from './protocol.ts';

interface Loaded {
  pkg: DataPackage;
  model: CoverageModel;
  year: number | null;
  /** The page's candidate list as last applied (those on air in `year` are in the model). */
  candidates: Cell[];
  /** Where the package was read from: the printed report lists its files. */
  source: PackageSource;
  /** The figures without candidates, per year viewed (the planner's deltas are against them). */
  baselines: Map<number | null, Report>;
  /** The report apply() last sent, numbered: the next one is sent as its changes. */
  sent: { version: number; report: Report } | null;
}

function plannedYears(pkg: DataPackage): number[] {
  const years = new Set<number>();
  for (const item of [...pkg.cells, ...pkg.accessPoints, ...pkg.coverage]) {
    if (item.status === 'planned' && item.on_air_year !== null) years.add(item.on_air_year);
  }
  return [...years].sort((a, b) => a - b);
}

function viewOf(pkg: DataPackage, url: string, warnings: string[]): PackageView {
  const carriers = new Set([...pkg.cells.map((c) => c.carrier), ...pkg.accessPoints.map((a) => a.carrier)]);
  return {
    url,
    area: pkg.area,
    targets: pkg.targets,
    cells: pkg.cells,
    candidatePlaces: pkg.candidates,
    pois: pkg.pois,
    accessPoints: pkg.accessPoints,
    carriers: [...carriers].sort(),
    plannedYears: plannedYears(pkg),
    hasBasemap: pkg.hasBasemap,
    extents: packageExtents(pkg),
    drawnData: drawnDataFingerprint(pkg),
    footprints: footprintFeatures(pkg, warnings),
    sectors: sectorGlyphFeatures(pkg),
    history: pkg.history,
    hillshade: terrainHillshade(pkg),
  };
}

/** A suggestion run works in slices of this length, ms, yielding between them so a cancel can arrive. */
const SUGGEST_SLICE_MS = 30;

/** An engine answering EngineApi calls; `sourceFor` turns a package URL into its files. */
export function createEngineApi(sourceFor: (url: string) => PackageSource): EngineApi {
  let current: Loaded | null = null;
  /** The running suggest(), if any: cancelSuggest() flags it. */
  let suggestRun: { cancelled: boolean } | null = null;
  const loaded = (): Loaded => {
    if (!current) throw new Error('No data package is open');
    return current;
  };
  const openSource = async (source: PackageSource, url: string): Promise<OpenResult> => {
    current = null;
    const { pkg, problems } = await loadPackage(source);
    const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
    const warnings = problems.filter((p) => p.severity === 'warning').map(formatProblem);
    if (!pkg || errors.length > 0) {
      return { view: null, errors: errors.length > 0 ? errors : [`${url}: the package could not be read`], warnings };
    }
    const view = viewOf(pkg, url, warnings);
    current = { pkg, model: new CoverageModel(pkg, { year: null }), year: null, candidates: [], source, baselines: new Map(), sent: null };
    return { view, errors, warnings };
  };
  return {
    open: (url) => openSource(sourceFor(url), url),
    openFiles: (label, files) => openSource(memorySource(label, files), label),
    async apply({ year, candidates, heldReport }) {
      const l = loaded();
      // Candidates first: a bad one throws before the year changes, leaving the model as it was.
      // Every candidate is checked, even one not on air yet in this year.
      syncScenario(l.model, candidates, candidatesOnAir(candidates, year));
      l.model.setYear(year);
      l.year = year;
      l.candidates = candidates;
      const onAir = l.model.cells();
      const report = l.model.report();
      const version = (l.sent?.version ?? 0) + 1;
      const update = reportUpdate(l.sent?.version === heldReport ? l.sent : null, report, version);
      l.sent = { version, report };
      return { report: update, candidateFootprints: candidateFootprints(l.pkg, onAir) };
    },
    async mapLayers() {
      return packageLayers(loaded().pkg);
    },
    async report() {
      return loaded().model.report();
    },
    async overlays(detail) {
      const l = loaded();
      return computeOverlays(l.pkg, { year: l.year, extraCells: l.model.cells() }, l.model.report(), detail, l.model.pointCovered('mobile_bb'));
    },
    async baseline() {
      const l = loaded();
      let report = l.baselines.get(l.year);
      if (!report) {
        // Without candidates the model already holds these figures (and equals computeReport).
        report = l.candidates.length === 0 ? l.model.report() : computeReport(l.pkg, { year: l.year });
        l.baselines.set(l.year, report);
      }
      return report;
    },
    async impacts() {
      const l = loaded();
      return siteImpacts(l.pkg, l.model, l.year);
    },
    async compare(a, b) {
      const l = loaded();
      return compareScenarios(l.pkg, l.year, a, b);
    },
    async suggest(opts, extraCells, onProgress) {
      const suggester = new Suggester(loaded().pkg, opts, extraCells);
      // One search at a time: a new one replaces the one running.
      if (suggestRun) suggestRun.cancelled = true;
      const run = { cancelled: false };
      suggestRun = run;
      try {
        for (;;) {
          const { done, progress } = suggester.step(performance.now() + SUGGEST_SLICE_MS);
          void onProgress(progress);
          if (done) return suggester.result();
          // Yield to the event loop: a cancelSuggest() message waiting in the queue runs here.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (run.cancelled) throw new Error('cancelled');
        }
      } finally {
        if (suggestRun === run) suggestRun = null;
      }
    },
    async cancelSuggest() {
      if (suggestRun) suggestRun.cancelled = true;
    },
    async timeline(years) {
      const l = loaded();
      return timelineReports(l.pkg, years, l.candidates);
    },
    async reportInput({ lang, asOf, mapImage }) {
      const l = loaded();
      const files = await packageFileNames(l.source);
      return reportHtmlInput(l.pkg, l.model.report(), { lang, asOf, year: l.year, files, mapImage, extraCells: l.model.cells() });
    },
    async signal(siteId) {
      return siteSignalImage(loaded().pkg, siteId);
    },
  };
}
