// Site-suggestion benchmark (npm run bench:suggest [-- --seed N]): time to suggest N = 3 and
// 5 sites for 5G on the sample package (its candidate places, and the grid used without
// them) and on the seeded synthetic province of scripts/bench.ts, with how many locations
// were evaluated. "cold" includes indexing the package (the first computation after
// loading); "warm" reuses it, as the app does once a package is open.
// Wall-clock figures on a shared machine are noisy: compare runs, not single numbers.
import { fileURLToPath } from 'node:url';
import { loadPackage } from '../src/lib/data/load-package.ts';
import { fsSource } from '../src/lib/data/node/fs-source.ts';
import { contextFor } from '../src/lib/engine/context.ts';
import { DEFAULT_GRID_SPACING_M, Suggester, type SuggestOptions } from '../src/lib/engine/planner/suggest.ts';
import type { CandidateTemplate } from '../src/lib/engine/planner/template.ts';
import type { DataPackage } from '../src/lib/engine/types.ts';
import { PROVINCE_SCALE, syntheticPackage } from './bench/synthetic-package.ts';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = Number(seedAt >= 0 ? args[seedAt + 1] : 1);
if (!Number.isInteger(seed)) {
  console.error(`bench:suggest: --seed ${args[seedAt + 1]} is not an integer`);
  process.exit(2);
}

/** A three-sector 5G site as a planner would place it, reach predicted (n78, 35 m, 68 dBm). */
const TEMPLATE: CandidateTemplate = {
  tech: '5G', carrier: 'Viettel', band_mhz: 3500, height_m: 35, eirp_dbm: 68, range_m: null, beamwidth_deg: 120, azimuths_deg: [0, 120, 240],
};
const WARM_RUNS = 3;

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Wall time and this process's CPU time (user + system) of one run, ms: on a loaded machine the CPU time is the steadier figure. */
function runOnce(pkg: DataPackage, count: number): { ms: number; cpuMs: number; suggester: Suggester } {
  const opts: SuggestOptions = { tech: '5G', carrier: 'Viettel', count, year: null, priorityWeight: 0, template: TEMPLATE };
  const cpu = process.cpuUsage();
  const t = performance.now();
  const suggester = new Suggester(pkg, opts, []);
  suggester.step(Infinity);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, suggester };
}

function measure(label: string, pkg: DataPackage, counts: readonly number[], warmRuns: number): void {
  const people = pkg.hamlets.reduce((sum, h) => sum + h.population, 0);
  console.log(`\n== ${label}: ${pkg.hamlets.length} hamlets, ${people.toLocaleString('en')} people, ${(pkg.population?.pop.length ?? 0).toLocaleString('en')} settlement points, ${pkg.cells.length} cells, ${pkg.candidates.length} candidate places`);
  const fresh = { ...pkg };
  const tIndex = performance.now();
  contextFor(fresh);
  const indexMs = performance.now() - tIndex;
  for (const [i, count] of counts.entries()) {
    // The first run on a fresh package also pays for indexing it (contextFor).
    const cold = i === 0 ? runOnce({ ...pkg }, count) : null;
    const warm: number[] = [];
    const warmCpu: number[] = [];
    let last: Suggester | null = null;
    for (let r = 0; r < warmRuns; r++) {
      const run = runOnce(fresh, count);
      warm.push(run.ms);
      warmCpu.push(run.cpuMs);
      last = run.suggester;
    }
    const stats = last?.stats();
    const result = last?.result() ?? [];
    const where = stats?.source === 'grid' ? `grid ${DEFAULT_GRID_SPACING_M} m: ${stats.populatedCells} populated uncovered cells → ${stats.locations} locations` : `${stats?.locations} candidate places`;
    console.log(
      `N = ${count}: warm median ${fmt(median(warm))} ms (CPU ${fmt(median(warmCpu))} ms)${cold === null ? '' : `, cold ${fmt(cold.ms)} ms (CPU ${fmt(cold.cpuMs)} ms; indexing alone ${fmt(indexMs)} ms)`};` +
        ` ${where}; ${stats?.demandPoints.toLocaleString('en')} uncovered demand points; ${stats?.evaluations} gain evaluations;` +
        ` ${result.length} sites add ${Math.round(result.at(-1)?.cumulativePeople ?? 0).toLocaleString('en')} people (${result.map((s) => Math.round(s.marginalPeople)).join(', ')})`,
    );
  }
}

const sampleDir = fileURLToPath(new URL('../data/namhoa', import.meta.url));
const { pkg: sample } = await loadPackage(fsSource(sampleDir));
if (!sample) throw new Error(`bench:suggest: ${sampleDir} did not load`);
measure('sample data/namhoa (candidates.geojson)', sample, [3, 5], 5);
measure('sample data/namhoa without candidates.geojson (grid)', { ...sample, candidates: [] }, [3, 5], 5);

const province = syntheticPackage(PROVINCE_SCALE, seed + 1);
measure(`synthetic province (seed ${seed + 1}, grid)`, province, [3, 5], WARM_RUNS);
console.log('\nnote: the machine is shared with other jobs; figures vary by 2× or more between runs.');
