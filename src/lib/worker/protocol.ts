// What the engine worker sends to the page. Plain structured-clone data only: the page
// never holds the DataPackage itself, just what it draws and the figures to show.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { MeasuredVsPredicted } from '../engine/analysis/measured.ts';
import type { SuggestOptions, Suggestion } from '../engine/planner/suggest.ts';
import type { AccessPoint, Area, CandidatePlace, Cell, HistoryRow, Poi, Report, Status, Target, Tech } from '../engine/types.ts';
import type { PackageExtents } from '../map/extents.ts';
import type { PackageLayers } from '../tiles/package-layers.ts';
import type { ScenarioComparison, SiteImpact } from './planner-api.ts';
import type { TerrainImage } from '../map/terrain-render.ts';
import type { Lang } from '../i18n/vocab.ts';
import type { ReportHtmlInput } from '../report/html/input.ts';
import type { ReportUpdate } from './report-patch.ts';

/** A drawn cell shape (its footprint, or the short wedge that marks its direction) with what styles it. */
export interface FootprintProps {
  id: string;
  site_id: string;
  carrier: string;
  tech: Tech;
  status: Status;
  on_air_year: number | null;
}

/** Coverage of one layer for one carrier, or `carrier: 'all'` for the union of carriers. */
export interface CoverageProps {
  /** '4G' | '5G' | 'mobile_bb' | 'fiber' | 'fiber_1g' (engine/coverage-geometry.ts). */
  layer: string;
  carrier: string;
}

/** A priority place with whether each technology covers it (`cov_<share key>`). */
export interface PoiProps {
  id: string;
  type: Poi['type'];
  name: string;
  cov_4g: boolean;
  cov_5g: boolean;
  cov_mobile_bb: boolean;
  cov_fiber: boolean;
  cov_fiber_1g: boolean;
}

export interface HoleProps {
  /** People without mobile broadband at the point, or in the grid square. */
  pop: number;
  /** The hamlet they live in (a square's: the one most of them live in). */
  hamletId: string;
}

/** The package as the page needs it: what to draw and what to list. */
export interface PackageView {
  /** Absolute URL of the package folder, ending in `/`. */
  url: string;
  area: Area;
  targets: Target[];
  cells: Cell[];
  /** Places where a new site may go (candidates.geojson): the planner snaps to them. */
  candidatePlaces: CandidatePlace[];
  pois: Poi[];
  accessPoints: AccessPoint[];
  carriers: string[];
  /** Planned on-air years found in the package (cells, access points, coverage). */
  plannedYears: number[];
  hasBasemap: boolean;
  /** Extents (the first view, zoom to hamlet). The layers' GeoJSON is asked for apart: mapLayers(). */
  extents: PackageExtents;
  /** drawnDataFingerprint of the package: prebuilt tiles are drawn only when theirs is the same. */
  drawnData: string;
  /** Every cell's predicted or fixed footprint; the map draws those of the selected site. */
  footprints: FeatureCollection<Polygon | MultiPolygon, FootprintProps>;
  /** A short wedge per sectored cell, pointing along its azimuth: the site layer's glyphs. */
  sectors: FeatureCollection<Polygon, FootprintProps>;
  /** history.csv's rows: the timeline charts the past periods from them. */
  history: HistoryRow[];
  /** Hillshade of dem.tif; null when the package has none. */
  hillshade: TerrainImage | null;
}

export interface OpenResult {
  /** null when the package has errors; then `errors` says why. */
  view: PackageView | null;
  /** formatProblem lines of the validator, errors first. */
  errors: string[];
  warnings: string[];
}

/** 'full': every overlay; 'live': a drag frame's cheap ones (see computeOverlays). */
export type OverlayDetail = 'live' | 'full';

/** The map overlays that depend on the year viewed and the candidates. After a 'live'
 *  computation, the null ones were not recomputed (mergeOverlays keeps the drawn ones). */
