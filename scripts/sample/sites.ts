// BTS sites of the three carriers, one row per sector or omni cell. Towers stand by the
// roads where people live; sectors are turned to cover the most people, as operators
// orient them for traffic. Old Nam Hoà is served from several sites; Cây Thị from one
// or two low-band omni cells, with more only planned.
import type { Cell, LonLat, Tech } from '../../src/lib/engine/types.ts';
import { add, toLonLat, type XY } from './frame.ts';
import { cellReach } from './estimate.ts';
import type { Rng } from './prng.ts';

type Carrier = 'Viettel' | 'VNPT' | 'MobiFone';

export interface LayerSpec {
  tech: Tech;
  bandMHz: number;
  /** 3 sectors, or 1 omni cell. */
  sectors: 1 | 3;
  eirpDbm: number;
  /** Fixed reach, or null to leave range_m empty for the propagation model. */
  rangeM: number | null;
  status: 'on_air' | 'planned' | 'candidate';
  year: number | null;
}

export interface SiteSpec {
  siteId: string;
  name: string;
  carrier: Carrier;
  /** Local metres. */
  at: XY;
  heightM: number;
  layers: LayerSpec[];
}

export interface WeightedPoint {
  lonLat: LonLat;
  pop: number;
}

/**
 * Horizontal beamwidth of a sector. 4G panels: the usual 65° half-power beam. 5G
 * massive-MIMO panels sweep their broadcast beams ±60°, so a 5G sector serves 120°.
 */
const BEAMWIDTH_DEG: Record<Tech, number> = { '4G': 65, '5G': 120 };

function layerCells(site: SiteSpec, layer: LayerSpec, azimuths: (number | null)[]): Cell[] {
  const [lon, lat] = toLonLat(site.at);
  const prefix = layer.tech === '5G' ? '5' : '';
  return azimuths.map((az, i) => ({
    id: `${site.siteId}-${prefix}${az === null ? 'O' : 'ABC'[i]}`,
    site_id: site.siteId,
    name: site.name.normalize('NFC'),
    carrier: site.carrier,
    lon,
    lat,
    tech: layer.tech,
    band_mhz: layer.bandMHz,
    height_m: site.heightM,
    azimuth_deg: az,
    beamwidth_deg: az === null ? 360 : BEAMWIDTH_DEG[layer.tech],
    eirp_dbm: layer.eirpDbm,
    range_m: layer.rangeM,
    status: layer.status,
    on_air_year: layer.year,
  }));
}

/** Picks the rotation of a 3-sector layout (every 5°) that covers the most people. */
function bestRotation(site: SiteSpec, layer: LayerSpec, people: readonly WeightedPoint[], rng: Rng): number[] {
  let best = { covered: -1, azimuths: [0, 120, 240] };
  for (let rot = 0; rot < 120; rot += 5) {
    const azimuths = [rot, rot + 120, rot + 240];
    const cells = layerCells(site, layer, azimuths);
    const covered = people.reduce((s, p) => s + (cells.some((c) => cellReach(c, p.lonLat) !== null) ? p.pop : 0), 0);
    if (covered > best.covered) best = { covered, azimuths };
  }
  // Real sectors are rarely exactly 120° apart.
  return best.azimuths.map((a) => (a + rng.int(-8, 8) + 360) % 360);
}

/** All cells (rows of sites.csv) of the given sites. */
export function buildCells(sites: readonly SiteSpec[], people: readonly WeightedPoint[], rng: Rng): Cell[] {
  return sites.flatMap((site) =>
    site.layers.flatMap((layer) =>
      layerCells(site, layer, layer.sectors === 1 ? [null] : bestRotation(site, layer, people, rng)),
    ),
  );
}

export interface Anchors {
  hq: XY;
  /** Point `distM` along a trunk road (by index in trunkRoads order). */
  along(roadIndex: number, distM: number): XY;
  /** Core of the hamlet with this name (e.g. "Xóm Cây Thị 1"). */
  core(hamletName: string): XY;
  /** Name of the hamlet a point lies in, without "Xóm" (e.g. "Đầm Diềm"). */
  placeName(at: XY): string;
}

const L = (
  tech: Tech,
  bandMHz: number,
  sectors: 1 | 3,
  eirpDbm: number,
  rangeM: number | null,
  status: LayerSpec['status'],
  year: number | null,
): LayerSpec => ({ tech, bandMHz, sectors, eirpDbm, rangeM, status, year });

type SiteDraft = Omit<SiteSpec, 'name'> & { name?: string };

