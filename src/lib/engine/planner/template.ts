// The site a planner places, as a template: one omni cell or several sectors with the same
// radio settings. Suggestions stamp it at each location; a candidate place's max_height_m
// caps the antenna height (a rooftop cannot hold a 40 m mast).
import { LINK_BUDGET } from '../propagation/link-budget.ts';
import { assertScenarioCell } from '../scenario-cell.ts';
import type { Cell, Tech } from '../types.ts';

/** A candidate site as the planner places it: one omni cell or several sectors. */
export interface CandidateTemplate {
  tech: Tech;
  carrier: string;
  band_mhz: number | null;
  height_m: number | null;
  eirp_dbm: number | null;
  /** Given ⇒ fixed reach; null ⇒ predicted from band, height and EIRP. */
  range_m: number | null;
  /** Beamwidth of each sector, degrees (ignored for omni). */
  beamwidth_deg: number;
  /** One sector per azimuth (degrees clockwise from north); [] = one omni cell. */
  azimuths_deg: number[];
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

/** The template's cells at (lon, lat) for suggestion `rank`: ids `sug-<rank>-<k>`, site `sug-<rank>`, status candidate. */
export function templateCells(template: CandidateTemplate, at: { lon: number; lat: number; heightM: number | null; name: string }, rank: number): Cell[] {
  const siteId = `sug-${rank}`;
  const base = {
    site_id: siteId,
    name: at.name,
    carrier: template.carrier,
    lon: at.lon,
    lat: at.lat,
    tech: template.tech,
    band_mhz: template.band_mhz,
    height_m: at.heightM,
    eirp_dbm: template.eirp_dbm,
    range_m: template.range_m,
    status: 'candidate' as const,
    on_air_year: null,
  };
  if (template.azimuths_deg.length === 0) return [{ ...base, id: `${siteId}-0`, azimuth_deg: null, beamwidth_deg: 360 }];
  return template.azimuths_deg.map((azimuthDeg, k) => ({
    ...base,
    id: `${siteId}-${k}`,
    azimuth_deg: ((azimuthDeg % 360) + 360) % 360,
    beamwidth_deg: template.beamwidth_deg,
  }));
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
