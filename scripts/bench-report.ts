// `npm run report` at province scale (npm run bench:report [-- <package-dir>]): the split
// of one report into read (files from disk), validate (decode, parse, check, convert:
// loadPackage) and compute (computeReport + JSON), then the wall time of the whole command
// as a user runs it, for the package with population.geojson and with the same points as
// population.csv. CPU times are printed beside wall times: on a loaded machine the wall
// clock mostly measures the other jobs. Without a folder it uses the synthetic province of bench:drag
// (tests/fixtures/packages/bench-province, written once). Wall-clock figures on a shared
// machine are noisy: compare runs, not single numbers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackage } from '../src/lib/data/load-package.ts';
import { fsSource } from '../src/lib/data/node/fs-source.ts';
import { memorySource } from '../src/lib/data/source.ts';
import { computeReport } from '../src/lib/engine/report.ts';
import { formatJson } from '../src/lib/report/json.ts';
import { PROVINCE_SCALE, syntheticPackage } from './bench/synthetic-package.ts';
import { writePackage } from './bench/write-package.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const given = process.argv[2];
const dir = given ?? join(ROOT, 'tests/fixtures/packages/bench-province');
if (!given && !existsSync(join(dir, 'area.json'))) {
  console.log(`writing the synthetic province to ${dir} (once) …`);
  writePackage(syntheticPackage(PROVINCE_SCALE, 2), dir);
}

const ms = (t0: number) => performance.now() - t0;
/** CPU time (user + system) of this process so far, ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const both = (wallMs: number, cpu: number) => `${wallMs.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms)`;

/** Read, validate, compute in this process; returns the report JSON. */
async function split(packageDir: string): Promise<string> {
  let t0 = performance.now();
  let c0 = cpuMs();
  const source = fsSource(packageDir);
  const files: Record<string, Uint8Array> = {};
  for (const name of await source.list!()) files[name] = (await source.read(name))!;
  const read = both(ms(t0), cpuMs() - c0);
  t0 = performance.now();
  c0 = cpuMs();
  const { pkg, problems } = await loadPackage(memorySource(packageDir, files));
  const validate = both(ms(t0), cpuMs() - c0);
  if (!pkg) throw new Error(`bench:report: ${packageDir} does not load: ${problems.find((p) => p.severity === 'error')?.message}`);
  t0 = performance.now();
  c0 = cpuMs();
  const json = formatJson(computeReport(pkg, { year: null }));
  const compute = both(ms(t0), cpuMs() - c0);
  const mb = Object.values(files).reduce((s, b) => s + b.length, 0) / 2 ** 20;
  console.log(
    `  in-process: read ${read} (${mb.toFixed(0)} MB), validate ${validate} ` +
      `(${pkg.hamlets.length} hamlets, ${pkg.cells.length} cells, ${(pkg.population?.pop.length ?? 0).toLocaleString('en')} points), compute ${compute}`,
  );
  return json;
}

/**
 * `npm run report -- <dir> --format json` exactly as a user runs it (npm's own start-up and
 * the bundle check of scripts/cli.mjs included), best of 3: wall time, and the CPU time GNU
 * time reports for it (user + system, all processes and threads).
 */
function command(packageDir: string): string {
  let best = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S', 'npm', 'run', '-s', 'report', '--', packageDir, '--format', 'json'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const wall = ms(t0);
    if (run.status !== 0) throw new Error(`bench:report: npm run report -- ${packageDir} failed: ${run.stderr}`);
    // GNU time's line is the last on stderr (the report's warnings come before it).
    const [user, system] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    if (wall < best.wall) best = { wall, cpu: ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000 };
  }
  return `${(best.wall / 1000).toFixed(2)} s (CPU ${(best.cpu / 1000).toFixed(2)} s)`;
}

console.log(`population.geojson (${dir}):`);
const fromGeoJson = await split(dir);
console.log(`  whole command: ${command(dir)}`);

// The same points as population.csv (lon,lat,pop), in a sibling folder.
const csvDir = `${dir.replace(/\/$/, '')}-csv`;
rmSync(csvDir, { recursive: true, force: true });
mkdirSync(csvDir, { recursive: true });
// Files only: the tiles/ folder (bench:drag's) is not part of what the report reads.
for (const name of readdirSync(dir, { withFileTypes: true })) if (name.isFile() && name.name !== 'population.geojson' && name.name !== 'files.json') copyFileSync(join(dir, name.name), join(csvDir, name.name));
const fc = JSON.parse(readFileSync(join(dir, 'population.geojson'), 'utf8')) as { features: Array<{ properties: { pop: number }; geometry: { coordinates: number[] } }> };
writeFileSync(join(csvDir, 'population.csv'), `lon,lat,pop\n${fc.features.map((f) => `${f.geometry.coordinates[0]},${f.geometry.coordinates[1]},${f.properties.pop}`).join('\n')}\n`);
console.log(`population.csv (${csvDir}):`);
const fromCsv = await split(csvDir);
console.log(`  whole command: ${command(csvDir)}`);
console.log(fromCsv === fromGeoJson ? 'the two reports are identical' : 'THE TWO REPORTS DIFFER');
if (fromCsv !== fromGeoJson) process.exitCode = 1;
