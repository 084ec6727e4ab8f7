// The planner's side of the engine worker: keeps the CoverageModel's scenario cells equal
// to the page's candidate list (a drag frame is one move), and answers what the planner
// asks of a scenario: its figures without candidates, what each candidate site adds, and
// how two scenarios differ. Pure engine calls; the comlink wiring is engine-api.ts.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { coverageAtPoints } from '../engine/coverage-query.ts';
import { contextFor } from '../engine/context.ts';
import { cellFootprint } from '../engine/footprint.ts';
import { packageTerrain, scenarioItem } from '../engine/items.ts';
import type { CoverageModel } from '../engine/model.ts';
import { itemCoversPoint } from '../engine/point-cover.ts';
import { computeReport } from '../engine/report.ts';
import { assertScenarioCell } from '../engine/scenario-cell.ts';
import type { Cell, DataPackage, LonLat, Report } from '../engine/types.ts';
import type { FootprintProps } from './protocol.ts';

/** Fields that change a cell's coverage other than its position. */
const SHAPE_FIELDS = ['site_id', 'name', 'carrier', 'tech', 'band_mhz', 'height_m', 'azimuth_deg', 'beamwidth_deg', 'eirp_dbm', 'range_m', 'status', 'on_air_year'] as const;

/**
 * Makes the model's scenario cells equal `onAir` (by default all of `cells`) with the fewest changes: a cell whose only
 * change is its position moves (the drag path), one whose settings changed is replaced.
 * Every cell is checked first, so a bad one throws with the engine's message and leaves
 * the model as it was.
 */
export function syncScenario(model: CoverageModel, cells: readonly Cell[], onAir: readonly Cell[] = cells): void {
  const ids = new Set<string>();
  for (const cell of cells) {
    assertScenarioCell(cell);
    if (ids.has(cell.id)) throw new RangeError(`scenario cell ${cell.id}: id is already in use`);
    ids.add(cell.id);
  }
  const current = new Map(model.cells().map((c) => [c.id, c]));
  const keep = new Set(onAir.map((c) => c.id));
  for (const id of current.keys()) if (!keep.has(id)) model.removeCell(id);
  for (const cell of onAir) {
    const old = current.get(cell.id);
    if (!old) model.addCell(cell);
    else if (SHAPE_FIELDS.some((field) => old[field] !== cell[field])) {
      model.removeCell(cell.id);
      model.addCell(cell);
    } else if (old.lon !== cell.lon || old.lat !== cell.lat) model.moveCell(cell.id, cell.lon, cell.lat);
  }
}

/** The drawn footprint of each candidate cell (status `candidate`), terrain-aware where the package has a DEM. */
export function candidateFootprints(pkg: DataPackage, cells: readonly Cell[]): FeatureCollection<Polygon | MultiPolygon, FootprintProps> {
  const terrain = packageTerrain(pkg);
  return {
    type: 'FeatureCollection',
    features: cells.map(
      (cell): Feature<Polygon | MultiPolygon, FootprintProps> => ({
        type: 'Feature',
        geometry: cellFootprint(cell, terrain),
        properties: { id: cell.id, site_id: cell.site_id, carrier: cell.carrier, tech: cell.tech, status: 'candidate', on_air_year: cell.on_air_year },
      }),
    ),
  };
}

/** What one candidate site adds on its own. */
export interface SiteImpact {
  siteId: string;
  /** People covered by this site and by nothing else (the rest of the scenario included), per share. */
  alonePeople: { '4g': number; '5g': number; mobile_bb: number };
  /** Priority places (pois) this site covers that the network without candidates leaves uncovered for its technology. */
  newPriorityPlaces: Array<{ id: string; name: string; type: string }>;
}

const people = (report: Report, key: 'pop_share.4g' | 'pop_share.5g' | 'pop_share.mobile_bb') => (report.metrics[key] ?? 0) * report.population;

