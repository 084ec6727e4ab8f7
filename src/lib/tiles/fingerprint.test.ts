import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadPackage } from '../data/load-package.ts';
import { fsSource } from '../data/node/fs-source.ts';
import type { DataPackage } from '../engine/types.ts';
import { buildTilesArchive } from './build-archive.ts';
import { drawnDataFingerprint } from './fingerprint.ts';

const SAMPLE = fileURLToPath(new URL('../../../data/namhoa', import.meta.url));

async function sample(): Promise<DataPackage> {
  const { pkg } = await loadPackage(fsSource(SAMPLE));
  return pkg!;
}

describe('drawnDataFingerprint', () => {
  it('is the same for the same files read twice, and is what the tiles manifest records', async () => {
    const [a, b] = [await sample(), await sample()];
    expect(drawnDataFingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(drawnDataFingerprint(b)).toBe(drawnDataFingerprint(a));
    expect(buildTilesArchive(a, { gzip: (bytes) => bytes, builtFrom: 'data/namhoa' }).manifest.data_fingerprint).toBe(drawnDataFingerprint(a));
  });

  it('changes with anything the tiles draw, and not with what they leave out', async () => {
    const pkg = await sample();
    const base = drawnDataFingerprint(pkg);
    const [first] = pkg.hamlets;
    const ring = first!.geometry.type === 'Polygon' ? first!.geometry.coordinates[0]! : first!.geometry.coordinates[0]![0]!;
    const moved = structuredClone(ring);
    moved[1] = [moved[1]![0]! + 1e-9, moved[1]![1]!];
    const edits: Array<[string, DataPackage]> = [
      ['a renamed hamlet', { ...pkg, hamlets: [{ ...first!, name: `${first!.name} mới` }, ...pkg.hamlets.slice(1)] }],
      ['a hamlet id', { ...pkg, hamlets: [{ ...first!, id: `${first!.id}x` }, ...pkg.hamlets.slice(1)] }],
      ['a boundary vertex moved by 1e-9°', { ...pkg, hamlets: [{ ...first!, geometry: { type: 'Polygon', coordinates: [moved] } }, ...pkg.hamlets.slice(1)] }],
      ['hamlets in another order', { ...pkg, hamlets: [...pkg.hamlets].reverse() }],
      ['a cell turned', { ...pkg, cells: [{ ...pkg.cells[0]!, azimuth_deg: (pkg.cells[0]!.azimuth_deg ?? 0) + 1 }, ...pkg.cells.slice(1)] }],
      ['a site removed', { ...pkg, cells: pkg.cells.slice(1) }],
      ['an access point removed', { ...pkg, accessPoints: pkg.accessPoints.slice(1) }],
      ['a POI removed', { ...pkg, pois: pkg.pois.slice(1) }],
      ['the area renamed', { ...pkg, area: { ...pkg.area, name: 'Xã khác' } }],
    ];
    for (const [what, edited] of edits) expect(drawnDataFingerprint(edited), what).not.toBe(base);
    // Population points, targets and history are not drawn by the tiles.
    expect(drawnDataFingerprint({ ...pkg, population: null, targets: [], history: [] } as DataPackage)).toBe(base);
  });
});
