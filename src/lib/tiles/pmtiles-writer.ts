// A PMTiles v3 archive writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
// The `pmtiles` npm package only reads archives and no maintained JS writer exists, so
// this follows the spec and go-pmtiles' layout: header, root directory, metadata, leaf
// directories, tile data, with tile contents deduplicated and stored in tile-id order
// (clustered). Pure: compression is injected so it runs in Node and in the browser.
import { Compression, TileType, zxyToTileId, type Entry } from 'pmtiles';

export { Compression, TileType };

/** One tile's bytes, already compressed as `tileCompression` says. */
export interface TileInput {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface PmtilesOptions {
  tileType: TileType;
  tileCompression: Compression;
  /** How directories and metadata are compressed; `compress` must produce exactly this. */
  internalCompression: Compression;
  compress: (bytes: Uint8Array) => Uint8Array;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom]: where a viewer opens. */
  center: [number, number, number];
  /** The JSON metadata (for vector tiles it should carry `vector_layers`). */
  metadata: Record<string, unknown>;
  /** Byte budget for header + root directory; the spec's 16,384 unless a test forces leaves. */
  maxRootBytes?: number;
}

const HEADER_BYTES = 127;
const SPEC_ROOT_BYTES = 16_384;
const MIN_LEAF_ENTRIES = 4096;

/** Serialises tiles into a PMTiles v3 archive; same tiles and options ⇒ same bytes. */
export function writePmtiles(tiles: readonly TileInput[], opts: PmtilesOptions): Uint8Array {
  const sorted = tiles
    .map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), tile: t }))
    .sort((a, b) => a.tileId - b.tileId);
  const { entries, contents, dataBytes } = layOutTileData(sorted);

  const rootBudget = (opts.maxRootBytes ?? SPEC_ROOT_BYTES) - HEADER_BYTES;
  const { root, leaves } = buildDirectories(entries, rootBudget, opts.compress);
  const metadata = opts.compress(new TextEncoder().encode(JSON.stringify(opts.metadata)));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const out = new Uint8Array(dataOffset + dataBytes);

  const [west, south, east, north] = opts.bounds;
  const [centerLon, centerLat, centerZoom] = opts.center;
  const header = new DataView(out.buffer, 0, HEADER_BYTES);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const u64 = (at: number, n: number) => header.setBigUint64(at, BigInt(n), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, dataBytes);
  u64(72, tiles.length);
  u64(80, entries.length);
  u64(88, contents.length);
  header.setUint8(96, 1); // clustered: contents are written in tile-id order
  header.setUint8(97, opts.internalCompression);
  header.setUint8(98, opts.tileCompression);
  header.setUint8(99, opts.tileType);
  header.setUint8(100, opts.minZoom);
  header.setUint8(101, opts.maxZoom);
  const e7 = (at: number, deg: number) => header.setInt32(at, Math.round(deg * 1e7), true);
  e7(102, west);
  e7(106, south);
  e7(110, east);
  e7(114, north);
  header.setUint8(118, centerZoom);
  e7(119, centerLon);
  e7(123, centerLat);

  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  out.set(leaves, leavesOffset);
  let at = dataOffset;
  for (const content of contents) {
    out.set(content, at);
    at += content.length;
  }
  return out;
}

interface Laid {
  entries: Entry[];
  /** Distinct tile contents in the order they sit in the tile data section. */
  contents: Uint8Array[];
  dataBytes: number;
}

/** Deduplicates contents and merges runs of consecutive ids with the same content. */
function layOutTileData(sorted: readonly { tileId: number; tile: TileInput }[]): Laid {
  const entries: Entry[] = [];
  const contents: Uint8Array[] = [];
  const offsetsByHash = new Map<number, { offset: number; data: Uint8Array }[]>();
  let dataBytes = 0;
  let previousId = -1;
  for (const { tileId, tile } of sorted) {
    if (tileId === previousId) {
      throw new Error(`PMTiles writer: tile ${tile.z}/${tile.x}/${tile.y} is given twice; expected each tile once`);
    }
    previousId = tileId;
    const hash = fnv1a(tile.data);
    const sameHash = offsetsByHash.get(hash) ?? [];
    let offset = sameHash.find((c) => bytesEqual(c.data, tile.data))?.offset;
    if (offset === undefined) {
      offset = dataBytes;
      sameHash.push({ offset, data: tile.data });
      offsetsByHash.set(hash, sameHash);
      contents.push(tile.data);
      dataBytes += tile.data.length;
    }
    const last = entries.at(-1);
    if (last && last.offset === offset && last.tileId + last.runLength === tileId) {
      last.runLength += 1;
    } else {
      entries.push({ tileId, offset, length: tile.data.length, runLength: 1 });
    }
  }
  return { entries, contents, dataBytes };
}

/** Fits the root in its budget, moving entries into leaf directories when it must. */
function buildDirectories(
  entries: readonly Entry[],
  rootBudget: number,
  compress: (bytes: Uint8Array) => Uint8Array,
): { root: Uint8Array; leaves: Uint8Array } {
  const single = compress(serializeDirectory(entries));
  if (single.length <= rootBudget) return { root: single, leaves: new Uint8Array(0) };

  // As go-pmtiles does: the root holds only leaf pointers; leaves grow until it fits.
  let leafEntries = Math.max(MIN_LEAF_ENTRIES, Math.ceil(entries.length / 3500));
  for (;;) {
    const pointers: Entry[] = [];
    const leafParts: Uint8Array[] = [];
    let leavesBytes = 0;
    for (let i = 0; i < entries.length; i += leafEntries) {
      const chunk = entries.slice(i, i + leafEntries);
      const leaf = compress(serializeDirectory(chunk));
      pointers.push({ tileId: chunk[0]!.tileId, offset: leavesBytes, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      leavesBytes += leaf.length;
    }
    const root = compress(serializeDirectory(pointers));
    if (root.length <= rootBudget) return { root, leaves: concat(leafParts, leavesBytes) };
    if (pointers.length === 1) {
      throw new Error(`PMTiles writer: a root directory of one entry needs ${root.length} bytes, over the budget of ${rootBudget}`);
    }
    leafEntries = Math.ceil(leafEntries * 1.2);
  }
}

/** The spec's directory encoding: count, then columns of id deltas, run lengths, lengths, offsets. */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = i > 0 ? entries[i - 1] : undefined;
    // 0 means "right after the previous entry's bytes", which keeps clustered archives small.
    writeVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** Unsigned LEB128; arithmetic rather than bit operators because ids exceed 32 bits. */
function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function concat(parts: readonly Uint8Array[], totalBytes: number): Uint8Array {
  const out = new Uint8Array(totalBytes);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
