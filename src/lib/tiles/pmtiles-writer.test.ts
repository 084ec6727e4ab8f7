import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Compression, TileType, writePmtiles, type PmtilesOptions, type TileInput } from './pmtiles-writer.ts';
import { archiveReader } from './fixtures/archive-reader.ts';

const gzip = (b: Uint8Array) => new Uint8Array(gzipSync(b));

function options(overrides: Partial<PmtilesOptions> = {}): PmtilesOptions {
  return {
    tileType: TileType.Mvt,
    // The reader decompresses tiles as the header says; raw test bytes are stored uncompressed.
    tileCompression: Compression.None,
    internalCompression: Compression.Gzip,
    compress: gzip,
    minZoom: 8,
    maxZoom: 14,
    bounds: [105.71, 21.58, 105.83, 21.69],
    center: [105.77, 21.635, 12],
    metadata: { name: 'test', vector_layers: [{ id: 'hamlets', fields: { name: 'String' } }] },
    ...overrides,
  };
}

/** Deterministic pseudo-random bytes (mulberry32) so tiles differ without being hand-written. */
function seededBytes(seed: number, length: number): Uint8Array {
  let s = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/** Every tile of zooms 8..`maxZoom` in a block around Nam Hoà, each with distinct bytes. */
function blockOfTiles(maxZoom: number, tilesPerSide: (z: number) => number): TileInput[] {
  const tiles: TileInput[] = [];
  for (let z = 8; z <= maxZoom; z++) {
    const x0 = Math.floor(((105.7 + 180) / 360) * 2 ** z);
    const y0 = Math.floor(0.4 * 2 ** z);
    const n = tilesPerSide(z);
    for (let dx = 0; dx < n; dx++) {
      for (let dy = 0; dy < n; dy++) {
        tiles.push({ z, x: x0 + dx, y: y0 + dy, data: seededBytes(tiles.length + 1, 12 + (tiles.length % 7)) });
      }
    }
  }
  return tiles;
}

describe('writePmtiles', () => {
  it('round-trips header, metadata and tile bytes through the pmtiles reader', async () => {
    const tiles = blockOfTiles(12, (z) => Math.min(2 ** (z - 7), 6));
    const archive = writePmtiles(tiles, options());
    const reader = archiveReader(archive);

    const header = await reader.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect(header.tileCompression).toBe(Compression.None);
    expect(header.internalCompression).toBe(Compression.Gzip);
    expect(header.clustered).toBe(true);
    expect([header.minZoom, header.maxZoom]).toEqual([8, 14]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([105.71, 21.58, 105.83, 21.69]);
    expect([header.centerLon, header.centerLat, header.centerZoom]).toEqual([105.77, 21.635, 12]);
    expect(header.numAddressedTiles).toBe(tiles.length);
    expect(header.numTileContents).toBe(tiles.length);
    expect(header.leafDirectoryLength).toBe(0);
    expect(await reader.getMetadata()).toEqual(options().metadata);

    for (const t of tiles) {
      const got = await reader.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(got!.data), `${t.z}/${t.x}/${t.y}`).toEqual(t.data);
    }
    const first = tiles[0]!;
    expect(await reader.getZxy(first.z, first.x + 40, first.y)).toBeUndefined();
  });

  it('stores repeated contents once and merges consecutive repeats into runs', async () => {
    const ocean = seededBytes(7, 30);
    const land = seededBytes(8, 30);
    // Zoom 1's four tiles are ids 1..4 in Hilbert order: (0,0), (0,1), (1,1), (1,0).
    const tiles: TileInput[] = [
      { z: 1, x: 0, y: 0, data: ocean },
      { z: 1, x: 0, y: 1, data: ocean },
      { z: 1, x: 1, y: 1, data: land },
      { z: 1, x: 1, y: 0, data: ocean },
    ];
    const archive = writePmtiles(tiles, options({ minZoom: 1, maxZoom: 1 }));
    const reader = archiveReader(archive);
    const header = await reader.getHeader();
    expect(header.numAddressedTiles).toBe(4);
    expect(header.numTileEntries).toBe(3);
    expect(header.numTileContents).toBe(2);
    expect(header.tileDataLength).toBe(60);
    for (const t of tiles) expect(new Uint8Array((await reader.getZxy(t.z, t.x, t.y))!.data)).toEqual(t.data);
  });

  it('moves entries into leaf directories when the root would not fit, and the reader follows them', async () => {
    const tiles = blockOfTiles(14, (z) => Math.min(2 ** (z - 7), 90));
    expect(tiles.length).toBeGreaterThan(10_000);
    const archive = writePmtiles(tiles, options({ maxRootBytes: 127 + 120 }));
    const reader = archiveReader(archive);
    const header = await reader.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(120);
    expect(header.numAddressedTiles).toBe(tiles.length);
    // Tiles spread over the whole id range, so several different leaves are read.
    for (let i = 0; i < tiles.length; i += 997) {
      const t = tiles[i]!;
      expect(new Uint8Array((await reader.getZxy(t.z, t.x, t.y))!.data), `${t.z}/${t.x}/${t.y}`).toEqual(t.data);
    }
    const last = tiles.at(-1)!;
    expect(new Uint8Array((await reader.getZxy(last.z, last.x, last.y))!.data)).toEqual(last.data);
  });

  it('gives the same bytes for the same tiles in any input order', () => {
    const tiles = blockOfTiles(10, () => 3);
    const a = writePmtiles(tiles, options());
    const b = writePmtiles([...tiles].reverse(), options());
    expect(b).toEqual(a);
  });

  it('rejects a tile given twice, naming it', () => {
    const data = seededBytes(1, 4);
    expect(() =>
      writePmtiles(
        [
          { z: 9, x: 3, y: 4, data },
          { z: 9, x: 3, y: 4, data },
        ],
        options(),
      ),
    ).toThrow('9/3/4');
  });
});