const CARRIER_LABEL: Record<Carrier, string> = { Viettel: 'Viettel', VNPT: 'VNPT', MobiFone: 'MobiFone' };

/**
 * The sample's sites: towers at the cores of the most populous hamlets and on QL17
 * (road 0, the HQ at 6,500 m along it); 5G on the two busiest towers today and on seven
 * more in 2026; Cây Thị served by one low-band omni cell, with more planned.
 */
export function sampleSites(a: Anchors): SiteSpec[] {
  const drafts: SiteDraft[] = [
    { siteId: 'VT-NH01', name: 'Trạm Nam Hoà 1 – UBND', carrier: 'Viettel', at: add(a.hq, [90, 60]), heightM: 42,
      layers: [L('4G', 1800, 3, 61, null, 'on_air', 2015), L('5G', 3500, 3, 69, 900, 'on_air', 2025)] },
    { siteId: 'VT-NH02', carrier: 'Viettel', at: a.core('Xóm Đầm Diềm'), heightM: 36,
      layers: [L('4G', 1800, 3, 60, null, 'on_air', 2017), L('5G', 3500, 3, 68, 900, 'planned', 2026)] },
    { siteId: 'VT-NH03', name: 'Trạm Viettel QL17 – Cây Thị', carrier: 'Viettel', at: a.along(0, 9300), heightM: 35,
      layers: [L('4G', 900, 1, 59, 3000, 'on_air', 2019), L('5G', 3500, 3, 68, 900, 'planned', 2026)] },
    { siteId: 'VT-CT01', carrier: 'Viettel', at: a.core('Xóm Cây Thị 1'), heightM: 40,
      layers: [L('4G', 900, 1, 60, 3000, 'on_air', 2021)] },
    { siteId: 'VT-CT02', carrier: 'Viettel', at: a.core('Xóm Cây Thị 5'), heightM: 45,
      layers: [L('4G', 900, 1, 60, null, 'planned', 2027)] },
    { siteId: 'VNP-NH01', carrier: 'VNPT', at: a.core('Xóm Na Quán'), heightM: 38,
      layers: [L('4G', 1800, 3, 60, null, 'on_air', 2016), L('5G', 3500, 3, 68, 900, 'planned', 2026)] },
    { siteId: 'VNP-NH02', carrier: 'VNPT', at: a.core('Xóm Mỹ Lập'), heightM: 30,
      layers: [L('4G', 2100, 1, 57, null, 'on_air', 2018), L('5G', 3500, 3, 67, 900, 'planned', 2026)] },
    { siteId: 'VNP-NH03', carrier: 'VNPT', at: a.core('Xóm Ba Cóc'), heightM: 32,
      layers: [L('4G', 1800, 1, 58, null, 'on_air', 2020), L('5G', 3500, 3, 67, 900, 'planned', 2026)] },
    { siteId: 'VNP-CT01', name: 'Trạm VNPT Cây Thị 6 (đề xuất)', carrier: 'VNPT', at: a.core('Xóm Cây Thị 6'), heightM: 40,
      layers: [L('4G', 900, 1, 60, null, 'candidate', null)] },
    { siteId: 'VNP-CT02', carrier: 'VNPT', at: a.core('Xóm Cây Thị 8'), heightM: 35,
      layers: [L('4G', 900, 1, 59, 3500, 'planned', 2029)] },
    { siteId: 'MBF-NH01', carrier: 'MobiFone', at: a.along(0, 7600), heightM: 40,
      layers: [L('4G', 1800, 3, 61, null, 'on_air', 2017), L('5G', 2600, 3, 67, 900, 'on_air', 2024)] },
    { siteId: 'MBF-NH02', carrier: 'MobiFone', at: a.core('Xóm Trại Gai'), heightM: 30,
      layers: [L('4G', 900, 1, 58, null, 'on_air', 2019), L('5G', 2600, 3, 66, 850, 'planned', 2026)] },
    { siteId: 'MBF-NH03', carrier: 'MobiFone', at: a.core('Xóm Gốc Thị'), heightM: 30,
      layers: [L('4G', 1800, 3, 60, null, 'on_air', 2022), L('5G', 2600, 3, 66, 900, 'planned', 2026)] },
    { siteId: 'MBF-CT01', carrier: 'MobiFone', at: a.core('Xóm Cây Thị 7'), heightM: 40,
      layers: [L('4G', 900, 1, 60, null, 'planned', 2028)] },
  ];
  return drafts.map((d) => ({ ...d, name: d.name ?? `Trạm ${CARRIER_LABEL[d.carrier]} ${a.placeName(d.at)}` }));
}
