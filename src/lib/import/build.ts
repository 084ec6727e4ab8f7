// An edited import plan → the data package's files, in WGS84 and with the package's field
// names. Validation is the package loader's (loadPackage), run on the result.
import Papa from 'papaparse';
import type { Feature, Geometry, Position } from 'geojson';
import type { Crs } from '../data/crs.ts';
import type { Layer, RawFile } from './read.ts';
import { resolveCrs, type ImportPlan } from './plan.ts';
import type { Role } from './recognise.ts';

const PACKAGE_FILE: Record<Exclude<Role, 'ignore'>, string> = {
  hamlets: 'hamlets.geojson',
  sites: 'sites.csv',
  coverage: 'coverage.geojson',
  fiber: 'fiber.geojson',
  pois: 'pois.geojson',
  population: 'population.geojson',
  speedtests: 'speedtests.csv',
  candidates: 'candidates.geojson',
};

export interface BuildResult {
  files: Record<string, Uint8Array>;
  /** Problems of the import itself (role conflicts, unknown CRS); the loader adds its own. */
  problems: string[];
  /** Package file name → the dropped file it was made from. */
  from: Record<string, string>;
}

/** 7 decimals of a degree: about 1 cm. */
const round = (v: number): number => Math.round(v * 1e7) / 1e7;

function convertPosition(p: Position, crs: Crs): Position {
  const [x, y] = crs.toWgs84(p[0] ?? NaN, p[1] ?? NaN);
  return [round(x), round(y)];
}

function convertGeometry(g: Geometry, crs: Crs): Geometry {
  const map = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? convertPosition(c as Position, crs) : Array.isArray(c) ? c.map(map) : c);
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => convertGeometry(x, crs)) };
  return { ...g, coordinates: map(g.coordinates) } as Geometry;
}

/** Properties with mapped columns under their package names; other columns kept as they are. */
function renamed(props: Record<string, unknown>, columns: Record<string, string | null>): Record<string, unknown> {
  const mappedFrom = new Set(Object.values(columns).filter((c): c is string => c !== null));
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) if (column !== null && column in props) out[field] = props[column];
  for (const [k, v] of Object.entries(props)) if (!mappedFrom.has(k) && !(k in out)) out[k] = v;
  return out;
}

const encoder = new TextEncoder();

function featuresFile(layer: Layer, columns: Record<string, string | null>, crs: Crs): Uint8Array {
  const features: Feature[] = layer.features.map((f) => ({
    type: 'Feature',
    properties: renamed(f.properties ?? {}, columns),
    geometry: f.geometry && (crs.isWgs84 ? f.geometry : convertGeometry(f.geometry, crs)),
  }));
  return encoder.encode(`{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
}

function rowsFile(layer: Layer, columns: Record<string, string | null>, crs: Crs): Uint8Array {
  const rows = layer.rows.map((row) => {
    const out = renamed(row, columns) as Record<string, string>;
    const x = Number(out.lon);
    const y = Number(out.lat);
    // Only numbers are converted: a bad cell stays as it was for the loader to name.
    if (!crs.isWgs84 && out.lon !== undefined && out.lat !== undefined && out.lon !== '' && Number.isFinite(x) && Number.isFinite(y)) {
      const [lon, lat] = crs.toWgs84(x, y);
      out.lon = String(round(lon));
      out.lat = String(round(lat));
    }
    return out;
  });
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return encoder.encode(Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) }) + '\n');
}

export function buildPackage(layers: Layer[], raw: RawFile[], plan: ImportPlan): BuildResult {
  const files: Record<string, Uint8Array> = {};
  const from: Record<string, string> = {};
  const problems: string[] = [];
  const put = (name: string, source: string, bytes: Uint8Array): void => {
    if (from[name]) {
      problems.push(`error: ${source} and ${from[name]} are both taken as ${name}; expected one file per role (set the other to "ignore")`);
      return;
    }
    from[name] = source;
    files[name] = bytes;
  };
  plan.layers.forEach((p, i) => {
    const layer = layers[i];
    if (!layer || p.role === 'ignore') return;
    // Sites drawn as map points (KML, GeoJSON) are sites.geojson; a table is sites.csv.
    const target = p.role === 'sites' && layer.kind === 'features' ? 'sites.geojson' : PACKAGE_FILE[p.role];
    const crs = resolveCrs(layer, p.crs);
    if (!crs) {
      problems.push(`error: ${p.source}: coordinate system ${JSON.stringify(p.crs)} is unknown; expected one of ${layer.declaredCrs ? layer.declaredCrs.name + ', ' : ''}VN-2000 / TM-3 <meridian>, EPSG:4326…`);
      return;
    }
    for (const [field, column] of Object.entries(p.columns)) {
      if (column !== null && !layer.fields.includes(column)) problems.push(`error: ${p.source}: column ${JSON.stringify(column)} chosen for ${field} does not exist; expected one of ${layer.fields.join(', ')}`);
    }
    if (layer.kind === 'rows' && !target.endsWith('.csv')) {
      problems.push(`error: ${p.source}: a table cannot be ${target}; expected a map layer (GeoJSON, KML, Shapefile)`);
      return;
    }
    put(target, p.source, layer.kind === 'rows' ? rowsFile(layer, p.columns, crs) : featuresFile(layer, p.columns, crs));
  });
  plan.raw.forEach((p, i) => {
    const file = raw[i];
    if (file && p.target) put(p.target, p.source, file.bytes);
  });
  files['files.json'] = encoder.encode(JSON.stringify({ files: Object.keys(files).sort() }, null, 2) + '\n');
  return { files, problems, from };
}
