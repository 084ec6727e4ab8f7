// The sample's synthetic basemap (data/namhoa/basemap.pmtiles, written by make-sample from
// scripts/sample/basemap.ts): small, recognised by the loader, in the Protomaps schema the
// app's style reads, and holding what a reader orients by: QL17 through the commune
// centre, the commune roads, a stream, ponds, and the centres' names. area.json says it is
// synthetic. (sample-reproducible.test.ts checks it is what the seeded generator writes.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TileType } from 'pmtiles';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { archiveReader, decodeTile, layerFeatures, tileOf } from '../../src/lib/tiles/fixtures/archive-reader.ts';

const SAMPLE_DIR = fileURLToPath(new URL('../../data/namhoa/', import.meta.url));
const bytes = new Uint8Array(readFileSync(`${SAMPLE_DIR}basemap.pmtiles`));
/** The People's Committee, where QL17 crosses the commune centre (scripts/sample/frame.ts). */
const HQ: [number, number] = [105.9208, 21.6113];

async function featuresAround(z: number, lonLat: [number, number], layer: string) {
  const [x, y] = tileOf(lonLat[0], lonLat[1], z);
  const response = await archiveReader(bytes).getZxy(z, x, y);
  return response ? layerFeatures(decodeTile(response.data), layer).map((f) => f.properties) : [];
}

/** Every feature of `layer` over all the archive's tiles at zoom z. */
async function featuresAt(z: number, layer: string) {
  const archive = archiveReader(bytes);
  const { minLon, minLat, maxLon, maxLat } = await archive.getHeader();
  const [x0, y0] = tileOf(minLon, maxLat, z);
  const [x1, y1] = tileOf(maxLon, minLat, z);
  const all = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const response = await archive.getZxy(z, x, y);
      if (response) all.push(...layerFeatures(decodeTile(response.data), layer).map((f) => f.properties));
    }
  }
  return all;
}

describe('data/namhoa/basemap.pmtiles', () => {
  it('is a small vector archive the loader recognises, and area.json calls it synthetic', async () => {
    expect(bytes.length).toBeLessThan(200 * 1024);
    const header = await archiveReader(bytes).getHeader();
    expect(header.tileType).toBe(TileType.Mvt);
    const { pkg } = await loadPackage(fsSource(SAMPLE_DIR));
    expect(pkg?.hasBasemap).toBe(true);
    expect(pkg?.area.notes).toMatch(/basemap\.pmtiles is a synthetic basemap/);
  });

  it('has only layers the Protomaps style draws', async () => {
    const read = new Set(protomapsLayers('protomaps', namedFlavor('light'), { lang: 'vi' }).flatMap((l) => ('source-layer' in l ? [l['source-layer']] : [])));
    const metadata = (await archiveReader(bytes).getMetadata()) as { vector_layers: Array<{ id: string }> };
    const ids = metadata.vector_layers.map((l) => l.id);
    expect(ids).toEqual(['earth', 'water', 'roads', 'places']);
    expect(ids.filter((id) => !read.has(id))).toEqual([]);
  });

  it('draws QL17 and the commune roads, the stream, the ponds and the centre at the commune view', async () => {
    // The first view of the sample is near zoom 12; roads and names are there from zoom 11.
    for (const z of [11, 12, 14]) {
      const roads = await featuresAround(z, HQ, 'roads');
      expect(roads, `zoom ${z}`).toContainEqual(expect.objectContaining({ kind: 'major_road', ref: 'QL17', 'name:vi': 'Quốc lộ 17' }));
      expect(roads.filter((r) => r.kind === 'minor_road').length, `zoom ${z}`).toBeGreaterThan(0);
      expect(await featuresAround(z, HQ, 'places'), `zoom ${z}`).toContainEqual(expect.objectContaining({ kind: 'locality', 'name:vi': 'Nam Hoà', 'name:en': 'Nam Hoa' }));
    }
    const water = await featuresAt(11, 'water');
    expect(water).toContainEqual(expect.objectContaining({ kind: 'river', 'name:vi': 'Suối Cây Thị' }));
    expect([...new Set(water.filter((w) => w.kind === 'lake').map((w) => w['name:vi']))].sort()).toEqual(['Ao Sen', 'Hồ Cây Thị', 'Đầm Cỏ', 'Đầm Diềm', 'Đầm Ninh']);
  });
});