export interface Overlays {
  year: number | null;
  detail: OverlayDetail;
  coverage: FeatureCollection<MultiPolygon, CoverageProps> | null;
  pois: FeatureCollection<Point, PoiProps>;
  /** Uncovered people: a point each, or grid squares on a large package (overlays.ts holeFeatures). */
  holes: FeatureCollection<Point | Polygon, HoleProps> | null;
  uniformHamlets: Array<{ hamletId: string; uncoveredShare: number }> | null;
  uncoveredPopulation: number | null;
  measured: MeasuredVsPredicted[] | null;
  /** One line per overlay the engine could not compute; the others are still drawn. */
  errors: string[];
}

/** The worker's API (comlink). Calls are queued by the worker in the order made. */
export interface EngineApi {
  /** Loads and validates the package at an absolute folder URL; keeps it for later calls. */
  open(url: string): Promise<OpenResult>;
  /** Opens a package held in memory (an import): file name → bytes; `label` stands for its URL. */
  openFiles(label: string, files: Record<string, Uint8Array>): Promise<OpenResult>;
  /**
   * Views the network as of the end of `year` (null: on air only) with `candidates` on air
   * (those with an on_air_year after `year` not yet; with `year` null all), and returns the figures and the candidates' footprints. A candidate the engine cannot
   * compute rejects with its message, and nothing changes. `heldReport` is the version of the
   * report the page holds (null: none), so the answer need only carry what changed.
   */
  apply(view: { year: number | null; candidates: Cell[]; heldReport: number | null }): Promise<ScenarioFigures>;
  /**
   * The current package's static map layers as GeoJSON (hamlets, labels, outline, sites…),
   * for a map with no PMTiles archive of the package; built on each call, so a page that
   * draws tiles never pays for them.
   */
  mapLayers(): Promise<PackageLayers>;
  /** The figures for the current package, year and candidates. */
  report(): Promise<Report>;
  /** The map overlays for the current package, year and candidates. */
  overlays(detail: OverlayDetail): Promise<Overlays>;
  /** The figures for the current year without any candidate. */
  baseline(): Promise<Report>;
  /** What each current candidate site adds on its own. */
  impacts(): Promise<SiteImpact[]>;
  /** Two candidate lists compared for the current year. */
  compare(a: Cell[], b: Cell[]): Promise<ScenarioComparison>;
  /**
   * Suggests up to `opts.count` sites for the current package (engine/planner/README.md),
   * with `extraCells` (the scenario's candidates) fixed as on air. Works in ~30 ms slices
   * and calls `onProgress` (0..1) after each; rejects with Error('cancelled') when
   * cancelSuggest() arrives, and cancels a suggest() already running. Across the worker
   * boundary `onProgress` must be a comlink proxy: `api.suggest(opts, cells, proxy((p) => …))`.
   */
  suggest(opts: SuggestOptions, extraCells: Cell[], onProgress: (progress: number) => void): Promise<Suggestion[]>;
  /** Makes the running suggest() reject with Error('cancelled'); does nothing when none runs. */
  cancelSuggest(): Promise<void>;
  /**
   * The figures at the end of each of `years`, with the current candidates: one with an
   * on_air_year counts from that year, one without counts always (docs/app-hooks.md).
   */
  timeline(years: number[]): Promise<Report[]>;
  /** The printed report's input (report/html.ts) for what is on screen, with the map picture the page took. */
  reportInput(opts: { lang: Lang; asOf: Date; mapImage: string | null }): Promise<ReportHtmlInput>;
  /** The predicted received level of a site's cells over dem.tif (strongest cell per place); null without a DEM or predicted cells. */
  signal(siteId: string): Promise<TerrainImage | null>;
}

export interface ScenarioFigures {
  /** Against the page's held report (`heldReport`, a version number) when the worker sent it last; else whole. */
  report: ReportUpdate;
  candidateFootprints: FeatureCollection<Polygon | MultiPolygon, FootprintProps>;
}

export type { SuggestOptions, Suggestion } from '../engine/planner/suggest.ts';
export type { Report, ScenarioComparison, SiteImpact };
