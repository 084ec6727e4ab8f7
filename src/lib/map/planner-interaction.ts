// The planner on the map: a click in add mode places a site, a candidate site is dragged
// with mouse or touch (each frame a live update, the release a committed move), a click on
// one selects it. Returns its teardown, for the $effect that owns it.
import type { Map as MaplibreMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Cell, CandidatePlace } from '../engine/types.ts';

/** What the map needs of the planner (PlannerState satisfies it). */
export interface PlannerActions {
  readonly mode: 'view' | 'add';
  addSite(placement: { lon: number; lat: number }): Promise<string>;
  dragSite(siteId: string, lon: number, lat: number): void;
  moveSite(siteId: string, lon: number, lat: number): Promise<void>;
  select(siteId: string | null): void;
  fail(err: unknown): void;
}

/** Layers a click in add mode must not go through (clicking a candidate selects it instead). */
const CANDIDATE_LAYER = 'candidate-sites';

/** One point per candidate site, for the draggable layer. */
export function candidateSitePoints(cells: readonly Cell[], selectedSiteId: string | null): FeatureCollection<Point> {
  const seen = new Set<string>();
  const features: FeatureCollection<Point>['features'] = [];
  for (const cell of cells) {
    if (seen.has(cell.site_id)) continue;
    seen.add(cell.site_id);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [cell.lon, cell.lat] },
      properties: { site_id: cell.site_id, tech: cell.tech, carrier: cell.carrier, name: cell.name, selected: cell.site_id === selectedSiteId },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Candidate places (candidates.geojson) as points. */
export function candidatePlacePoints(places: readonly CandidatePlace[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: places.map((pl) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [pl.lon, pl.lat] },
      properties: { id: pl.id, name: pl.name, kind: pl.kind, max_height_m: pl.max_height_m },
    })),
  };
}

/** The cursor over `point`: grab over a candidate site, a crosshair in add mode, else null (the caller decides). */
export function plannerCursor(map: MaplibreMap, planner: PlannerActions, point: { x: number; y: number }): string | null {
  if (map.getLayer(CANDIDATE_LAYER) && map.queryRenderedFeatures([point.x, point.y], { layers: [CANDIDATE_LAYER] }).length > 0) return 'grab';
  return planner.mode === 'add' ? 'crosshair' : null;
}

/** Wires the planner's pointer gestures to the map; returns the teardown. */
export function attachPlanner(map: MaplibreMap, planner: PlannerActions): () => void {
  let dragging: { siteId: string; moved: boolean; lon: number; lat: number } | null = null;
  const canvas = map.getCanvas();

  const siteAt = (point: { x: number; y: number }): string | null => {
    if (!map.getLayer(CANDIDATE_LAYER)) return null;
    const hit = map.queryRenderedFeatures([point.x, point.y], { layers: [CANDIDATE_LAYER] })[0];
    const id = hit?.properties?.site_id;
    return typeof id === 'string' ? id : null;
  };

  const start = (e: MapMouseEvent | MapTouchEvent) => {
    const siteId = siteAt(e.point);
    if (siteId === null) return;
    // The map must not pan while a site is dragged.
    e.preventDefault();
    dragging = { siteId, moved: false, lon: e.lngLat.lng, lat: e.lngLat.lat };
    planner.select(siteId);
    canvas.style.cursor = 'grabbing';
  };
  const move = (e: MapMouseEvent | MapTouchEvent) => {
    if (!dragging) return;
    dragging = { ...dragging, moved: true, lon: e.lngLat.lng, lat: e.lngLat.lat };
    planner.dragSite(dragging.siteId, e.lngLat.lng, e.lngLat.lat);
  };
  const end = () => {
    if (!dragging) return;
    const { siteId, moved, lon, lat } = dragging;
    dragging = null;
    canvas.style.cursor = '';
    if (moved) planner.moveSite(siteId, lon, lat).catch((err: unknown) => planner.fail(err));
  };
  const click = (e: MapMouseEvent) => {
    if (planner.mode !== 'add' || siteAt(e.point) !== null) return;
    planner.addSite({ lon: e.lngLat.lng, lat: e.lngLat.lat }).catch((err: unknown) => planner.fail(err));
  };

  map.on('mousedown', start);
  map.on('touchstart', start);
  map.on('mousemove', move);
  map.on('touchmove', move);
  map.on('mouseup', end);
  map.on('touchend', end);
  map.on('click', click);
  return () => {
    map.off('mousedown', start);
    map.off('touchstart', start);
    map.off('mousemove', move);
    map.off('touchmove', move);
    map.off('mouseup', end);
    map.off('touchend', end);
    map.off('click', click);
  };
}
