// Builds what the page draws from the engine's analyses. Pure; runs in the engine worker.
// Each overlay is computed on its own so one failing analysis leaves the others drawn
// and is reported by name instead of blanking the map.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { featureCollection } from '@turf/turf';
import { coverageGeometry } from '../engine/coverage-geometry.ts';
import { cellFootprint, geodesicSector } from '../engine/footprint.ts';
import { packageTerrain } from '../engine/items.ts';
import { coverageHoles } from '../engine/analysis/holes.ts';
import { measuredVsPredicted } from '../engine/analysis/measured.ts';
import { poiCoverage } from '../engine/analysis/poi-coverage.ts';
import type { Cell, DataPackage, Report } from '../engine/types.ts';
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

/**
 * The year-dependent overlays for `opts`, with `report` the figures for the same view.
 * `live` (a drag frame) recomputes only what stays cheap — priority places, and holes on a
 * commune-sized package — and leaves the rest null: the page keeps what it drew until the drop.
 */
export function computeOverlays(pkg: DataPackage, opts: ComputeOptions, report: Report, detail: OverlayDetail): Overlays {
  const errors: string[] = [];
  const full = detail === 'full';
  const coverage = full ? attempt('coverage', errors, featureCollection([]) as NonNullable<Overlays['coverage']>, () => coverageGeometry(pkg, opts)) : null;
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
  const withHoles = full || (pkg.population?.length ?? 0) <= LIVE_HOLES_MAX_POINTS;
  const holes = withHoles ? attempt('holes', errors, null, () => coverageHoles(pkg, opts, report)) : null;
  const measured = full ? attempt('measured', errors, [], () => measuredVsPredicted(pkg, report)) : null;
  return {
    year: opts.year,
    detail,
    coverage,
    pois,
    holes: withHoles
      ? featureCollection(
          (holes?.points ?? []).map(
            (p): Feature<Point, HoleProps> => ({
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
              properties: { pop: p.pop, hamletId: p.hamletId },
            }),
          ),
        )
      : null,
    uniformHamlets: withHoles ? (holes?.uniformHamlets ?? []) : null,
    uncoveredPopulation: withHoles ? (holes?.uncoveredPopulation ?? 0) : null,
    measured,
    errors,
  };
}
