import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TileType } from 'pmtiles';
import type { Point } from 'geojson';
import { buildTilesArchive } from './build-archive.ts';
import { TILE_LAYER_IDS, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from './layers.ts';
import { smallPackage } from './fixtures/small-package.ts';
import { archiveReader, decodeTile, layerFeatures, tileOf } from './fixtures/archive-reader.ts';

const gzip = (b: Uint8Array) => new Uint8Array(gzipSync(b));

describe('buildTilesArchive', () => {
  const built = buildTilesArchive(smallPackage(), { gzip, builtFrom: 'fixtures/tiny' });

  it('writes an MVT archive whose header and metadata describe the package', async () => {
    const archive = archiveReader(built.archive);
    const header = await archive.getHeader();
    expect(header.tileType).toBe(TileType.Mvt);
    expect([header.minZoom, header.maxZoom]).toEqual([TILE_MIN_ZOOM, TILE_MAX_ZOOM]);
    expect(header.minLon).toBeCloseTo(105.7, 6);
    expect(header.maxLon).toBeCloseTo(105.76, 6);
    expect(header.minLat).toBeCloseTo(21.6, 6);
    expect(header.maxLat).toBeCloseTo(21.64, 6);
    expect(header.numAddressedTiles).toBe(built.tileCount);
    const metadata = (await archive.getMetadata()) as { vector_layers: { id: string }[] };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(TILE_LAYER_IDS);
    expect(built.manifest).toMatchObject({ id: 'tiny', tiles: 'tiny.pmtiles', built_from: 'fixtures/tiny' });
  });

  it('has a tile at every zoom where the sector site stands, with its properties and position', async () => {
    const archive = archiveReader(built.archive);
    for (let z = TILE_MIN_ZOOM; z <= TILE_MAX_ZOOM; z++) {
      const [x, y] = tileOf(105.705, 21.615, z);
      const response = await archive.getZxy(z, x, y);
      expect(response, `tile ${z}/${x}/${y}`).toBeDefined();
      const tile = decodeTile(response!.data);
      expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['hamlets', 'commune', 'sites']));
      const sector = layerFeatures(tile, 'sites').find((f) => f.properties.id === 'S1-1');
      expect(sector?.properties).toMatchObject({ site_id: 'S1', tech: '5G', azimuth_deg: 120, carrier: 'Viettel' });
      const [lon, lat] = (sector!.toGeoJSON(x, y, z).geometry as Point).coordinates;
      // One tile unit at zoom 8 is ~10 m; at zoom 15 under 0.1 m.
      expect(lon).toBeCloseTo(105.705, 3);
      expect(lat).toBeCloseTo(21.615, 3);
    }
  });

  it('leaves out tiles where the package has nothing', async () => {
    const [x, y] = tileOf(105.9, 21.8, 14);
    expect(await archiveReader(built.archive).getZxy(14, x, y)).toBeUndefined();
  });

  it('gives the same bytes for the same package', () => {
    const again = buildTilesArchive(smallPackage(), { gzip, builtFrom: 'fixtures/tiny' });
    expect(again.archive).toEqual(built.archive);
  });
});
