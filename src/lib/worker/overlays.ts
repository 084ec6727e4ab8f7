// Builds what the page draws from the engine's analyses. Pure; runs in the engine worker.
// Each overlay is computed on its own so one failing analysis leaves the others drawn
// and is reported by name instead of blanking the map.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { featureCollection } from '@turf/turf';
import { coverageGeometry, type CoverageLayer } from '../engine/coverage-geometry.ts';
import { cellFootprint, geodesicSector } from '../engine/footprint.ts';
import { packageTerrain } from '../engine/items.ts';
import { coverageHoles, type CoverageHoles } from '../engine/analysis/holes.ts';
import { measuredVsPredicted } from '../engine/analysis/measured.ts';
import { poiCoverage } from '../engine/analysis/poi-coverage.ts';
import type { Cell, DataPackage, Report } from '../engine/types.ts';
import { packageExtents } from '../map/extents.ts';
import type { ComputeOptions } from '../engine/report.ts';
import type { FootprintProps, HoleProps, OverlayDetail, Overlays, PoiProps } from './protocol.ts';

function attempt<T>(name: string, errors: string[], fallback: T, compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    return fallback;
  }
}

function cellProps(cell: Cell): FootprintProps {
  return {
    id: cell.id,
    site_id: cell.site_id,
    carrier: cell.carrier,
    tech: cell.tech,
    status: cell.status,
    on_air_year: cell.on_air_year,
  };
}

/** Every cell's footprint (sector, disc or predicted shape) in lon/lat, in file order. */
export function footprintFeatures(pkg: DataPackage, errors: string[]): FeatureCollection<Polygon | MultiPolygon, FootprintProps> {
  const features: Array<Feature<Polygon | MultiPolygon, FootprintProps>> = [];
  const terrain = packageTerrain(pkg);
  for (const cell of pkg.cells) {
    attempt(`footprint of cell ${cell.id}`, errors, null, () => {
      features.push({ type: 'Feature', geometry: cellFootprint(cell, terrain), properties: cellProps(cell) });
      return null;
    });
  }
  return featureCollection(features);
}

/** Radius of the wedge that marks a sector's direction at its site, m. Long enough to read
 *  at the commune's zoom (about 30 px), short enough that a site's sectors do not reach
 *  the next site; the real reach is shown by the footprint when the site is selected. */
export const SECTOR_GLYPH_RADIUS_M = 300;

/** A short wedge per sectored cell (azimuth ± beamwidth/2); omni cells have none: their site dot says it. */
export function sectorGlyphFeatures(pkg: DataPackage): FeatureCollection<Polygon, FootprintProps> {
  const features: Array<Feature<Polygon, FootprintProps>> = [];
  for (const cell of pkg.cells) {
    if (cell.azimuth_deg === null || cell.beamwidth_deg >= 360) continue;
    const geometry = geodesicSector([cell.lon, cell.lat], SECTOR_GLYPH_RADIUS_M, cell.azimuth_deg, cell.beamwidth_deg);
    features.push({ type: 'Feature', geometry, properties: cellProps(cell) });
  }
  return featureCollection(features);
}

/** Above this many settlement points, holes wait for the drop instead of following each drag frame. */
const LIVE_HOLES_MAX_POINTS = 50_000;

const M_PER_DEGREE_LAT = 111_320;

/** The coverage layers the map draws (map/layers.ts coverageLayers): the others' unions would go unused. */
const DRAWN_COVERAGE_LAYERS: readonly CoverageLayer[] = ['4G', '5G', 'fiber'];

/**
 * How far a drawn coverage outline may stray from the exact one, m: a 20,000th of the
 * package's diagonal, about a 13th of a pixel in the first view (the whole package across
 * the screen) and a pixel four zoom levels closer; never under half a metre. A commune
 * (14 km across) gets 0.7 m, a province (85 km) 4 m: there a fiber access point's 300 m
 * disc keeps about 20 of its 64+ vertices, and the union costs as much less.
 */
export function coverageToleranceM(pkg: DataPackage): number {
  const [west, south, east, north] = packageExtents(pkg).bounds;
  const mPerDegreeLon = M_PER_DEGREE_LAT * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const diagonalM = Math.hypot((east - west) * mPerDegreeLon, (north - south) * M_PER_DEGREE_LAT);
  return Math.max(0.5, diagonalM / 20_000);
}

