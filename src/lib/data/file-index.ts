// files.json: the list of files a package holds. A package served over HTTP cannot be
// listed, so without it the app asks for every optional file and logs a 404 for each one
// the package lacks. `npm run build-data` and `npm run validate -- --write-index` write it;
// a package without it still loads (every optional file is probed, as before).
// It may also name the package's own prebuilt map tiles (`"tiles": "tiles/<id>.json"`, the
// manifest build-data writes next to `<id>.pmtiles`), so the app draws the package from
// PMTiles instead of GeoJSON the engine worker would build for the whole area.
import type { FileProblems } from './collector.ts';
import { parseJson } from './json.ts';

export const FILE_INDEX = 'files.json';

/** Files that may carry a `<file>.crs` sidecar naming their coordinate system. */
export const VECTOR_FILES = [
  'hamlets.geojson',
  'sites.csv',
  'sites.geojson',
  'coverage.geojson',
  'fiber.geojson',
  'population.geojson',
  'population.csv',
  'pois.geojson',
  'speedtests.csv',
  'candidates.geojson',
] as const;

/** Every file name the loader may read from a package, files.json itself aside. */
export const PACKAGE_FILES: readonly string[] = [
  'area.json',
  'targets.json',
  ...VECTOR_FILES,
  ...VECTOR_FILES.map((name) => `${name}.crs`),
  'history.csv',
  'population.tif',
  'dem.tif',
  'basemap.pmtiles',
];

const KNOWN = new Set(PACKAGE_FILES);

/**
 * The text of files.json for a folder holding `names` (other files are left out), and the
 * path of its tiles manifest relative to the folder, when it has one.
 */
export function fileIndexJson(names: Iterable<string>, tiles: string | null = null): string {
  const files = [...new Set(names)].filter((name) => KNOWN.has(name)).sort();
  return `${JSON.stringify(tiles === null ? { files } : { files, tiles }, null, 2)}\n`;
}

/** The tiles manifest that parsed files.json content names (a relative path), or null. */
export function indexedTiles(value: unknown): string | null {
  const tiles = (value as { tiles?: unknown } | null)?.tiles;
  return typeof tiles === 'string' && tiles.length > 0 ? tiles : null;
}

/** The file names of parsed files.json content, or null when it is not `{"files": [names]}`. */
export function indexedFiles(value: unknown): Set<string> | null {
  const files = (value as { files?: unknown } | null)?.files;
  return Array.isArray(files) && files.every((f) => typeof f === 'string') ? new Set(files) : null;
}

/**
 * The files a package's files.json lists, or null when it cannot be used (each problem
 * reported to `fp`; the loader then probes every file, as without an index).
 */
export function parseFileIndex(text: string, fp: FileProblems): Set<string> | null {
  const parsed = parseJson(text, fp);
  if (!parsed.ok) return null;
  const files = indexedFiles(parsed.value);
  if (!files) {
    fp.error(null, null, 'expected an object {"files": [...]} listing the file names of the package');
    return null;
  }
  for (const name of files) {
    if (!KNOWN.has(name)) fp.warn(null, 'files', `lists ${JSON.stringify(name)}, which is not a data package file; it is ignored`);
  }
  const tiles = (parsed.value as { tiles?: unknown }).tiles;
  if (tiles !== undefined && indexedTiles(parsed.value) === null) {
    fp.warn(null, 'tiles', `got ${JSON.stringify(tiles)}; expected the path of the tiles manifest, e.g. "tiles/<area id>.json"; the map draws the package without tiles`);
  }
  return files;
}

/** Warns where files.json and the folder disagree: the app would see another package than the folder holds. */
export function checkFileIndex(index: ReadonlySet<string>, folder: readonly string[], fp: FileProblems): void {
  const present = folder.filter((name) => KNOWN.has(name));
  const fix = 'run `npm run validate -- <folder> --write-index` (or `npm run build-data`) to rewrite it';
  for (const name of present) {
    if (!index.has(name)) fp.warn(null, 'files', `does not list ${name}, which is in the folder, so it is not read; ${fix}`);
  }
  for (const name of index) {
    if (KNOWN.has(name) && !present.includes(name)) fp.warn(null, 'files', `lists ${name}, which is not in the folder; ${fix}`);
  }
}
