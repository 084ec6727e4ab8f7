// The end-to-end fixture tests/fixtures/packages/basemap/ opens as a package with a
// basemap, and its basemap.pmtiles is what scripts/make-basemap-fixture.ts writes: a
// vector PMTiles v3 archive in the Protomaps schema, whose layers and names the
// @protomaps/basemaps style reads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PMTiles, TileType, type Source } from 'pmtiles';
import { PbfReader } from 'pbf';
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { buildBasemapFixture, FIXTURE_PLACE } from '../../scripts/lib/basemap-fixture.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../fixtures/packages/basemap/', import.meta.url));
const committed = new Uint8Array(readFileSync(`${PACKAGE_DIR}basemap.pmtiles`));

function reader(archive: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'fixture',
    getBytes: async (offset, length) => ({ data: archive.slice(offset, offset + length).buffer }),
  };
  return new PMTiles(source);
}

/** The Web-Mercator tile holding a lon/lat (slippy-map formula). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n)];
}

function features(tile: VectorTile, layer: string): VectorTileFeature[] {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

describe('tests/fixtures/packages/basemap', () => {
  it('loads with no problems and a recognised basemap', async () => {
    const { pkg, problems } = await loadPackage(fsSource(PACKAGE_DIR));
    expect(problems).toEqual([]);
    expect(pkg?.hasBasemap).toBe(true);
  });

  it('holds the bytes a fresh run of the generator writes, and stays small', () => {
    const { archive } = buildBasemapFixture((b) => new Uint8Array(gzipSync(b, { level: 9 })));
    expect(Buffer.from(archive).equals(Buffer.from(committed)), 'run `npx tsx scripts/make-basemap-fixture.ts`').toBe(true);
    expect(committed.length).toBeLessThan(200 * 1024);
  });

  it('is a vector archive whose every layer the Protomaps style draws from', async () => {
    const archive = reader(committed);
    const header = await archive.getHeader();
    expect(header.tileType).toBe(TileType.Mvt);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 15]);
    const metadata = (await archive.getMetadata()) as { vector_layers: Array<{ id: string }> };
    const read = new Set(protomapsLayers('protomaps', namedFlavor('light'), { lang: 'vi' }).flatMap((l) => ('source-layer' in l ? [l['source-layer']] : [])));
    const ids = metadata.vector_layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['earth', 'water', 'landuse', 'roads', 'places']));
    expect(ids.filter((id) => !read.has(id))).toEqual([]);
  });

  it('has the village in the tile under it at every zoom the map shows, with its three names', async () => {
    const archive = reader(committed);
    for (const z of [12, 13, 14, 15]) {
      const [x, y] = tileOf(105.898, 21.5035, z);
      const response = await archive.getZxy(z, x, y);
      expect(response, `tile ${z}/${x}/${y}`).toBeDefined();
      const tile = new VectorTile(new PbfReader(new Uint8Array(response?.data ?? new ArrayBuffer(0))));
      expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['earth', 'places']));
      const village = features(tile, 'places').map((f) => f.properties);
      expect(village).toEqual([expect.objectContaining({ kind: 'locality', ...FIXTURE_PLACE })]);
    }
  });
});
