// The import plan: one entry per layer with its role, column mapping and coordinate
// system. `planImport` makes the guesses; the user may edit the plan; `buildPackage` turns
// it into package files in WGS84 (docs/data-package.md).
import { crsFromGeoJsonMember, parseCrs, WGS84, type Crs } from '../data/crs.ts';
import type { Layer, RawFile } from './read.ts';
import { guessColumns, guessRole, type Role } from './recognise.ts';

/** Coordinate systems the user can pick when a layer does not say (names parseCrs reads). */
export const CRS_CHOICES = [
  'EPSG:4326',
  'VN-2000 / TM-3 106-30',
  'VN-2000 / TM-3 105-45',
  'VN-2000 / TM-3 106-00',
  'VN-2000 / TM-3 105-00',
  'VN-2000 / TM-3 107-00',
  'EPSG:3405',
  'EPSG:3406',
  'EPSG:4756',
  'EPSG:32648',
  'EPSG:32649',
  'EPSG:3857',
] as const;
/** Thái Nguyên's provincial central meridian, 106°30′: the guess for VN-2000 metres. */
const PROVINCE_GUESS = 'VN-2000 / TM-3 106-30';

export interface LayerPlan {
  source: string;
  fields: string[];
  count: number;
  role: Role;
  columns: Record<string, string | null>;
  /** The CRS name: the file's own (.prj) or one of CRS_CHOICES. */
  crs: string;
  /** True when nothing in the files said the CRS and the importer guessed it. */
  crsGuessed: boolean;
}

export interface RawPlan {
  source: string;
  /** The package file name it becomes, or null to leave it out. */
  target: string | null;
}

export interface ImportPlan {
  layers: LayerPlan[];
  raw: RawPlan[];
}

function firstXy(layer: Layer, columns: Record<string, string | null>): [number, number] | null {
  if (layer.kind === 'rows') {
    const row = layer.rows[0];
    const x = Number(row?.[columns.lon ?? 'lon']);
    const y = Number(row?.[columns.lat ?? 'lat']);
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
  }
  for (const f of layer.features) {
    let c: unknown = f.geometry && 'coordinates' in f.geometry ? f.geometry.coordinates : null;
    while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') return [c[0], c[1]];
  }
  return null;
}

function guessCrs(layer: Layer, columns: Record<string, string | null>, member: unknown): { crs: string; guessed: boolean } {
  if (layer.declaredCrs) return { crs: layer.declaredCrs.name, guessed: false };
  if (member !== undefined) return { crs: crsFromGeoJsonMember(member).name, guessed: false };
  const xy = firstXy(layer, columns);
  if (!xy || (Math.abs(xy[0]) <= 180 && Math.abs(xy[1]) <= 90)) return { crs: 'EPSG:4326', guessed: false };
  return { crs: PROVINCE_GUESS, guessed: true };
}

const RAW_NAMES: Array<[RegExp, string]> = [
  [/(^|\/)area\.json$/i, 'area.json'],
  [/(^|\/)targets\.json$/i, 'targets.json'],
  [/(^|\/)history\.csv$/i, 'history.csv'],
  [/\.pmtiles$/i, 'basemap.pmtiles'],
  [/(dem|dtm|elev|srtm|cao_?do)[^/]*\.tiff?$/i, 'dem.tif'],
  [/(pop|dan_?so|worldpop|hrsl)[^/]*\.tiff?$/i, 'population.tif'],
];

/** The guesses for every layer and kept file. */
export function planImport(layers: Layer[], raw: RawFile[]): ImportPlan {
  return {
    layers: layers.map((layer) => {
      const role = guessRole(layer);
      const columns = guessColumns(layer.fields, role);
      const { crs, guessed } = guessCrs(layer, columns, layer.crsMember);
      const count = layer.kind === 'rows' ? layer.rows.length : layer.features.length;
      return { source: layer.source, fields: layer.fields, count, role, columns, crs, crsGuessed: guessed };
    }),
    raw: raw.map((r) => ({ source: r.source, target: RAW_NAMES.find(([re]) => re.test(r.source))?.[1] ?? null })),
  };
}

/** The Crs a plan entry names; null when it is unknown. */
export function resolveCrs(layer: Layer, name: string): Crs | null {
  const member = layer.crsMember;
  if (layer.declaredCrs && layer.declaredCrs.name === name) return layer.declaredCrs;
  if (member !== undefined && crsFromGeoJsonMember(member).name === name) return crsFromGeoJsonMember(member).crs;
  return name === 'EPSG:4326' ? WGS84 : parseCrs(name);
}
