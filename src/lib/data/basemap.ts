// basemap.pmtiles: only recognised here (the map reads it with the pmtiles package). A
// PMTiles v3 archive starts with the 7 bytes "PMTiles" and the version byte 3.
import type { FileProblems } from './collector.ts';

export const PMTILES_HEAD_BYTES = 8;

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
  return true;
}
