// `npm run validate -- <dir> [--write-index]`: checks a data package folder and prints
// every problem, one line each, then a summary. Exit 1 when there is an error, 0 otherwise,
// 2 when the folder cannot be used at all. --write-index first (re)writes the folder's
// files.json, the list of its files that lets the app ask for those only. The command's body, apart from the process, so tests run
// it in-process (scripts/validate.ts is the process around it).
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { DataPackage } from '../../engine/types.ts';
import { plural } from '../fmt.ts';
import { loadPackageDetailed, type LoadOptions } from '../load-package.ts';
import { formatProblem } from '../problems.ts';
import { fsSource } from './fs-source.ts';
import { writeFileIndex } from './write-file-index.ts';

/** `28 hamlets, 16 cells, …`: what the package holds (parts that loaded). */
function describeContents(parts: Partial<DataPackage>): string {
  const bits: string[] = [];
  const add = (list: { length: number } | null | undefined, one: string, many?: string): void => {
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
  add(parts.population?.pop, 'population point');
  add(parts.pois, 'POI');
  add(parts.speedtests, 'speed test');
  add(parts.candidates, 'candidate place');
  add(parts.history, 'history figure');
  if (parts.dem) bits.push(`DEM ${parts.dem.width}×${parts.dem.height}`);
  if (parts.hasBasemap) bits.push('basemap');
  return bits.join(', ');
}

const USAGE = 'usage: npm run validate -- <package folder> [--write-index]   (e.g. data/namhoa)';

/** Where the command writes: one line at a time to stdout and stderr. */
export interface ValidateIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `npm run validate -- <dir>` without the process: returns the exit code. `options` go to
 * the loader (the command reads the population file on a worker thread).
 */
export async function runValidate(argv: readonly string[], io: ValidateIo, options: LoadOptions = {}): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const writeIndex = argv.includes('--write-index');
  const [dir, ...extra] = argv.filter((arg) => arg !== '--write-index');
  if (!dir || extra.length > 0) {
    io.err(dir ? `expected one package folder, got also: ${extra.join(' ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const info = await stat(dir).catch(() => null);
  if (!info || !info.isDirectory()) {
    io.err(`${dir}: no such folder; expected a data package folder holding area.json, targets.json, hamlets.geojson and sites.csv`);
    return 2;
  }
  if (writeIndex) io.out(`${dir}/files.json: ${(await writeFileIndex(dir)).join(', ')}`);
  const { problems, parts } = await loadPackageDetailed(fsSource(dir), options);
  for (const p of problems) io.out(`${p.severity === 'error' ? 'error' : 'warning'}: ${formatProblem(p)}`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const name = parts.area?.id ?? basename(resolve(dir));
  const contents = describeContents(parts);
  io.out(`${name}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${contents ? ` (${contents})` : ''}`);
  return errors > 0 ? 1 : 0;
}
