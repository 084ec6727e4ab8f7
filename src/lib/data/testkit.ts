// Test helpers: a small valid package in memory (three hamlets near Nam Hoà) and
// builders to break it one file at a time. Not imported by the app.
import type { Feature, Geometry, Position } from 'geojson';
import { loadPackage } from './load-package.ts';
import type { LoadResult } from './load-package.ts';
import { formatProblem } from './problems.ts';
import { memorySource } from './source.ts';

export type Files = Record<string, string | Uint8Array>;

/** A closed square ring, counter-clockwise, `size` degrees wide. */
export function squareRing(lon: number, lat: number, size: number): Position[] {
  return [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
}

export function polygon(lon: number, lat: number, size: number): Geometry {
  return { type: 'Polygon', coordinates: [squareRing(lon, lat, size)] };
}

export function point(lon: number, lat: number): Geometry {
  return { type: 'Point', coordinates: [lon, lat] };
}

export function feature(properties: Record<string, unknown> | null, geometry: Geometry | null): Feature {
  return { type: 'Feature', properties, geometry } as Feature;
}

export function fc(features: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', ...extra, features }, null, 1);
}

/** Three 0.01° (≈ 1 km) square hamlets side by side, west to east. */
export function baseHamlets(): Feature[] {
  return [
    feature({ id: '01', name: 'Xóm Đồng Kèo', population: 1200, households: 300, adults: 900, esign_adults: 500 }, polygon(105.8, 21.6, 0.01)),
    feature({ id: '02', name: 'Xóm Hoà Bình', population: 800, households: 200, adults: 600, esign_adults: 300 }, polygon(105.81, 21.6, 0.01)),
    feature({ id: '03', name: 'Xóm Cầu Đá', population: 500, households: 120, adults: 350, esign_adults: 100 }, polygon(105.82, 21.6, 0.01)),
  ];
}

export const SITES_HEADER = 'id,site_id,name,carrier,lon,lat,tech,band_mhz,height_m,azimuth_deg,beamwidth_deg,eirp_dbm,range_m,status,on_air_year';

export const DEFAULT_SITE: Record<string, string> = {
  id: 'VT001-1',
  site_id: 'VT001',
  name: 'Nam Hoà 1',
  carrier: 'Viettel',
  lon: '105.805',
  lat: '21.605',
  tech: '4G',
  band_mhz: '1800',
  height_m: '30',
  azimuth_deg: '0',
  beamwidth_deg: '65',
  eirp_dbm: '58',
  range_m: '',
  status: 'on_air',
  on_air_year: '',
};

/** sites.csv text: each row overrides DEFAULT_SITE (give a distinct id). */
export function sitesCsv(rows: Record<string, string>[]): string {
  const cols = SITES_HEADER.split(',');
  const line = (r: Record<string, string>): string =>
    cols.map((c) => {
      const v = r[c] ?? DEFAULT_SITE[c] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    }).join(',');
  return [SITES_HEADER, ...rows.map((r) => line({ ...DEFAULT_SITE, ...r }))].join('\n') + '\n';
}

export function baseSites(): Record<string, string>[] {
  return [
    { id: 'VT001-1' },
    { id: 'VT001-2', azimuth_deg: '120' },
    { id: 'VT001-3', azimuth_deg: '240', tech: '5G', band_mhz: '2600' },
    { id: 'VNP01', site_id: 'VNP01', carrier: 'VinaPhone', lon: '105.825', azimuth_deg: '', beamwidth_deg: '', range_m: '1500' },
    { id: 'VT002-1', site_id: 'VT002', lon: '105.815', status: 'planned', on_air_year: '2026' },
  ];
}

export const AREA = {
  id: 'test',
  name: 'Xã Thử',
  province: 'Thái Nguyên',
  sample: true,
  notes: 'made up for tests',
  hamlet_coverage_threshold: 0.9,
  indicators: {
    ipv6_share: { value: 0.62, as_of: '2026-09' },
    esign_adult_share: 0.55,
  },
};

export const TARGETS = [
  { id: '5g_pop_2026', metric: 'pop_share.5g', op: '>', value: 0.5, deadline: '2026-Q4', clause: 'II.1.a' },
  { id: 'mbb_hamlets', metric: 'hamlet_share.mobile_bb', op: '>=', value: 1, deadline: '2026-Q4', clause: 'II.1.b' },
];

/** The base valid package: every file of the spec except the binary ones. */
export function baseFiles(): Files {
  return {
    'area.json': JSON.stringify(AREA, null, 2),
    'targets.json': JSON.stringify(TARGETS, null, 2),
    'hamlets.geojson': fc(baseHamlets()),
    'sites.csv': sitesCsv(baseSites()),
    'coverage.geojson': fc([
      feature({ tech: 'fiber', carrier: 'VNPT', max_mbps: 1000 }, polygon(105.801, 21.601, 0.004)),
      feature({ id: 'mf-5g', tech: '5G', carrier: 'MobiFone', status: 'planned', on_air_year: 2027 }, polygon(105.821, 21.601, 0.004)),
    ]),
    'fiber.geojson': fc([
      feature({ kind: 'cable', carrier: 'VNPT' }, { type: 'LineString', coordinates: [[105.80, 21.605], [105.83, 21.605]] }),
      feature({ id: 'odp-1', kind: 'access_point', carrier: 'VNPT', max_mbps: 300 }, point(105.815, 21.605)),
      feature({ id: 'odp-2', carrier: 'Viettel', reach_m: 500 }, point(105.825, 21.605)),
    ]),
    'population.geojson': fc([
      feature({ pop: 10 }, point(105.805, 21.605)),
      feature({ pop: 5.5 }, point(105.815, 21.605)),
      feature({ pop: 0 }, point(105.825, 21.605)),
    ]),
    'pois.geojson': fc([
      feature({ id: 'hq', type: 'commune_hq', name: 'UBND xã' }, point(105.806, 21.606)),
      feature({ type: 'school', name: 'Trường TH' }, point(105.816, 21.606)),
    ]),
    'speedtests.csv':
      'lon,lat,time,kind,tech,carrier,down_mbps,up_mbps,latency_ms\n' +
      '105.805,21.605,2026-09-01T10:00:00+07:00,mobile,4G,Viettel,42.5,12,35\n' +
      '105.815,21.605,2026-09-02,fixed,,VNPT,95,,\n',
    'candidates.geojson': fc([
      feature({ id: 'c1', name: 'Đất UBND', kind: 'public_land', max_height_m: 40 }, point(105.812, 21.607)),
      feature({ id: 'c2', name: 'Trạm cũ' }, point(105.822, 21.607)),
    ]),
  };
}

/** The 127-byte header of a PMTiles v3 archive whose tiles are of `tileType` (1 = MVT, 2 = PNG…). */
export function pmtilesHeader(tileType: number): Uint8Array {
  const head = new Uint8Array(127);
  head.set(new TextEncoder().encode('PMTiles'), 0);
  head[7] = 3;
  head[99] = tileType;
  return head;
}

export async function load(files: Files): Promise<LoadResult> {
  return loadPackage(memorySource('test', files));
}

/** The base package with some files replaced (undefined removes a file). */
export function withFiles(changes: Record<string, string | Uint8Array | undefined>): Files {
  const files = baseFiles();
  for (const [name, content] of Object.entries(changes)) {
    if (content === undefined) delete files[name];
    else files[name] = content;
  }
  return files;
}

/** Formatted error lines of the base package with some files replaced. */
export async function errorsWith(changes: Record<string, string | Uint8Array | undefined>): Promise<string[]> {
  const { problems } = await load(withFiles(changes));
  return problems.filter((p) => p.severity === 'error').map(formatProblem);
}

export async function warningsWith(changes: Record<string, string | Uint8Array | undefined>): Promise<string[]> {
  const { problems } = await load(withFiles(changes));
  return problems.filter((p) => p.severity === 'warning').map(formatProblem);
}

/** hamlets.geojson text with feature i's properties merged with `props`. */
export function hamletsWith(i: number, props: Record<string, unknown>, geometry?: unknown): string {
  const hamlets = baseHamlets();
  const f = hamlets[i]!;
  f.properties = { ...f.properties, ...props };
  if (geometry !== undefined) (f as { geometry: unknown }).geometry = geometry;
  return fc(hamlets);
}
