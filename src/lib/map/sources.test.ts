import { describe, expect, it } from 'vitest';
import { mapSetupFor, PACKAGE_TILES_SOURCE } from './sources.ts';
import { BASEMAP_SOURCE, NEUTRAL_BACKGROUND } from './basemap.ts';
import { BASEMAP_LAYER_PREFIX } from './basemap-style.ts';

const PACKAGE_URL = 'http://127.0.0.1:4173/fixtures/basemap/';

/** A static server holding `files` (path → content type, and body); anything else is the app's index.html, as SPA hosts answer. */
function server(files: Record<string, string | { type: string; body: string }>, asked: string[] = []): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    asked.push(`${init?.method ?? 'GET'} ${url}`);
    const file = files[url];
    if (file === undefined) return new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const { type, body } = typeof file === 'string' ? { type: file, body: null } : file;
    return new Response(body, { status: 200, headers: { 'content-type': type } });
  };
}

const filesJson = (...files: string[]) => ({ type: 'application/json', body: JSON.stringify({ files }) });

describe('mapSetupFor', () => {
  it('draws a package basemap.pmtiles under the package layers, through the pmtiles protocol', async () => {
    const setup = await mapSetupFor({
      packageUrl: PACKAGE_URL,
      tilesManifestUrl: null,
      lang: 'vi',
      fetchFn: server({ [`${PACKAGE_URL}basemap.pmtiles`]: 'application/octet-stream' }),
    });
    expect(setup.basemapUrl).toBe(`${PACKAGE_URL}basemap.pmtiles`);
    expect(setup.style.sources[BASEMAP_SOURCE]).toEqual({ type: 'vector', url: `pmtiles://${PACKAGE_URL}basemap.pmtiles` });
    const ids = setup.style.layers.map((l) => l.id);
    const basemap = ids.filter((id) => id.startsWith(BASEMAP_LAYER_PREFIX));
    expect(basemap).toEqual(expect.arrayContaining([`${BASEMAP_LAYER_PREFIX}earth`, `${BASEMAP_LAYER_PREFIX}places_locality`]));
    // Ground (earth, landuse) under the hamlet choropleth; roads, water and names over it,
    // so they show through the hamlet colours; every basemap layer under the package's
    // coverage, lines, points and labels.
    const at = (id: string) => ids.indexOf(id);
    expect(at('choropleth')).toBeGreaterThan(at(`${BASEMAP_LAYER_PREFIX}landuse_park`));
    for (const over of ['roads_major', 'water', 'water_river', 'places_locality', 'roads_labels_major']) {
      expect(at(`${BASEMAP_LAYER_PREFIX}${over}`), over).toBeGreaterThan(at('choropleth'));
    }
    expect(Math.max(...basemap.map(at))).toBeLessThan(Math.min(...['cov-fiber-fill', 'cov-4g-fill', 'hamlet-fill'].map(at)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses the neutral background when the package has no basemap', async () => {
    const setup = await mapSetupFor({ packageUrl: PACKAGE_URL, tilesManifestUrl: null, lang: 'vi', fetchFn: server({}) });
    expect(setup.basemapUrl).toBeNull();
    expect(setup.style.sources[BASEMAP_SOURCE]).toBeUndefined();
    const backgrounds = setup.style.layers.filter((l) => l.type === 'background');
    expect(backgrounds).toEqual([expect.objectContaining({ paint: { 'background-color': NEUTRAL_BACKGROUND } })]);
  });

  it("takes the basemap from the package's files.json without asking for the archive", async () => {
    const asked: string[] = [];
    const withBasemap = await mapSetupFor({
      packageUrl: PACKAGE_URL,
      tilesManifestUrl: null,
      lang: 'vi',
      fetchFn: server({ [`${PACKAGE_URL}files.json`]: filesJson('area.json', 'basemap.pmtiles') }, asked),
    });
    expect(withBasemap.basemapUrl).toBe(`${PACKAGE_URL}basemap.pmtiles`);
    const without = await mapSetupFor({
      packageUrl: PACKAGE_URL,
      tilesManifestUrl: null,
      lang: 'vi',
      // The archive is on the server, but the index says the package has none.
      fetchFn: server({ [`${PACKAGE_URL}files.json`]: filesJson('area.json'), [`${PACKAGE_URL}basemap.pmtiles`]: 'application/octet-stream' }, asked),
    });
    expect(without.basemapUrl).toBeNull();
    expect(asked).toEqual([`GET ${PACKAGE_URL}files.json`, `GET ${PACKAGE_URL}files.json`]);
  });

  it("draws a ?data= package from the tiles its files.json names, and from GeoJSON without them", async () => {
    const manifest = { id: 'p1', bounds: [105, 21, 106, 22], tiles: 'p1.pmtiles', data_fingerprint: '0123456789abcdef' };
    const files = {
      [`${PACKAGE_URL}files.json`]: { type: 'application/json', body: JSON.stringify({ files: ['area.json'], tiles: 'tiles/p1.json' }) },
      [`${PACKAGE_URL}tiles/p1.json`]: { type: 'application/json', body: JSON.stringify(manifest) },
    };
    const tiled = await mapSetupFor({ packageUrl: PACKAGE_URL, tilesManifestUrl: 'index', lang: 'vi', fetchFn: server(files) });
    expect(tiled.tilesAreaId).toBe('p1');
    expect(tiled.tilesData).toBe('0123456789abcdef');
    expect(tiled.bounds).toEqual([105, 21, 106, 22]);
    expect(tiled.style.sources[PACKAGE_TILES_SOURCE]).toEqual({ type: 'vector', url: `pmtiles://${PACKAGE_URL}tiles/p1.pmtiles`, promoteId: { hamlets: 'id' } });
    // The same package told to draw GeoJSON (its tiles were built from another area).
    const plain = await mapSetupFor({ packageUrl: PACKAGE_URL, tilesManifestUrl: null, lang: 'vi', fetchFn: server(files) });
    expect(plain.tilesAreaId).toBeNull();
    expect(plain.tilesData).toBeNull();
    expect(plain.style.sources[PACKAGE_TILES_SOURCE]).toBeUndefined();
    // An index naming no tiles, or a manifest the server does not have.
    const none = await mapSetupFor({ packageUrl: PACKAGE_URL, tilesManifestUrl: 'index', lang: 'vi', fetchFn: server({ [`${PACKAGE_URL}files.json`]: files[`${PACKAGE_URL}files.json`] }) });
    expect(none.tilesAreaId).toBeNull();
    expect(none.style.sources['pkg-hamlets']).toBeDefined();
  });
});
