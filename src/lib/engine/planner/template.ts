// A candidate site as the planner places it: one template (technology, radio settings,
// sectors or omni) turned into the sites.csv cells the engine computes. The form places it
// where the user clicks; suggestions stamp it at each location, a candidate place's
// max_height_m capping the antenna height (a rooftop cannot hold a 40 m mast). Pure.
import { LINK_BUDGET } from '../propagation/link-budget.ts';
import { assertScenarioCell } from '../scenario-cell.ts';
import type { Cell, Tech } from '../types.ts';

/** What the "add site" form holds; `azimuths_deg` empty ⇒ one omni cell. */
export interface CandidateTemplate {
  tech: Tech;
  carrier: string;
  band_mhz: number | null;
  height_m: number | null;
  eirp_dbm: number | null;
  /** A fixed reach, m; null ⇒ predicted by the propagation model. */
  range_m: number | null;
  /** Beamwidth of each sector, degrees; ignored for omni. */
  beamwidth_deg: number;
  azimuths_deg: number[];
}

/**
 * Sector beamwidth a new candidate starts with, degrees: 65° is the half-power width of the
 * usual 3-sector LTE panel (and the sites.csv default); a 5G n78 massive-MIMO panel sweeps
 * its SSB beams over about ±60°, so its sector is drawn 120° wide.
 */
export const DEFAULT_BEAMWIDTH_DEG: Record<Tech, number> = { '4G': 65, '5G': 120 };

/**
 * The form's starting values for a technology: the propagation model's defaults (band,
 * height, EIRP — their sources are in propagation/link-budget.ts), a predicted reach and
 * an omni antenna, the simplest sketch of "a site here"; sectors are one click away.
 */
export function defaultTemplate(tech: Tech, carrier: string): CandidateTemplate {
  const budget = LINK_BUDGET[tech];
  return {
    tech,
    carrier,
    band_mhz: budget.defaultBandMHz,
    height_m: budget.defaultHeightM,
    eirp_dbm: budget.defaultEirpDbm,
    range_m: null,
    beamwidth_deg: DEFAULT_BEAMWIDTH_DEG[tech],
    azimuths_deg: [],
  };
}

/** Sector azimuths of a classic three-sector site, degrees from north. */
export const THREE_SECTORS_DEG = [0, 120, 240];

/** The cells of a candidate site: one omni cell with id `siteId`, or one per sector (`siteId-1`, …). */
export function cellsOfSite(
  template: CandidateTemplate,
  site: { siteId: string; name: string; lon: number; lat: number; onAirYear: number | null },
): Cell[] {
  const base = {
    site_id: site.siteId,
    name: site.name,
    carrier: template.carrier,
    lon: site.lon,
    lat: site.lat,
    tech: template.tech,
    band_mhz: template.band_mhz,
    height_m: template.height_m,
    eirp_dbm: template.eirp_dbm,
    range_m: template.range_m,
    status: 'candidate' as const,
    on_air_year: site.onAirYear,
  };
  if (template.azimuths_deg.length === 0) return [{ id: site.siteId, ...base, azimuth_deg: null, beamwidth_deg: 360 }];
  return template.azimuths_deg.map((azimuth, i) => ({
    id: `${site.siteId}-${i + 1}`,
    ...base,
    azimuth_deg: ((azimuth % 360) + 360) % 360,
    beamwidth_deg: template.beamwidth_deg,
  }));
}

/** The template a site's cells were made from (the first cell's settings, every cell's azimuth). */
export function templateOfSite(cells: readonly Cell[]): CandidateTemplate {
  const first = cells[0];
  if (!first) throw new Error('templateOfSite: a site has at least one cell');
  const omni = first.azimuth_deg === null;
  return {
    tech: first.tech,
    carrier: first.carrier,
    band_mhz: first.band_mhz,
    height_m: first.height_m,
    eirp_dbm: first.eirp_dbm,
    range_m: first.range_m,
    beamwidth_deg: omni ? DEFAULT_BEAMWIDTH_DEG[first.tech] : first.beamwidth_deg,
    azimuths_deg: omni ? [] : cells.map((c) => c.azimuth_deg ?? 0),
  };
}

/**
 * A 5G candidate on an existing 4G site: same place, height, carrier and sector directions,
 * with the 5G defaults for band and EIRP (a new n78 radio, not the LTE one).
 */
export function upgradeTemplate(siteCells: readonly Cell[]): CandidateTemplate {
  const from = templateOfSite(siteCells);
  const fiveG = defaultTemplate('5G', from.carrier);
  return {
    ...fiveG,
    height_m: from.height_m ?? fiveG.height_m,
    azimuths_deg: from.azimuths_deg,
  };
}

/** Antenna height the template really uses, metres: its own, else the technology's default (propagation/link-budget.ts). */
export function templateHeightM(template: CandidateTemplate): number {
  return template.height_m ?? LINK_BUDGET[template.tech].defaultHeightM;
}

/** The height a place allows for the template, metres: the template's, capped by the place's max_height_m. */
export function cappedHeightM(template: CandidateTemplate, maxHeightM: number | null): number | null {
  if (maxHeightM === null || maxHeightM >= templateHeightM(template)) return template.height_m;
  return maxHeightM;
}

/** The template's cells at (lon, lat) for suggestion `rank`: site `sug-<rank>`, cells named as cellsOfSite names them. */
export function templateCells(template: CandidateTemplate, at: { lon: number; lat: number; heightM: number | null; name: string }, rank: number): Cell[] {
  return cellsOfSite({ ...template, height_m: at.heightM }, { siteId: `sug-${rank}`, name: at.name, lon: at.lon, lat: at.lat, onAirYear: null });
}

/** Throws a RangeError naming the field when the template cannot make a cell (checked once, before any work). */
export function assertTemplate(template: CandidateTemplate): void {
  if (!Array.isArray(template.azimuths_deg)) throw new RangeError(`suggest template: azimuths_deg: got ${String(template.azimuths_deg)}; expected an array of degrees ([] for omni)`);
  const cells = templateCells(template, { lon: 0, lat: 0, heightM: template.height_m, name: 'template' }, 0);
  for (const cell of cells) {
    try {
      assertScenarioCell(cell);
    } catch (err) {
      throw new RangeError(`suggest template: ${(err as Error).message.replace(/^scenario cell [^:]*: /, '')}`, { cause: err });
    }
  }
}