/** Above this many uncovered points, holes are drawn as a grid of squares (one per HOLE_GRID_M cell with people in it). */
export const HOLE_POINTS_MAX = 20_000;
/** Side of a hole grid square, m: a few pixels at a province's first view (zoom 9: ~280 m/px). */
export const HOLE_GRID_M = 1000;

/**
 * The uncovered points as the map draws them: each point, or above HOLE_POINTS_MAX, squares
 * of a HOLE_GRID_M grid, each with the people of its points and the hamlet most of them
 * live in (157,010 points of a province: 21 MB of GeoJSON and a long re-tiling in MapLibre).
 */
export function holeFeatures(points: CoverageHoles['points']): FeatureCollection<Point | Polygon, HoleProps> {
  if (points.length <= HOLE_POINTS_MAX) {
    return featureCollection(
      points.map((p): Feature<Point, HoleProps> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { pop: p.pop, hamletId: p.hamletId } })),
    );
  }
  // Squares in degrees, as wide in metres as they are tall at the points' middle latitude.
  let [south, north] = [Infinity, -Infinity];
  for (const { lat } of points) [south, north] = [Math.min(south, lat), Math.max(north, lat)];
  const midLat = (south + north) / 2;
  const dLat = HOLE_GRID_M / M_PER_DEGREE_LAT;
  const dLon = dLat / Math.cos((midLat * Math.PI) / 180);
  const cells = new Map<string, { col: number; row: number; pop: number; byHamlet: Map<string, number> }>();
  for (const p of points) {
    const col = Math.floor(p.lon / dLon);
    const row = Math.floor(p.lat / dLat);
    const key = `${col}/${row}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { col, row, pop: 0, byHamlet: new Map() };
      cells.set(key, cell);
    }
    cell.pop += p.pop;
    cell.byHamlet.set(p.hamletId, (cell.byHamlet.get(p.hamletId) ?? 0) + p.pop);
  }
  const features: Array<Feature<Polygon, HoleProps>> = [];
  for (const { col, row, pop, byHamlet } of cells.values()) {
    const [w, s, e, n] = [col * dLon, row * dLat, (col + 1) * dLon, (row + 1) * dLat];
    const hamletId = [...byHamlet].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }, properties: { pop, hamletId } });
  }
  return featureCollection(features);
}

/**
 * The year-dependent overlays for `opts`, with `report` the figures for the same view
 * (and `mobileCovered`, when given, the same view's mobile broadband per population point).
 * `live` (a drag frame) recomputes only what stays cheap — priority places, and holes on a
 * commune-sized package — and leaves the rest null: the page keeps what it drew until the drop.
 */
export function computeOverlays(pkg: DataPackage, opts: ComputeOptions, report: Report, detail: OverlayDetail, mobileCovered?: (k: number) => boolean): Overlays {
  const errors: string[] = [];
  const full = detail === 'full';
  const coverage = full
    ? attempt('coverage', errors, featureCollection([]) as NonNullable<Overlays['coverage']>, () =>
        coverageGeometry(pkg, opts, { layers: DRAWN_COVERAGE_LAYERS, toleranceM: coverageToleranceM(pkg) }),
      )
    : null;
  const pois = attempt('pois', errors, featureCollection([]) as Overlays['pois'], () =>
    featureCollection(
      poiCoverage(pkg, opts).map(({ poi, coverage: cov }): Feature<Point, PoiProps> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [poi.lon, poi.lat] },
        properties: {
          id: poi.id,
          type: poi.type,
          name: poi.name,
          cov_4g: cov['4g'],
          cov_5g: cov['5g'],
          cov_mobile_bb: cov.mobile_bb,
          cov_fiber: cov.fiber,
          cov_fiber_1g: cov.fiber_1g,
        },
      })),
    ),
  );
  const withHoles = full || (pkg.population?.pop.length ?? 0) <= LIVE_HOLES_MAX_POINTS;
  const holes = withHoles ? attempt('holes', errors, null, () => coverageHoles(pkg, opts, report, mobileCovered)) : null;
  const measured = full ? attempt('measured', errors, [], () => measuredVsPredicted(pkg, report)) : null;
  return {
    year: opts.year,
    detail,
    coverage,
    pois,
    holes: withHoles ? holeFeatures(holes?.points ?? []) : null,
    uniformHamlets: withHoles ? (holes?.uniformHamlets ?? []) : null,
    uncoveredPopulation: withHoles ? (holes?.uncoveredPopulation ?? 0) : null,
    measured,
    errors,
  };
}
