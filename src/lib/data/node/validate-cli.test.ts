// The `npm run validate -- <dir>` script end to end: a package folder on disk (fsSource),
// every problem printed one per line, a summary line, and the exit code.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseFiles, sitesCsv } from '../testkit.ts';
import type { Files } from '../testkit.ts';
import { fsSource } from './fs-source.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function validate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/validate.ts'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'validate-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function writePackage(name: string, files: Files): Promise<string> {
  const dir = join(base, name);
  await mkdir(dir);
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  return dir;
}

describe('npm run validate', () => {
  it('prints a summary and exits 0 for a valid package', async () => {
    const files = baseFiles();
    files['sites.csv'] = sitesCsv([{ id: 'a' }, { id: 'b', status: 'planned' }]);
    const dir = await writePackage('ok', files);
    const { code, stdout } = await validate(dir);
    expect(stdout.trim().split('\n')).toEqual([
      'warning: sites.csv row 2, on_air_year: missing for a planned cell; it will never count as on air',
      'test: 0 errors, 1 warning (3 hamlets, population 2,500, 2 cells, 1 site, 2 targets, 2 coverage areas, 2 fiber access points, 1 fiber cable, 3 population points, 2 POIs, 2 speed tests, 2 candidate places)',
    ]);
    expect(code).toBe(0);
  }, 30_000);

  it('prints every problem and exits 1 when there is an error', async () => {
    const files = baseFiles();
    files['sites.csv'] = sitesCsv([{ id: 'a', lat: '121.6' }, { id: 'a', tech: 'LTE' }]);
    delete files['targets.json'];
    const dir = await writePackage('bad', files);
    const { code, stdout } = await validate(dir);
    expect(stdout.trim().split('\n')).toEqual([
      "error: targets.json: is missing; it is required (the plan's targets; [] when there are none)",
      'error: sites.csv row 1, lat: 121.6 is outside −90..90',
      'error: sites.csv row 2, id: "a" is also the id of row 1; expected unique ids',
      'error: sites.csv row 2, tech: got "LTE"; expected 4G or 5G',
      'test: 4 errors, 0 warnings (3 hamlets, population 2,500, 2 coverage areas, 2 fiber access points, 1 fiber cable, 3 population points, 2 POIs, 2 speed tests, 2 candidate places)',
    ]);
    expect(code).toBe(1);
  }, 30_000);

  it('exits 2 with a clear message when the folder does not exist', async () => {
    const { code, stderr } = await validate(join(base, 'nowhere'));
    expect(code).toBe(2);
    expect(stderr).toContain('nowhere: no such folder; expected a data package folder');
  }, 30_000);

  // Regression: --help exited 2 as if it were a mistake, and a second folder was ignored silently.
  it('prints usage on --help and exits 0; refuses a second folder with exit 2', async () => {
    const help = await validate('--help');
    expect([help.code, help.stdout.trim()]).toEqual([0, 'usage: npm run validate -- <package folder> [--write-index]   (e.g. data/namhoa)']);
    const two = await validate(join(base, 'ok'), join(base, 'bad'));
    expect(two.code).toBe(2);
    expect(two.stderr).toContain(`expected one package folder, got also: ${join(base, 'bad')}`);
  }, 30_000);

  it('--write-index records the files of the folder in files.json, then validates', async () => {
    const dir = await writePackage('indexed', { ...baseFiles(), 'README.md': 'notes' });
    const { code, stdout } = await validate(dir, '--write-index');
    expect(code).toBe(0);
    const files = Object.keys(baseFiles()).sort();
    expect(stdout.trim().split('\n')[0]).toBe(`${dir}/files.json: ${files.join(', ')}`);
    expect(JSON.parse(await readFile(join(dir, 'files.json'), 'utf8'))).toEqual({ files });
    expect(stdout).toMatch(/^test: 0 errors, 0 warnings/m);
  }, 30_000);
});

describe('fsSource', () => {
  it('reads a file head without reading the whole file, and null for a missing file', async () => {
    const dir = await writePackage('head', { 'basemap.pmtiles': 'PMTiles\u0003 and much more' });
    const source = fsSource(dir);
    expect(new TextDecoder().decode((await source.readHead!('basemap.pmtiles', 8))!)).toBe('PMTiles\u0003');
    expect(await source.readHead!('nothing.pmtiles', 8)).toBeNull();
    expect(await source.read('nothing.json')).toBeNull();
  });
});
