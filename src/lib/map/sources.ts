// Decides where the map's package layers come from, before the package itself is loaded,
// so the map starts drawing while the engine worker still reads the package:
// - a package with prebuilt tiles (a <id>.json manifest + <id>.pmtiles, from build-data):
//   a PMTiles source, and the manifest's bounds for the first view. The bundled package's
//   are in tiles/; a `?data=` package's are wherever its files.json's `tiles` says;
// - any other package: GeoJSON sources, filled from what the engine worker builds.
// Either way the same layers (layers.ts) draw them.
import type { StyleSpecification } from 'maplibre-gl';
import { FILE_INDEX, indexedFiles, indexedTiles } from '../data/file-index.ts';
import type { Lang } from '../i18n/vocab.ts';
import { pageBasemap } from './basemap-style.ts';
import type { Bbox } from './extents.ts';
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
  /** The fingerprint of the data the tiles were built from (drawnDataFingerprint); null without tiles or when their manifest has none. */
  tilesData: string | null;
  /** The package's basemap.pmtiles drawn under the package layers; null: a plain background. */
  basemapUrl: string | null;
}

/** What build-data writes next to an archive (tiles/README.md). */
interface TilesManifest {
  id: string;
  bounds: Bbox;
  tiles: string;
  data_fingerprint?: string;
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

/** The package's files.json content, or null when it has none (or an unreadable one). */
async function readIndex(packageUrl: string, fetchFn: typeof fetch): Promise<unknown> {
  const index = await fetchOk(`${packageUrl}${FILE_INDEX}`, fetchFn, 'GET');
  return index ? await index.json().catch(() => null) : null;
}

/** Whether the package has a basemap.pmtiles: from its files.json, else asked of the server. */
async function hasBasemap(index: unknown, packageUrl: string, fetchFn: typeof fetch): Promise<boolean> {
  const files = indexedFiles(index);
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
  /**
   * Where the prebuilt tiles' manifest is: an absolute URL (the bundled package's), 'index'
   * (the one the package's files.json names, if any), or null: draw GeoJSON.
   */
  tilesManifestUrl: string | 'index' | null;
  lang: Lang;
  fetchFn?: typeof fetch;
}

/** The map's style and first view for a package, from what its URLs hold. */
export async function mapSetupFor(opts: MapSetupOptions): Promise<MapSetup> {
  const fetchFn = opts.fetchFn ?? fetch;
  const index = await readIndex(opts.packageUrl, fetchFn);
  const fromIndex = indexedTiles(index);
  const manifestUrl =
    opts.tilesManifestUrl === 'index' ? (fromIndex === null ? null : new URL(fromIndex, opts.packageUrl).href) : opts.tilesManifestUrl;
  const [manifest, basemap] = await Promise.all([
    manifestUrl === null ? null : readManifest(manifestUrl, fetchFn),
    hasBasemap(index, opts.packageUrl, fetchFn),
  ]);
  // Looked up rather than read from the loaded package, so the map need not wait for it; a
  // basemap.pmtiles the loader refuses (not vector PMTiles v3) fails the whole package anyway.
  const basemapUrl = basemap ? `${opts.packageUrl}${BASEMAP_FILE}` : null;
  const under = pageBasemap({ basemapUrl, lang: opts.lang });
  if (manifest && manifestUrl !== null) {
    const archiveUrl = new URL(manifest.tiles, manifestUrl).href;
    return {
      style: buildStyle({ staticSources: { [PACKAGE_TILES_SOURCE]: packageTilesSource(archiveUrl) }, refs: pmtilesRefs(PACKAGE_TILES_SOURCE), basemap: under }),
      bounds: manifest.bounds,
      tilesAreaId: manifest.id,
      tilesData: typeof manifest.data_fingerprint === 'string' ? manifest.data_fingerprint : null,
      basemapUrl,
    };
  }
  return { style: buildStyle({ staticSources: geojsonSources(null), refs: GEOJSON_REFS, basemap: under }), bounds: null, tilesAreaId: null, tilesData: null, basemapUrl };
}
