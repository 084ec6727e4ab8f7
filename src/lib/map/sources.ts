// Decides where the map's package layers come from, before the package itself is loaded,
// so the map starts drawing while the engine worker still reads the package:
// - the bundled package with prebuilt tiles (tiles/<id>.json manifest + <id>.pmtiles):
//   a PMTiles source, and the manifest's bounds for the first view;
// - any other package (`?data=`): GeoJSON sources, filled from the worker's PackageView.
// Either way the same layers (layers.ts) draw them.
import type { StyleSpecification } from 'maplibre-gl';
import { FILE_INDEX, indexedFiles } from '../data/file-index.ts';
import type { Lang } from '../i18n/vocab.ts';
import { pageBasemap } from './basemap-style.ts';
import type { Bbox } from './features.ts';
import { buildStyle, GEOJSON_REFS, geojsonSources, packageTilesSource, pmtilesRefs } from './style.ts';

const BASEMAP_FILE = 'basemap.pmtiles';

/** Source id of the package's own PMTiles archive. */
export const PACKAGE_TILES_SOURCE = 'package-tiles';

export interface MapSetup {
  style: StyleSpecification;
  /** Where to look first; null until the package says (GeoJSON packages). */
  bounds: Bbox | null;
  /** The area id the prebuilt tiles were made from; null when the map draws GeoJSON. */
  tilesAreaId: string | null;
  /** The package's basemap.pmtiles drawn under the package layers; null: a plain background. */
  basemapUrl: string | null;
}

/** What build-data writes next to an archive (tiles/README.md). */
interface TilesManifest {
  id: string;
  bounds: Bbox;
  tiles: string;
}

async function fetchOk(url: string, fetchFn: typeof fetch, method: 'GET' | 'HEAD'): Promise<Response | null> {
  try {
    const response = await fetchFn(url, { method });
    // Static servers answer a missing file with the app's index.html.
    if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html')) return null;
    return response;
  } catch {
    return null;
  }
}

function isManifest(value: unknown): value is TilesManifest {
  const m = value as Partial<TilesManifest> | null;
  return (
    typeof m?.id === 'string' &&
    typeof m.tiles === 'string' &&
    Array.isArray(m.bounds) &&
    m.bounds.length === 4 &&
    m.bounds.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** Whether the package has a basemap.pmtiles: from its files.json, else asked of the server. */
async function hasBasemap(packageUrl: string, fetchFn: typeof fetch): Promise<boolean> {
  const index = await fetchOk(`${packageUrl}${FILE_INDEX}`, fetchFn, 'GET');
  const files = index ? indexedFiles(await index.json().catch(() => null)) : null;
  if (files) return files.has(BASEMAP_FILE);
  return (await fetchOk(`${packageUrl}${BASEMAP_FILE}`, fetchFn, 'HEAD')) !== null;
}

async function readManifest(url: string, fetchFn: typeof fetch): Promise<TilesManifest | null> {
  const response = await fetchOk(url, fetchFn, 'GET');
  if (!response) return null;
  try {
    const manifest: unknown = await response.json();
    return isManifest(manifest) ? manifest : null;
  } catch {
    return null;
  }
}

export interface MapSetupOptions {
  /** Absolute URL of the package folder, ending in `/`. */
  packageUrl: string;
  /** Absolute URL of the prebuilt tiles' manifest, or null (any `?data=` package). */
  tilesManifestUrl: string | null;
  lang: Lang;
  fetchFn?: typeof fetch;
}

/** The map's style and first view for a package, from what its URLs hold. */
export async function mapSetupFor(opts: MapSetupOptions): Promise<MapSetup> {
  const fetchFn = opts.fetchFn ?? fetch;
  const [manifest, basemap] = await Promise.all([
    opts.tilesManifestUrl === null ? null : readManifest(opts.tilesManifestUrl, fetchFn),
    hasBasemap(opts.packageUrl, fetchFn),
  ]);
  // Looked up rather than read from the loaded package, so the map need not wait for it; a
  // basemap.pmtiles the loader refuses (not vector PMTiles v3) fails the whole package anyway.
  const basemapUrl = basemap ? `${opts.packageUrl}${BASEMAP_FILE}` : null;
  const under = pageBasemap({ basemapUrl, lang: opts.lang });
  if (manifest && opts.tilesManifestUrl !== null) {
    const archiveUrl = new URL(manifest.tiles, opts.tilesManifestUrl).href;
    return {
      style: buildStyle({ staticSources: { [PACKAGE_TILES_SOURCE]: packageTilesSource(archiveUrl) }, refs: pmtilesRefs(PACKAGE_TILES_SOURCE), basemap: under }),
      bounds: manifest.bounds,
      tilesAreaId: manifest.id,
      basemapUrl,
    };
  }
  return { style: buildStyle({ staticSources: geojsonSources(null), refs: GEOJSON_REFS, basemap: under }), bounds: null, tilesAreaId: null, basemapUrl };
}
