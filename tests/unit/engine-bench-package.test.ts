// `npm run bench -- --write <dir>` must write a package the loader accepts and that means
// what the benchmark computed: the same fields, the same report. Run on the commune scale
// (the province writes the same way, only larger).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMUNE_SCALE, syntheticPackage } from '../../scripts/bench/synthetic-package.ts';
import { writePackage } from '../../scripts/bench/write-package.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import { METRICS, type DataPackage } from '../../src/lib/engine/types.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function roundTrip(pkg: DataPackage): Promise<DataPackage> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-package-'));
  dirs.push(dir);
  writePackage(pkg, dir);
  const { pkg: loaded, problems } = await loadPackage(fsSource(dir));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(loaded).not.toBeNull();
  return loaded as DataPackage;
}

describe('the benchmark package writer', () => {
  it('writes a package that loads and reports as the one in memory, planned access points and hamlet counts included', async () => {
    const synthetic = syntheticPackage(COMMUNE_SCALE, 1);
    // Regression: access points' on_air_year and hamlets' adult counts used to be dropped,
    // so a planned access point never came on air and e-signature fell back to area.json.
    const pkg: DataPackage = {
      ...synthetic,
      accessPoints: synthetic.accessPoints.map((a, i) => (i % 2 === 0 ? { ...a, status: 'planned', on_air_year: 2027 } : a)),
      hamlets: synthetic.hamlets.map((h) => ({ ...h, households: Math.round(h.population / 4), adults: Math.round(h.population * 0.7), esign_adults: Math.round(h.population * 0.3) })),
    };
    const loaded = await roundTrip(pkg);
    expect(loaded.accessPoints.map((a) => [a.id, a.status, a.on_air_year])).toEqual(pkg.accessPoints.map((a) => [a.id, a.status, a.on_air_year]));
    expect(loaded.hamlets.map((h) => [h.households, h.adults, h.esign_adults])).toEqual(pkg.hamlets.map((h) => [h.households, h.adults, h.esign_adults]));
    for (const year of [null, 2027]) {
      const expected = computeReport(pkg, { year });
      const actual = computeReport(loaded, { year });
      // Coordinates are written to 6 decimals (≈ 0.1 m): a settlement point that close to a
      // reach edge may flip, and each weighs 1/8000 of the people (0.0125 pp).
      for (const metric of METRICS) expect(actual.metrics[metric], `${metric} ${year}`).toBeCloseTo(expected.metrics[metric] as number, 3);
    }
  });

  it('refuses parts of a package it cannot write instead of dropping them', () => {
    const pkg = syntheticPackage({ ...COMMUNE_SCALE, hamletsPerCommune: 3, peoplePerCommune: 30 }, 2);
    const poi = { id: 'hq', type: 'commune_hq' as const, name: 'UBND', lon: 105.56, lat: 21.36 };
    expect(() => writePackage({ ...pkg, pois: [poi] }, join(tmpdir(), 'never-written'))).toThrow('writePackage: cannot write pois');
  });
});
