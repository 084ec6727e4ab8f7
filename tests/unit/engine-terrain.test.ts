// Terrain at package level: the report with a flat dem.tif equals the report without one,
// a ridge lowers the shares of the hamlets in its shadow, and the incremental model (the
// app's worker) gives the report the CLI computes from scratch, scenario cells included.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { destination } from '../../src/lib/engine/geodesy.ts';
import { CoverageModel } from '../../src/lib/engine/model.ts';
import { syntheticDem } from '../../src/lib/engine/propagation/terrain/synthetic-dem.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import type { DataPackage, LonLat, Report } from '../../src/lib/engine/types.ts';
import { cell, hamlet, makePackage, point, rect } from './fixtures/engine/builders.ts';

const SAMPLE_DIR = fileURLToPath(new URL('../../data/namhoa', import.meta.url));
/** 0.5 percentage points. */
const SAME_PP = 0.005;

function expectSameFigures(a: Report, b: Report, tolerance: number): void {
  for (const [metric, value] of Object.entries(a.metrics)) {
    const other = b.metrics[metric as keyof Report['metrics']];
    if (value === null) expect(other, metric).toBeNull();
    else expect(Math.abs(value - (other as number)), metric).toBeLessThanOrEqual(tolerance);
  }
  a.hamlets.forEach((h, i) => {
    for (const [key, share] of Object.entries(h.share)) {
      const other = b.hamlets[i]?.share[key as keyof typeof h.share];
      if (share === null) expect(other).toBeNull();
      else expect(Math.abs(share - (other as number)), `${h.id} ${key}`).toBeLessThanOrEqual(tolerance);
    }
  });
}

describe('data/namhoa with a flat dem.tif', () => {
  let sample: DataPackage;
  beforeAll(async () => {
    const { pkg } = await loadPackage(fsSource(SAMPLE_DIR));
    sample = pkg!;
  });

  it.each([null, 2026, 2030])('gives the report of the package without a DEM within 0.5 pp (year %s)', (year) => {
    const centre: LonLat = [105.93, 21.63];
    const flatDem = syntheticDem(centre, 12_000, 30, () => 35);
    const withoutDem = computeReport({ ...sample, dem: null }, { year });
    const withFlatDem = computeReport({ ...sample, dem: flatDem }, { year });
    expectSameFigures(withoutDem, withFlatDem, SAME_PP);
  });
});

describe('a ridge in a package', () => {
  // A cell in the west; hamlet "open" 1.5 km west of it, hamlet "shadow" 1.5 km east, behind
  // a north–south ridge 1 km east of the site.
  const site: LonLat = [105.92, 21.61];
  const square = (centre: LonLat, id: string) => {
    const [w, s] = destination(centre, 225, 300 * Math.SQRT2);
    const [e, n] = destination(centre, 45, 300 * Math.SQRT2);
    return hamlet(id, rect(w, s, e, n));
  };
  const eastCentre = destination(site, 90, 1600);
  const westCentre = destination(site, 270, 1600);
  const people = [eastCentre, westCentre].flatMap(([lon, lat]) =>
    [-0.002, 0, 0.002].flatMap((dx) => [-0.002, 0, 0.002].map((dy) => point(lon + dx, lat + dy, 10))),
  );
  const pkg = (dem: DataPackage['dem']) =>
    makePackage({
      hamlets: [square(westCentre, 'open'), square(eastCentre, 'shadow')],
      cells: [cell({ id: 'c', lon: site[0], lat: site[1], range_m: null, band_mhz: 1800, height_m: 30, eirp_dbm: 60 })],
      population: people,
      dem,
    });
  const flatDem = syntheticDem(site, 5000, 30, () => 40);
  const ridgeDem = syntheticDem(site, 5000, 30, (east) => 40 + 90 * Math.exp(-(((east - 1000) / 120) ** 2)));

  it('lowers the covered share of the hamlet in its shadow and leaves the other as it was', () => {
    const flatShares = computeReport(pkg(flatDem), { year: null }).hamlets.map((h) => h.share['4g']);
    const ridgeShares = computeReport(pkg(ridgeDem), { year: null }).hamlets.map((h) => h.share['4g']);
    expect(flatShares).toEqual([1, 1]);
    expect(ridgeShares[0]).toBe(1);
    expect(ridgeShares[1]).toBe(0);
  });

  it('the uniform model (no population points) sees the shadow too', () => {
    const uniform = { ...pkg(ridgeDem), population: null };
    const shares = computeReport(uniform, { year: null }).hamlets.map((h) => h.share['4g'] as number);
    expect(shares[0]).toBeGreaterThan(0.99);
    expect(shares[1]).toBeLessThan(0.01);
  });

  it('the incremental model gives the report computeReport gives, with a scenario cell added and moved over the ridge', () => {
    const base = pkg(ridgeDem);
    const candidate = cell({ id: 'k', lon: eastCentre[0], lat: eastCentre[1] + 0.01, range_m: null, status: 'candidate' });
    const model = new CoverageModel(base, { year: null });
    model.addCell(candidate);
    expectSameFigures(model.report(), computeReport(base, { year: null, extraCells: [candidate] }), 1e-12);
    const moved = { ...candidate, lon: westCentre[0], lat: westCentre[1] };
    model.moveCell('k', moved.lon, moved.lat);
    expectSameFigures(model.report(), computeReport(base, { year: null, extraCells: [moved] }), 1e-12);
  });
});
