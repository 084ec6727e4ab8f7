// Edits of a scenario's candidate list, as pure functions from one list to the next: the
// planner keeps every list it showed, so undo and redo are a step through those lists.
import { cellsOfSite, type CandidateTemplate } from '../engine/planner/template.ts';
import type { CandidatePlace, Cell } from '../engine/types.ts';

/** A click this close to a candidate place puts the site on it, metres. */
export const SNAP_RADIUS_M = 150;
/** Metres per degree of latitude (mean); a snap radius needs no geodesic precision, and the page bundle no geodesic library. */
const M_PER_DEG = 111_195;

function nearDistanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon2 - lon1) * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot(dx, lat2 - lat1) * M_PER_DEG;
}

/** The candidate place nearest to [lon, lat] within SNAP_RADIUS_M, or null. */
export function snapPlace(places: readonly CandidatePlace[], lon: number, lat: number): CandidatePlace | null {
  let best: CandidatePlace | null = null;
  let bestM = SNAP_RADIUS_M;
  for (const place of places) {
    const distanceM = nearDistanceM(lon, lat, place.lon, place.lat);
    if (distanceM <= bestM) {
      best = place;
      bestM = distanceM;
    }
  }
  return best;
}

/** The site ids of a list, in order of first appearance. */
export function siteIds(cells: readonly Cell[]): string[] {
  return [...new Set(cells.map((c) => c.site_id))];
}

/** The cells of one site, in list order. */
export function cellsOf(cells: readonly Cell[], siteId: string): Cell[] {
  return cells.filter((c) => c.site_id === siteId);
}

/** The site a cell id or site id names, or null. */
export function siteOfId(cells: readonly Cell[], id: string): string | null {
  return cells.find((c) => c.id === id || c.site_id === id)?.site_id ?? null;
}

/** A site id `prefix<n>` used by no candidate and no package cell (ids and site ids alike). */
export function freeSiteId(taken: Iterable<string>, prefix = 'DX'): string {
  const used = new Set(taken);
  let n = 1;
  // A site's cells take `<site>-<k>`, so a free site id must leave those free too.
  const clashes = (id: string) => used.has(id) || [...used].some((u) => u.startsWith(`${id}-`));
  while (clashes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * A placed or dragged position rounded to 1e-6° (about 0.1 m): finer than any pointer, and
 * exactly what a shared link or an exported file writes, so either reproduces the figures.
 */
export function roundDeg(deg: number): number {
  return Math.round(deg * 1e6) / 1e6;
}

/** The list with one site moved to [lon, lat] (rounded by roundDeg). */
export function withSiteMoved(cells: readonly Cell[], siteId: string, lon: number, lat: number): Cell[] {
  const [x, y] = [roundDeg(lon), roundDeg(lat)];
  return cells.map((c) => (c.site_id === siteId ? { ...c, lon: x, lat: y } : c));
}

/** The list with one site's cells rebuilt from a new template, in place. */
export function withSiteEdited(cells: readonly Cell[], siteId: string, template: CandidateTemplate): Cell[] {
  const old = cellsOf(cells, siteId);
  const first = old[0];
  if (!first) return [...cells];
  const rebuilt = cellsOfSite(template, { siteId, name: first.name, lon: first.lon, lat: first.lat, onAirYear: first.on_air_year });
  const at = cells.findIndex((c) => c.site_id === siteId);
  const rest = cells.filter((c) => c.site_id !== siteId);
  return [...rest.slice(0, at), ...rebuilt, ...rest.slice(at)];
}

/** The list with one site renamed or given an on-air year. */
export function withSiteInfo(cells: readonly Cell[], siteId: string, info: { name?: string; onAirYear?: number | null }): Cell[] {
  return cells.map((c) =>
    c.site_id === siteId ? { ...c, name: info.name ?? c.name, on_air_year: info.onAirYear !== undefined ? info.onAirYear : c.on_air_year } : c,
  );
}

/** The list without one site. */
export function withoutSite(cells: readonly Cell[], siteId: string): Cell[] {
  return cells.filter((c) => c.site_id !== siteId);
}
