// Coverage engine benchmark (npm run bench [-- --write <dir>] [--seed N]).
// Seeded synthetic packages at commune and province scale; prints the full computation,
// one-cell drag updates, memory, and the naive Turf overlay in the same run as baseline.
// Wall-clock figures on a shared machine are noisy: compare runs, not single numbers.
import v8 from 'node:v8';
import vm from 'node:vm';
import { destination } from '../src/lib/engine/geodesy.ts';
import { CoverageModel } from '../src/lib/engine/model.ts';
import { computeReport } from '../src/lib/engine/report.ts';
import type { Cell, DataPackage, Report } from '../src/lib/engine/types.ts';
import { NAIVE_KEYS, naiveUniformShares } from '../tests/unit/fixtures/engine/naive-overlay.ts';
import { COMMUNE_SCALE, PROVINCE_SCALE, syntheticPackage } from './bench/synthetic-package.ts';
import { mulberry32 } from './lib/prng.ts';
import { writePackage } from './bench/write-package.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const writeDir = argValue('--write');
const seed = Number(argValue('--seed') ?? 1);
if (args.includes('--write') && (!writeDir || writeDir.startsWith('--'))) {
  console.error('bench: --write needs a directory, e.g. npm run bench -- --write /tmp/province');
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`bench: --seed ${argValue('--seed')} is not an integer`);
  process.exit(2);
}
const MB = 1024 * 1024;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

function describe(name: string, pkg: DataPackage): void {
  const people = pkg.hamlets.reduce((s, h) => s + h.population, 0);
  console.log(`\n== ${name}: ${pkg.hamlets.length} hamlets, ${pkg.cells.length} cells, ${pkg.accessPoints.length} access points, ${people.toLocaleString('en')} people, ${(pkg.population?.pop.length ?? 0).toLocaleString('en')} population points`);
}

/**
 * The engine keeps its per-package indexes and footprints (contextFor, packageItems) keyed
 * by the package object; a shallow copy is a new package to it, so a run on it starts
 * from scratch, as the first computation after loading does.
 */
const fresh = (pkg: DataPackage): DataPackage => ({ ...pkg });

/** Median wall time of computeReport from scratch, and the memory one run allocates (heap + typed arrays, no GC inside it). */
function fullRuns(pkg: DataPackage, runs: number): { ms: number; allocMB: number; report: Report } {
  computeReport(fresh(pkg), { year: null });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = fresh(pkg);
    times.push(timed(() => computeReport(run, { year: null }))[1]);
  }
  gc();
  const before = usedBytes();
  const report = computeReport(fresh(pkg), { year: null });
  return { ms: median(times), allocMB: (usedBytes() - before) / MB, report };
}

/** JS heap plus typed-array memory, bytes. */
const usedBytes = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Memory (MB) that `build`'s result keeps alive: after a full GC, with it versus before it. */
function retainedMB(build: () => unknown): number {
  gc();
  const before = usedBytes();
  const kept = build();
  gc();
  const after = usedBytes();
  return kept ? (after - before) / MB : 0;
}

// Half a second of dragging at 60 frames per second: enough for V8 to optimise the drag path.
const WARM_UP_MOVES = 30;

/** Where the dragged candidate starts: a settlement point, the same for both population models. */
function dragStart(pkg: DataPackage): { lon: number; lat: number } {
  const points = pkg.population;
  if (!points?.pop.length) return { lon: pkg.cells[0]?.lon ?? 0, lat: pkg.cells[0]?.lat ?? 0 };
  const i = Math.floor(mulberry32(seed * 13)() * points.pop.length);
  return { lon: points.lon[i]!, lat: points.lat[i]! };
}
const DRAG_MOVES = 100;

/** A candidate cell (predicted reach, as the planner places them) dragged 20–300 m at a time; the first moves only warm up the JIT. */
function dragRuns(pkg: DataPackage, moves: number, start: { lon: number; lat: number }): { median: number; p95: number; buildMs: number; modelMB: number } {
  const random = mulberry32(seed * 31 + pkg.hamlets.length);
  const candidate: Cell = {
    id: 'bench-candidate', site_id: 'bench-candidate', name: 'candidate', carrier: 'VNPT', lon: start.lon, lat: start.lat, tech: '4G',
    band_mhz: 1800, height_m: 30, azimuth_deg: 45, beamwidth_deg: 65, eirp_dbm: 60, range_m: null, status: 'candidate', on_air_year: null,
  };
  const modelPkg = fresh(pkg);
  const [model, buildMs] = timed(() => new CoverageModel(modelPkg, { year: null }));
  model.addCell(candidate);
  model.report();
  const times: number[] = [];
  let at: [number, number] = [candidate.lon, candidate.lat];
  for (let i = 0; i < WARM_UP_MOVES + moves; i++) {
    at = destination(at, random() * 360, 20 + random() * 280);
    const next = at;
    const ms = timed(() => {
      model.moveCell(candidate.id, next[0], next[1]);
      return model.report();
    })[1];
    if (i >= WARM_UP_MOVES) times.push(ms);
  }
  const modelMB = retainedMB(() => {
    const m = new CoverageModel(fresh(pkg), { year: null });
    m.addCell(candidate);
    m.report();
    return m;
  });
  return { median: median(times), p95: quantile(times, 0.95), buildMs, modelMB };
}

/** Max |fast − naive| over hamlets and shares, percentage points. */
function maxErrorPp(report: Report, naive: number[][], hamlets: readonly number[]): number {
  let max = 0;
  hamlets.forEach((h, row) => {
    NAIVE_KEYS.forEach((key, k) => {
      const fast = report.hamlets[h]?.share[key] ?? 0;
      max = Math.max(max, Math.abs(fast - (naive[row]?.[k] as number)) * 100);
    });
  });
  return max;
}

