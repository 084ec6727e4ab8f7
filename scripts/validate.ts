// `npm run validate -- <dir> [--write-index]`: checks a data package folder and prints
// every problem, one line each, then a summary. Exit 1 when there is an error, 0 otherwise,
// 2 when the folder cannot be used at all. --write-index first (re)writes the folder's
// files.json, the list of its files that lets the app ask for those only.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { DataPackage } from '../src/lib/engine/types.ts';
import { plural } from '../src/lib/data/fmt.ts';
import { loadPackageDetailed } from '../src/lib/data/load-package.ts';
import { fsSource } from '../src/lib/data/node/fs-source.ts';
import { writeFileIndex } from '../src/lib/data/node/write-file-index.ts';
import { formatProblem } from '../src/lib/data/problems.ts';

/** `28 hamlets, 16 cells, …`: what the package holds (parts that loaded). */
function describeContents(parts: Partial<DataPackage>): string {
  const bits: string[] = [];
  const add = (list: readonly unknown[] | null | undefined, one: string, many?: string): void => {
    if (list && list.length) bits.push(plural(list.length, one, many));
  };
  add(parts.hamlets, 'hamlet');
  if (parts.hamlets) bits.push(`population ${parts.hamlets.reduce((s, h) => s + h.population, 0).toLocaleString('en-US')}`);
  add(parts.cells, 'cell');
  if (parts.cells) bits.push(plural(new Set(parts.cells.map((c) => c.site_id)).size, 'site'));
  add(parts.targets, 'target');
  add(parts.coverage, 'coverage area');
  add(parts.accessPoints, 'fiber access point');
  add(parts.cables, 'fiber cable');
  add(parts.population, 'population point');
  add(parts.pois, 'POI');
  add(parts.speedtests, 'speed test');
  add(parts.candidates, 'candidate place');
  if (parts.dem) bits.push(`DEM ${parts.dem.width}×${parts.dem.height}`);
  if (parts.hasBasemap) bits.push('basemap');
  return bits.join(', ');
}

const USAGE = 'usage: npm run validate -- <package folder> [--write-index]   (e.g. data/namhoa)';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const writeIndex = argv.includes('--write-index');
  const [dir, ...extra] = argv.filter((arg) => arg !== '--write-index');
  if (!dir || extra.length > 0) {
    console.error(dir ? `expected one package folder, got also: ${extra.join(' ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const info = await stat(dir).catch(() => null);
  if (!info || !info.isDirectory()) {
    console.error(`${dir}: no such folder; expected a data package folder holding area.json, targets.json, hamlets.geojson and sites.csv`);
    return 2;
  }
  if (writeIndex) console.log(`${dir}/files.json: ${(await writeFileIndex(dir)).join(', ')}`);
  const { problems, parts } = await loadPackageDetailed(fsSource(dir));
  for (const p of problems) console.log(`${p.severity === 'error' ? 'error' : 'warning'}: ${formatProblem(p)}`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const name = parts.area?.id ?? basename(resolve(dir));
  const contents = describeContents(parts);
  console.log(`${name}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${contents ? ` (${contents})` : ''}`);
  return errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  },
);
