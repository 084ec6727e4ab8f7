// Guesses what each layer is in the data package (its role), which of its columns hold the
// package's fields (e.g. TEN_XOM → name, DAN_SO → population) and its coordinate system.
// The user sees these guesses and can change any of them before the package is built.
import type { Layer } from './read.ts';

export const ROLES = ['hamlets', 'sites', 'coverage', 'fiber', 'pois', 'population', 'speedtests', 'candidates', 'ignore'] as const;
export type Role = (typeof ROLES)[number];

/** Package fields the importer maps from a layer's columns, per role. */
export const MAPPED_FIELDS: Partial<Record<Role, readonly string[]>> = {
  hamlets: ['id', 'name', 'population', 'households', 'adults', 'esign_adults'],
  sites: ['id', 'lon', 'lat'],
  speedtests: ['lon', 'lat'],
};

/** Column names (lower case, no diacritics, `_` for separators) that mean a package field. */
const SYNONYMS: Record<string, string[]> = {
  id: ['id', 'ma', 'ma_xom', 'maxom', 'ma_thon', 'ma_ap', 'code', 'ma_cell', 'cell_id'],
  name: ['name', 'ten', 'ten_xom', 'tenxom', 'ten_thon', 'ten_ap'],
  population: ['population', 'dan_so', 'danso', 'so_dan', 'nhan_khau', 'so_nhan_khau', 'popul', 'populati', 'populatio'],
  households: ['households', 'so_ho', 'soho', 'ho_gd', 'so_ho_gd', 'household', 'householdss'],
  adults: ['adults', 'nguoi_lon', 'so_nguoi_lon', 'tren_18'],
  esign_adults: ['esign_adults', 'esign_adul', 'chu_ky_so', 'ky_so'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x', 'kinh_do', 'kinhdo'],
  lat: ['lat', 'latitude', 'y', 'vi_do', 'vido'],
};

/** Lower case, Vietnamese diacritics removed (đ → d), separators as `_`. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const NAME_HINTS: Array<[RegExp, Role]> = [
  [/hamlet|xom|thon|ranh_?gioi|boundar|ap_/, 'hamlets'],
  [/site|bts|tram|cell|sector/, 'sites'],
  [/coverage|phu_?song|vung_phu/, 'coverage'],
  [/fiber|fibre|cap_?quang|ftth|odp/, 'fiber'],
  [/poi|diem|truong|school|ubnd/, 'pois'],
  [/population|dan_?cu|worldpop|hrsl/, 'population'],
  [/speed|toc_?do|ookla/, 'speedtests'],
  [/candidate|ung_?vien|vi_?tri_?moi/, 'candidates'],
];

function geometryKind(layer: Layer): 'polygon' | 'point' | 'line' | 'none' {
  const t = layer.features.find((f) => f.geometry)?.geometry?.type ?? '';
  if (/Polygon/.test(t)) return 'polygon';
  if (/Point/.test(t)) return 'point';
  if (/LineString/.test(t)) return 'line';
  return 'none';
}

/** The role a layer most likely has: by its file name first, then by what it holds. */
export function guessRole(layer: Layer): Role {
  const name = normaliseName(layer.source.split('/').pop() ?? layer.source);
  const fields = new Set(layer.fields.map(normaliseName));
  const has = (f: string) => (SYNONYMS[f] ?? [f]).some((s) => fields.has(s));
  const kind = geometryKind(layer);
  if (layer.kind === 'rows') {
    if (fields.has('down_mbps')) return 'speedtests';
    if (fields.has('tech') || fields.has('carrier') || /site|bts|tram|cell/.test(name)) return 'sites';
    return 'ignore';
  }
  for (const [re, role] of NAME_HINTS) {
    if (!re.test(name)) continue;
    if (role === 'hamlets' && kind !== 'polygon') continue;
    return role;
  }
  if (kind === 'polygon') return fields.has('tech') ? 'coverage' : has('population') ? 'hamlets' : 'ignore';
  if (kind === 'line') return 'fiber';
  if (kind === 'point') {
    if (fields.has('pop')) return 'population';
    if (fields.has('tech')) return 'sites';
    if (fields.has('type')) return 'pois';
  }
  return 'ignore';
}

/** For each package field of the role, the layer column that holds it (null: none found). */
export function guessColumns(fields: readonly string[], role: Role): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of MAPPED_FIELDS[role] ?? []) {
    const synonyms = SYNONYMS[field] ?? [field];
    out[field] = fields.find((c) => normaliseName(c) === field) ?? fields.find((c) => synonyms.includes(normaliseName(c))) ?? null;
  }
  return out;
}