/** The package cut to one hamlet and the items near it, for the naive overlay of a sample. */
function aroundHamlet(pkg: DataPackage, h: number): DataPackage {
  const hamlet = pkg.hamlets[h] as DataPackage['hamlets'][number];
  const ring = hamlet.geometry.type === 'Polygon' ? hamlet.geometry.coordinates.flat() : hamlet.geometry.coordinates.flat(2);
  const lons = ring.map((p) => p[0] as number);
  const lats = ring.map((p) => p[1] as number);
  const near = (lon: number, lat: number, reachM: number) => {
    const padLat = reachM / 110_000 + 0.001;
    const padLon = reachM / 100_000 + 0.001;
    return lon > Math.min(...lons) - padLon && lon < Math.max(...lons) + padLon && lat > Math.min(...lats) - padLat && lat < Math.max(...lats) + padLat;
  };
  return {
    ...pkg,
    hamlets: [hamlet],
    cells: pkg.cells.filter((c) => near(c.lon, c.lat, c.range_m ?? 10_000)),
    accessPoints: pkg.accessPoints.filter((a) => near(a.lon, a.lat, a.reach_m)),
    population: null,
  };
}

/** The fast path on one package: full computation in both population models, and dragging a candidate in both. */
function measureScale(pkg: DataPackage, fullRunCount: number, uniformRunCount: number) {
  const full = fullRuns(pkg, fullRunCount);
  console.log(`full (point model)    median ${fmt(full.ms)} ms; one run allocates ${full.allocMB.toFixed(1)} MB`);
  const uniformPkg = { ...pkg, population: null };
  const uniform = fullRuns(uniformPkg, uniformRunCount);
  console.log(`full (uniform model)  median ${fmt(uniform.ms)} ms`);
  const drag = dragRuns(pkg, DRAG_MOVES, dragStart(pkg));
  console.log(`drag ${DRAG_MOVES} moves (after ${WARM_UP_MOVES} warm-up) median ${fmt(drag.median)} ms, p95 ${fmt(drag.p95)} ms (model build ${fmt(drag.buildMs)} ms, model keeps ${drag.modelMB.toFixed(1)} MB)`);
  const uniformDrag = dragRuns(uniformPkg, DRAG_MOVES, dragStart(pkg));
  console.log(`drag, uniform model   median ${fmt(uniformDrag.median)} ms, p95 ${fmt(uniformDrag.p95)} ms (re-clips the hamlets the cell's old or new polygon reaches into the box of)`);
  return { full, uniform, drag, uniformDrag, uniformPkg };
}

// ---- commune ----
const commune = syntheticPackage(COMMUNE_SCALE, seed);
describe('commune', commune);
const communeRuns = measureScale(commune, 30, 10);
const [communeNaive, communeNaiveMs] = timed(() => naiveUniformShares(communeRuns.uniformPkg, null));
const communeHamlets = commune.hamlets.map((_, i) => i);
const communeErr = maxErrorPp(communeRuns.uniform.report, communeNaive, communeHamlets);
console.log(`naive Turf overlay    ${fmt(communeNaiveMs)} ms = ${(communeNaiveMs / communeRuns.uniform.ms).toFixed(0)}× the fast uniform path; max hamlet error ${communeErr.toFixed(4)} pp`);

// ---- province ----
const province = syntheticPackage(PROVINCE_SCALE, seed + 1);
describe('province', province);
if (writeDir) {
  writePackage(province, writeDir);
  console.log(`wrote the province package to ${writeDir}`);
}
const provinceRuns = measureScale(province, 5, 2);
const sampleRandom = mulberry32(seed * 97);
const sample = [...new Set(Array.from({ length: 20 }, () => Math.floor(sampleRandom() * province.hamlets.length)))];
let naiveSampleMs = 0;
const sampleNaive = sample.map((h) => {
  const [rows, ms] = timed(() => naiveUniformShares(aroundHamlet(province, h), null));
  naiveSampleMs += ms;
  return rows[0] as number[];
});
const perHamletMs = naiveSampleMs / sample.length;
const provinceErr = maxErrorPp(provinceRuns.uniform.report, sampleNaive, sample);
const extrapolatedMs = perHamletMs * province.hamlets.length;
console.log(
  `naive Turf overlay    ${fmt(perHamletMs)} ms per hamlet on a sample of ${sample.length} (only the cells near each hamlet united, which favours the naive path);` +
    ` extrapolated linearly to ${province.hamlets.length} hamlets: ${(extrapolatedMs / 1000).toFixed(0)} s = ${(extrapolatedMs / provinceRuns.uniform.ms).toFixed(0)}× the fast uniform path; max hamlet error on the sample ${provinceErr.toFixed(4)} pp`,
);
console.log(`process peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes generating the packages)`);
console.log('note: the machine is shared with other jobs; figures vary by 2× or more between runs.');

console.log(
  `uniform model: province full ${fmt(provinceRuns.uniform.ms)} ms, move median ${fmt(provinceRuns.uniformDrag.median)} ms, p95 ${fmt(provinceRuns.uniformDrag.p95)} ms;` +
    ` commune full ${fmt(communeRuns.uniform.ms)} ms, move median ${fmt(communeRuns.uniformDrag.median)} ms, p95 ${fmt(communeRuns.uniformDrag.p95)} ms`,
);
const maxErr = Math.max(communeErr, provinceErr);
console.log(
  `bench: province full ${fmt(provinceRuns.full.ms)} ms, move p95 ${fmt(provinceRuns.drag.p95)} ms, commune full ${fmt(communeRuns.full.ms)} ms, move p95 ${fmt(communeRuns.drag.p95)} ms, max hamlet error ${maxErr.toFixed(4)} pp`,
);