/** Each candidate site's own contribution: the figures with and without it, and the priority places only it brings. */
export function siteImpacts(pkg: DataPackage, model: CoverageModel, year: number | null): SiteImpact[] {
  const cells = model.cells();
  const sites = new Map<string, Cell[]>();
  for (const cell of cells) sites.set(cell.site_id, [...(sites.get(cell.site_id) ?? []), cell]);
  const full = model.report();
  const poiPoints: LonLat[] = pkg.pois.map((p) => [p.lon, p.lat]);
  const before = poiPoints.length > 0 ? coverageAtPoints(pkg, { year }, poiPoints) : [];
  const impacts: SiteImpact[] = [];
  const terrain = packageTerrain(pkg);
  for (const [siteId, siteCells] of sites) {
    for (const cell of siteCells) model.removeCell(cell.id);
    const without = model.report();
    for (const cell of siteCells) model.addCell(cell);
    const items = siteCells.map((c) => scenarioItem(c, terrain));
    const tech = siteCells[0]?.tech === '5G' ? '5g' : '4g';
    const newPriorityPlaces = pkg.pois
      .filter((poi, i) => !before[i]?.[tech] && items.some((item) => itemCoversPoint(item, poi.lon, poi.lat)))
      .map((poi) => ({ id: poi.id, name: poi.name, type: poi.type }));
    impacts.push({
      siteId,
      alonePeople: {
        '4g': people(full, 'pop_share.4g') - people(without, 'pop_share.4g'),
        '5g': people(full, 'pop_share.5g') - people(without, 'pop_share.5g'),
        mobile_bb: people(full, 'pop_share.mobile_bb') - people(without, 'pop_share.mobile_bb'),
      },
      newPriorityPlaces,
    });
  }
  return impacts;
}

/** Settlement points whose coverage differs between two scenarios, in people (census-scaled). */
export interface DifferencePoint {
  lon: number;
  lat: number;
  pop: number;
  /** Which scenario covers the point: 'a' or 'b'. */
  coveredBy: 'a' | 'b';
  tech: '4g' | '5g';
}

/** Two scenarios' figures side by side, and where on the ground they differ. */
export interface ScenarioComparison {
  a: Report;
  b: Report;
  differences: FeatureCollection<Point, Omit<DifferencePoint, 'lon' | 'lat'>>;
}

/** Compares two candidate lists on the same package and year. */
export function compareScenarios(pkg: DataPackage, year: number | null, a: Cell[], b: Cell[]): ScenarioComparison {
  const reportA = computeReport(pkg, { year, extraCells: a });
  const reportB = computeReport(pkg, { year, extraCells: b });
  const ctx = contextFor(pkg);
  const { lon, lat, pop, hamlet, hamletWeight } = ctx.population;
  const ids: number[] = [];
  for (let k = 0; k < pop.length; k++) if ((hamlet[k] as number) >= 0 && (pop[k] as number) > 0) ids.push(k);
  const points = ids.map((k): LonLat => [lon[k] as number, lat[k] as number]);
  const covA = points.length > 0 ? coverageAtPoints(pkg, { year, extraCells: a }, points) : [];
  const covB = points.length > 0 ? coverageAtPoints(pkg, { year, extraCells: b }, points) : [];
  const features: ScenarioComparison['differences']['features'] = [];
  ids.forEach((k, i) => {
    const h = hamlet[k] as number;
    const people = ((pop[k] as number) / (hamletWeight[h] as number)) * (pkg.hamlets[h]?.population ?? 0);
    for (const tech of ['5g', '4g'] as const) {
      const inA = covA[i]?.[tech] ?? false;
      const inB = covB[i]?.[tech] ?? false;
      if (inA === inB) continue;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: points[i] as LonLat },
        properties: { pop: people, coveredBy: inA ? 'a' : 'b', tech },
      });
    }
  });
  return { a: reportA, b: reportB, differences: { type: 'FeatureCollection', features } };
}
