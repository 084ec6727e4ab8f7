// What the engine worker sends to the page. Plain structured-clone data only: the page
// never holds the DataPackage itself, just what it draws and the figures to show.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { MeasuredVsPredicted } from '../engine/analysis/measured.ts';
import type { AccessPoint, Area, Cell, Poi, Report, Status, Target, Tech } from '../engine/types.ts';
import type { PackageFeatures } from '../map/features.ts';
import type { TerrainImage } from '../map/terrain-render.ts';

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
  pop: number;
  hamletId: string;
}

/** The package as the page needs it: what to draw and what to list. */
export interface PackageView {
  /** Absolute URL of the package folder, ending in `/`. */
  url: string;
  area: Area;
  targets: Target[];
  cells: Cell[];
  pois: Poi[];
  accessPoints: AccessPoint[];
  carriers: string[];
  /** Planned on-air years found in the package (cells, access points, coverage). */
  plannedYears: number[];
  hasBasemap: boolean;
  features: PackageFeatures;
  /** Every cell's predicted or fixed footprint; the map draws those of the selected site. */
  footprints: FeatureCollection<Polygon | MultiPolygon, FootprintProps>;
  /** A short wedge per sectored cell, pointing along its azimuth: the site layer's glyphs. */
  sectors: FeatureCollection<Polygon, FootprintProps>;
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

/** The map overlays that depend on the year viewed. */
export interface Overlays {
  year: number | null;
  coverage: FeatureCollection<MultiPolygon, CoverageProps>;
  pois: FeatureCollection<Point, PoiProps>;
  holes: FeatureCollection<Point, HoleProps>;
  uniformHamlets: Array<{ hamletId: string; uncoveredShare: number }>;
  uncoveredPopulation: number;
  measured: MeasuredVsPredicted[];
  /** One line per overlay the engine could not compute; the others are still drawn. */
  errors: string[];
}

/** The worker's API (comlink). Calls are queued by the worker in the order made. */
export interface EngineApi {
  /** Loads and validates the package at an absolute folder URL; keeps it for later calls. */
  open(url: string): Promise<OpenResult>;
  /** Views the network as of the end of `year` (null: on air only) and returns the figures. */
  setYear(year: number | null): Promise<Report>;
  /** The figures for the current package and year. */
  report(): Promise<Report>;
  /** The map overlays for the current package and year. */
  overlays(): Promise<Overlays>;
  /** The predicted received level of a site's cells over dem.tif (strongest cell per place); null without a DEM or predicted cells. */
  signal(siteId: string): Promise<TerrainImage | null>;
}

export type { Report };
