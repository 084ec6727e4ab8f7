// basemap.pmtiles: only recognised here (the map reads it with the pmtiles package). A
// PMTiles v3 archive starts with a 127-byte header: the 7 bytes "PMTiles", the version
// byte 3, and at byte 99 the tile type. The map draws it with the Protomaps vector
// style, so only vector tiles (MVT) will show: a raster archive is refused here rather
// than loading as an empty map.
import type { FileProblems } from './collector.ts';

export const PMTILES_HEAD_BYTES = 127;

const TILE_TYPE_AT = 99;
const TILE_TYPES = ['unknown', 'MVT', 'PNG', 'JPEG', 'WebP', 'AVIF'];
const MVT = 1;

export function checkBasemapHead(head: Uint8Array, fp: FileProblems): boolean {
  const magic = String.fromCharCode(...head.subarray(0, 7));
  if (magic !== 'PMTiles') {
    fp.error(null, null, 'does not start with "PMTiles"; expected a PMTiles v3 archive (e.g. made with `pmtiles extract`)');
    return false;
  }
  if (head[7] !== 3) {
    fp.error(null, null, `is PMTiles version ${head[7] ?? 'unknown'}; expected version 3 (convert it with \`pmtiles convert\`)`);
    return false;
  }
  if (head.length < PMTILES_HEAD_BYTES) {
    fp.error(null, null, `is ${head.length} bytes long, shorter than the PMTiles header (${PMTILES_HEAD_BYTES} bytes); expected a whole PMTiles v3 archive`);
    return false;
  }
  const tileType = head[TILE_TYPE_AT]!;
  if (tileType !== MVT) {
    fp.error(null, null, `holds ${TILE_TYPES[tileType] ?? `type ${tileType}`} tiles; expected vector tiles (MVT) in the Protomaps basemap schema`);
    return false;
  }
  return true;
}
