// files.json: the package's own list of files, honoured by the loader wherever it reads from,
// and checked against the folder where the folder can be listed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileIndexJson, indexedTiles } from './file-index.ts';
import { loadPackage } from './load-package.ts';
import { fsSource } from './node/fs-source.ts';
import { writeFileIndex } from './node/write-file-index.ts';
import { formatProblem } from './problems.ts';
import type { PackageSource } from './source.ts';
import { baseFiles, load, withFiles } from './testkit.ts';

const index = (...files: string[]) => JSON.stringify({ files });

describe('fileIndexJson', () => {
  it('lists package files only, sorted, once each', () => {
    expect(JSON.parse(fileIndexJson(['sites.csv', 'area.json', 'README.md', 'files.json', 'area.json', 'hamlets.geojson.crs']))).toEqual({
      files: ['area.json', 'hamlets.geojson.crs', 'sites.csv'],
    });
  });
});

describe('a package with files.json', () => {
  it('loads as without it when the two agree', async () => {
    const files = baseFiles();
    const { pkg, problems } = await load({ ...files, 'files.json': fileIndexJson(Object.keys(files)) });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(pkg).toEqual((await load(files)).pkg);
  });

  it('reads only the files it lists, and asks for no other', async () => {
    const files = baseFiles();
    const asked: string[] = [];
    // A source that cannot be listed, like a folder served over HTTP.
    const source: PackageSource = {
      label: 'test',
      async read(name) {
        asked.push(name);
        const content = files[name];
        return content === undefined ? null : new TextEncoder().encode(String(content));
      },
    };
    const listed = ['area.json', 'targets.json', 'hamlets.geojson', 'sites.csv', 'fiber.geojson'];
    files['files.json'] = index(...listed);
    const { pkg, problems } = await loadPackage(source);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(asked.sort()).toEqual(['files.json', ...listed].sort());
    // coverage.geojson is on the source but not listed: the package has no coverage.
    expect(pkg!.coverage).toEqual([]);
    expect(pkg!.accessPoints).toHaveLength(2);
  });

  it('warns where it and the folder disagree, and follows the index', async () => {
    const { pkg, problems } = await load(withFiles({ 'files.json': index('area.json', 'targets.json', 'hamlets.geojson', 'sites.csv', 'dem.tif') }));
    const warnings = problems.filter((p) => p.severity === 'warning').map(formatProblem);
    expect(warnings).toContain(
      'files.json, files: does not list coverage.geojson, which is in the folder, so it is not read; run `npm run validate -- <folder> --write-index` (or `npm run build-data`) to rewrite it',
    );
    expect(warnings).toContain('files.json, files: lists dem.tif, which is not in the folder; run `npm run validate -- <folder> --write-index` (or `npm run build-data`) to rewrite it');
    expect(pkg!.coverage).toEqual([]);
  });

  it('names a broken files.json, and what it should hold', async () => {
    const { pkg, problems } = await load(withFiles({ 'files.json': '["area.json"]' }));
    expect(pkg).toBeNull();
    expect(problems.map(formatProblem)).toEqual(['files.json: expected an object {"files": [...]} listing the file names of the package']);
  });

  it('warns about a listed name that is no package file', async () => {
    const files = baseFiles();
    const { pkg, problems } = await load({ ...files, 'files.json': index(...Object.keys(files), 'notes.txt') });
    expect(pkg).not.toBeNull();
    expect(problems.map(formatProblem)).toEqual(['files.json, files: lists "notes.txt", which is not a data package file; it is ignored']);
  });
});

describe('writeFileIndex', () => {
  it('writes what the folder holds, which then loads clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-index-'));
    try {
      for (const [name, content] of Object.entries(baseFiles())) writeFileSync(join(dir, name), content);
      writeFileSync(join(dir, 'README.md'), 'notes');
      expect(await writeFileIndex(dir)).toEqual(Object.keys(baseFiles()).sort());
      const { problems } = await loadPackage(fsSource(dir));
      expect(problems.map(formatProblem)).toEqual([]);
      expect(readFileSync(join(dir, 'files.json'), 'utf8')).toBe(fileIndexJson(Object.keys(baseFiles())));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the tiles manifest it is given, keeps it while the file exists, and drops it once gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-index-'));
    const indexOf = () => JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as { files: string[]; tiles?: string };
    try {
      for (const [name, content] of Object.entries(baseFiles())) writeFileSync(join(dir, name), content);
      mkdirSync(join(dir, 'tiles'));
      writeFileSync(join(dir, 'tiles', 't1.json'), '{}');
      await writeFileIndex(dir, { tiles: 'tiles/t1.json' });
      expect(indexOf().tiles).toBe('tiles/t1.json');
      // validate --write-index rewrites it without knowing about tiles.
      await writeFileIndex(dir);
      expect(indexOf()).toEqual({ files: Object.keys(baseFiles()).sort(), tiles: 'tiles/t1.json' });
      const { problems } = await loadPackage(fsSource(dir));
      expect(problems.map(formatProblem)).toEqual([]);
      rmSync(join(dir, 'tiles'), { recursive: true });
      await writeFileIndex(dir);
      expect(indexOf().tiles).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the tiles member of files.json', () => {
  it('is read by indexedTiles, and anything but a path gets a warning', async () => {
    expect(indexedTiles({ files: [], tiles: 'tiles/a.json' })).toBe('tiles/a.json');
    expect(indexedTiles({ files: [] })).toBeNull();
    const files = baseFiles();
    const { pkg, problems } = await load({ ...files, 'files.json': JSON.stringify({ files: Object.keys(files), tiles: 3 }) });
    expect(pkg).not.toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      'files.json, tiles: got 3; expected the path of the tiles manifest, e.g. "tiles/<area id>.json"; the map draws the package without tiles',
    ]);
  });
});
