// The end-to-end fixture tests/fixtures/packages/basemap/ opens as a package with a
// basemap, and its basemap.pmtiles is what scripts/make-basemap-fixture.ts writes: a
// vector PMTiles v3 archive in the Protomaps schema, whose layers and names the
// @protomaps/basemaps style reads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TileType } from 'pmtiles';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { buildBasemapFixture, FIXTURE_PLACE } from '../../scripts/lib/basemap-fixture.ts';
import { archiveReader, decodeTile, layerFeatures, tileOf } from '../../src/lib/tiles/fixtures/archive-reader.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../fixtures/packages/basemap/', import.meta.url));
const committed = new Uint8Array(readFileSync(`${PACKAGE_DIR}basemap.pmtiles`));

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
    const archive = archiveReader(committed);
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
    const archive = archiveReader(committed);
    for (const z of [12, 13, 14, 15]) {
      const [x, y] = tileOf(105.898, 21.5035, z);
      const response = await archive.getZxy(z, x, y);
      expect(response, `tile ${z}/${x}/${y}`).toBeDefined();
      const tile = decodeTile(response?.data ?? new ArrayBuffer(0));
      expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['earth', 'places']));
      const village = layerFeatures(tile, 'places').map((f) => f.properties);
      expect(village).toEqual([expect.objectContaining({ kind: 'locality', ...FIXTURE_PLACE })]);
    }
  });
});
