// Engine types: the validated, in-memory form of a data package (docs/data-package.md)
// and the report (docs/report.md). The data loaders produce these; the engine, the
// worker, the CLI and the UI consume them. Coordinates are always [lon, lat] WGS84.
import type { LineString, MultiPolygon, Polygon } from 'geojson';

export type LonLat = [number, number];
export type Tech = '4G' | '5G';
export type CoverageTech = Tech | 'fiber';
export type Status = 'on_air' | 'planned' | 'candidate';
export type PoiType = 'commune_hq' | 'school' | 'health' | 'culture_house' | 'other';
export type CandidateKind = 'public_land' | 'existing_tower' | 'rooftop' | 'other';
export type HamletGeometry = Polygon | MultiPolygon;

/** An indicator as area.json may give it: a bare number or `{ value, as_of }`. */
export interface Indicator {
  value: number;
  as_of: string | null;
}

export interface Area {
  id: string;
  name: string;
  province: string | null;
  sample: boolean;
  notes: string | null;
  /** 0..1: a hamlet counts as covered when at least this share of its people is. */
  hamlet_coverage_threshold: number;
  /** Keyed by indicator name without the `indicator.` prefix, e.g. `ipv6_share`. */
  indicators: Record<string, Indicator>;
}

export type TargetOp = '>' | '>=';

export const METRICS = [
  'pop_share.4g',
  'pop_share.5g',
  'pop_share.mobile_bb',
  'pop_share.fiber',
  'pop_share.fiber_1g',
  'hamlet_share.mobile_bb',
  'hamlet_share.fiber',
  'indicator.ipv6_share',
  'indicator.esign_adult_share',
] as const;
export type Metric = (typeof METRICS)[number];

export interface Target {
  id: string;
  metric: Metric;
  op: TargetOp;
  value: number;
  /** Quarter the target is due, e.g. `2026-Q4`. */
  deadline: string;
  clause: string;
}

export interface Hamlet {
  id: string;
  name: string;
  population: number;
  households: number | null;
  adults: number | null;
  esign_adults: number | null;
  geometry: HamletGeometry;
}

/** One row of sites.csv / one feature of sites.geojson: a sector or an omni cell. */
export interface Cell {
  id: string;
  site_id: string;
  name: string;
  carrier: string;
  lon: number;
  lat: number;
  tech: Tech;
  band_mhz: number | null;
  height_m: number | null;
  /** null ⇒ omni. Degrees clockwise from true north, already taken modulo 360. */
  azimuth_deg: number | null;
  /** (0, 360]; 360 = omni. Default 65 when the file leaves it empty. */
  beamwidth_deg: number;
  eirp_dbm: number | null;
  /** Given ⇒ fixed geodesic reach; null ⇒ predicted by the propagation model. */
  range_m: number | null;
  status: Status;
  on_air_year: number | null;
}

/** A carrier-supplied coverage polygon (coverage.geojson). */
export interface CoverageArea {
  /** `coverage.geojson#<feature index>` unless the feature has an id. */
  id: string;
  tech: CoverageTech;
  carrier: string;
  /** Fiber only; null ⇒ fiber of unknown speed (counts as fiber, not as ≥ 1 Gb/s). */
  max_mbps: number | null;
  status: Status;
  on_air_year: number | null;
  geometry: HamletGeometry;
}

/** A fiber access point (splitter / ODP box) from fiber.geojson. */
export interface AccessPoint {
  id: string;
  lon: number;
  lat: number;
  carrier: string;
  max_mbps: number | null;
  /** Geodesic radius of the fiber drop reach; default 300. */
  reach_m: number;
  status: Status;
  on_air_year: number | null;
}

export interface FiberCable {
  id: string;
  carrier: string;
  geometry: LineString;
}

/** A weighted point saying where people live (population.geojson, .csv or .tif). */
export interface PopulationPoint {
  lon: number;
  lat: number;
  pop: number;
}

/**
 * A package's population points column by column: point i lies at (lon[i], lat[i]) and
 * weighs pop[i]. Columns, not an object per point: a province has about a million, which
 * as objects cost seconds of garbage collection and ~50 MB.
 */
export interface PopulationPoints {
  lon: Float64Array;
  lat: Float64Array;
  pop: Float64Array;
}

export interface Poi {
  id: string;
  type: PoiType;
  name: string;
  lon: number;
  lat: number;
}

export interface SpeedTest {
  lon: number;
  lat: number;
  time: string;
  kind: 'mobile' | 'fixed';
  tech: string;
  carrier: string;
  down_mbps: number;
  up_mbps: number | null;
  latency_ms: number | null;
}

export interface CandidatePlace {
  id: string;
  name: string;
  kind: CandidateKind;
  max_height_m: number | null;
  lon: number;
  lat: number;
}

/** A figure reported before (history.csv): a metric's value at the end of a period. */
export interface HistoryRow {
  /** `YYYY-Qn` for a quarter, `YYYY` for a whole year. */
  period: string;
  metric: Metric;
  /** A share, 0..1, like the metric itself. */
  value: number;
  /** Where the figure came from (a report's number, a survey); null when not given. */
  source: string | null;
}

/** A raster read from a GeoTIFF: row-major values, north-up, pixel-is-area. */
export interface Raster {
  width: number;
  height: number;
  /** [west, south, east, north] in lon/lat. */
  bbox: [number, number, number, number];
  noData: number | null;
  values: Float32Array | Float64Array;
}

/** Everything one data package holds, validated. Optional files are empty or null. */
export interface DataPackage {
  area: Area;
  targets: Target[];
  hamlets: Hamlet[];
  cells: Cell[];
  coverage: CoverageArea[];
  accessPoints: AccessPoint[];
  cables: FiberCable[];
  /** null when the package has neither population.geojson nor population.tif. */
  population: PopulationPoints | null;
  pois: Poi[];
  speedtests: SpeedTest[];
  candidates: CandidatePlace[];
  /** Present when the package ships dem.tif (terrain-aware prediction comes later). */
  dem: Raster | null;
  /** True when the package ships basemap.pmtiles. */
  hasBasemap: boolean;
  /** Figures reported in earlier periods (history.csv); empty when the package has none. */
  history: HistoryRow[];
}

// ---- Report (docs/report.md) ----

export interface HamletShares {
  '4g': number | null;
  '5g': number | null;
  mobile_bb: number | null;
  fiber: number | null;
  fiber_1g: number | null;
}

export interface HamletReport {
  id: string;
  name: string;
  population: number;
  share: HamletShares;
}

export interface TargetReport extends Target {
  actual: number | null;
  met: boolean | null;
}

export interface Report {
  area: { id: string; name: string; sample: boolean };
  year: number | null;
  population: number;
  metrics: Record<Metric, number | null>;
  targets: TargetReport[];
  hamlets: HamletReport[];
}
