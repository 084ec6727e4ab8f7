// Terrain-aware prediction benchmark (npm run bench:terrain [-- --seed N]) on the sample
// package data/namhoa and its 1″ (≈ 30 m) dem.tif. Prints: one cell's prediction (cold,
// per cell type), every predicted cell of the sample (fresh cache), and a dragged candidate:
// per-move time of CoverageModel.moveCell + report() (what the worker does per drag frame)
// and the update rate that gives. Moves are seeded random walks of 20–120 m, so runs are
// comparable; wall-clock figures on a shared machine are noisy: compare runs, not numbers.
import { loadPackage } from '../src/lib/data/load-package.ts';
import { fsSource } from '../src/lib/data/node/fs-source.ts';
import { destination } from '../src/lib/engine/geodesy.ts';
import { CoverageModel } from '../src/lib/engine/model.ts';
import { predictTerrainCoverage, Terrain } from '../src/lib/engine/propagation/terrain/index.ts';
import { computeReport } from '../src/lib/engine/report.ts';
import type { Cell, DataPackage } from '../src/lib/engine/types.ts';
import { mulberry32 } from './lib/prng.ts';

const args = process.argv.slice(2);
const seedArg = args.indexOf('--seed');
const seed = Number(seedArg >= 0 ? args[seedArg + 1] : 1);
const DIR = 'data/namhoa';
const MOVES = 60;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? Number.NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const { pkg, problems } = await loadPackage(fsSource(DIR));
if (!pkg?.dem) {
  console.error(`bench:terrain: ${DIR} did not load with a dem.tif (${problems.length} problems)`);
  process.exit(1);
}
const dem = pkg.dem;
const predicted = pkg.cells.filter((c) => c.range_m === null);
console.log(`${DIR}: DEM ${dem.width} × ${dem.height}, ${predicted.length} of ${pkg.cells.length} cells predicted (no range_m), seed ${seed}`);

const inputOf = (c: Cell) => ({
  tech: c.tech, bandMHz: c.band_mhz, heightM: c.height_m, eirpDbm: c.eirp_dbm, center: [c.lon, c.lat] as [number, number],
  azimuthDeg: c.azimuth_deg, beamwidthDeg: c.azimuth_deg === null ? 360 : c.beamwidth_deg,
});

// Warm up the JIT on a throwaway terrain, so "one cell" means a steady-state prediction.
{
  const warm = new Terrain(dem);
  for (const c of predicted.slice(0, 6)) predictTerrainCoverage(inputOf(c), warm).footprint();
}

// One cell of each kind, cold cache (a new Terrain each time): prediction, then its contour.
console.log('\nOne cell (median of 7 cold runs; prediction + contour polygon):');
const kinds = new Map<string, Cell>();
for (const c of predicted) kinds.set(`${c.tech} ${c.band_mhz} MHz ${c.azimuth_deg === null ? 'omni' : 'sector'}`, c);
for (const [kind, c] of kinds) {
  const predictMs: number[] = [], contourMs: number[] = [];
  let pixels = 0;
  for (let i = 0; i < 7; i++) {
    const terrain = new Terrain(dem);
    const t0 = performance.now();
    const coverage = predictTerrainCoverage(inputOf(c), terrain);
    const t1 = performance.now();
    coverage.footprint();
    contourMs.push(performance.now() - t1);
    predictMs.push(t1 - t0);
    pixels = coverage.cols * coverage.rows;
  }
  console.log(`  ${kind.padEnd(22)} ${ms(median(predictMs)).padStart(9)} + ${ms(median(contourMs)).padStart(8)}  (${pixels} pixels of 30 m, e.g. ${c.id})`);
}

// All predicted cells of the sample, fresh package objects so nothing is cached.
console.log('\nAll sample cells (fresh package, median of 3):');
const allMs: number[] = [], reportMs: number[] = [];
for (let i = 0; i < 3; i++) {
  const terrain = new Terrain(dem);
  const t0 = performance.now();
  for (const c of predicted) predictTerrainCoverage(inputOf(c), terrain).footprint();
  allMs.push(performance.now() - t0);
  const fresh: DataPackage = { ...pkg, dem: { ...dem } };
  const t1 = performance.now();
  computeReport(fresh, { year: 2030 });
  reportMs.push(performance.now() - t1);
}
const flatStart = performance.now();
computeReport({ ...pkg, dem: null }, { year: 2030 });
const flatMs = performance.now() - flatStart;
console.log(`  ${predicted.length} cells predicted + contoured: ${ms(median(allMs))}`);
console.log(`  full report (2030) from a fresh package: ${ms(median(reportMs))} with terrain, ${ms(flatMs)} flat (same run)`);

// A dragged candidate: 4G 1800 MHz 3-sector layer's boresight cell and a 5G n78 cell, random walk near the centre.
console.log(`\nDragged candidate (${MOVES} moves of 20–120 m; moveCell + report, as the worker per drag frame):`);
const rand = mulberry32(seed);
for (const candidate of [
  { tech: '4G', band_mhz: 1800, azimuth_deg: 45, beamwidth_deg: 65, eirp_dbm: 60 },
  { tech: '4G', band_mhz: 900, azimuth_deg: null, beamwidth_deg: 360, eirp_dbm: 60 },
  { tech: '5G', band_mhz: 3500, azimuth_deg: 45, beamwidth_deg: 65, eirp_dbm: 68 },
] as const) {
  const fresh: DataPackage = { ...pkg, dem: { ...dem } };
  const model = new CoverageModel(fresh, { year: 2026 });
  let at: [number, number] = [105.935, 21.625];
  const cell: Cell = {
    id: 'drag', site_id: 'drag', name: 'drag', carrier: 'Viettel', lon: at[0], lat: at[1], tech: candidate.tech, band_mhz: candidate.band_mhz,
    height_m: 30, azimuth_deg: candidate.azimuth_deg, beamwidth_deg: candidate.beamwidth_deg, eirp_dbm: candidate.eirp_dbm, range_m: null, status: 'candidate', on_air_year: null,
  };
  model.addCell(cell);
  model.report();
  const moveMs: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    at = destination(at, rand() * 360, 20 + rand() * 100);
    const t0 = performance.now();
    model.moveCell('drag', at[0], at[1]);
    model.report();
    moveMs.push(performance.now() - t0);
  }
  const med = median(moveMs);
  console.log(`  ${`${candidate.tech} ${candidate.band_mhz} MHz ${candidate.azimuth_deg === null ? 'omni' : 'sector'}`.padEnd(22)} median ${ms(med)}, p95 ${ms(p95(moveMs))} ⇒ ${(1000 / med).toFixed(0)} updates/s`);
}
