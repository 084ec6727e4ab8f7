// npm run build-data -- [<package-dir>] [--out <dir>]
// Records the files a data package holds in its files.json (so the app asks for those only),
// reads and validates the package, and writes <out>/<area id>.pmtiles (vector tiles of
// its hamlets, commune outline, sites, fiber, POIs and speed tests) plus <out>/<area id>.json.
// Same package ⇒ same bytes: gzip here writes no timestamp and tiles are written in id order.
// When <out> lies inside the package folder (`--out <package-dir>/tiles`), files.json also
// names the manifest (`"tiles": "tiles/<area id>.json"`), and the app opening the package
// with `?data=` draws it from these tiles instead of GeoJSON it would build in the browser.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadPackage } from '../src/lib/data/load-package.ts';
import { fsSource } from '../src/lib/data/node/fs-source.ts';
import { writeFileIndex } from '../src/lib/data/node/write-file-index.ts';
import { formatProblem, hasErrors } from '../src/lib/data/problems.ts';
import { buildTilesArchive } from '../src/lib/tiles/build-archive.ts';

const USAGE = 'usage: npm run build-data -- [<package-dir>] [--out <dir>]   (defaults: data/namhoa, tiles/)';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'tiles' } } });
  } catch (err) {
    console.error(`build-data: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.positionals.length > 1) {
    console.error(`build-data: expected one package folder, got ${args.positionals.length}\n${USAGE}`);
    return 2;
  }
  const packageDir = args.positionals[0] ?? 'data/namhoa';
  const outDir = args.values.out;
  const startMs = performance.now();
  if (!(await stat(packageDir).catch(() => null))?.isDirectory()) {
    console.error(`build-data: ${packageDir}: no such folder; expected a data package folder\n${USAGE}`);
    return 2;
  }

  await writeFileIndex(packageDir);
  const { pkg, problems } = await loadPackage(fsSource(packageDir));
  for (const p of problems) console.error(`${p.severity}: ${formatProblem(p)}`);
  if (!pkg || hasErrors(problems)) {
    console.error(`build-data: ${packageDir} is not a valid data package (see the errors above)`);
    return 1;
  }

  // Node's gzip header has mtime 0, so identical input gives identical bytes.
  const gzip = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes, { level: 9 }));
  const built = buildTilesArchive(pkg, { gzip, builtFrom: packageDir });

  await mkdir(outDir, { recursive: true });
  const archivePath = join(outDir, built.manifest.tiles);
  const manifestPath = join(outDir, `${built.manifest.id}.json`);
  await writeFile(archivePath, built.archive);
  await writeFile(manifestPath, `${JSON.stringify(built.manifest, null, 2)}\n`);

  // Tiles inside the package are the package's own: files.json points the app at them.
  const inPackage = relative(packageDir, manifestPath);
  if (!inPackage.startsWith('..') && !isAbsolute(inPackage)) await writeFileIndex(packageDir, { tiles: inPackage.split(sep).join('/') });

  const kB = (built.archive.length / 1024).toFixed(1);
  const seconds = ((performance.now() - startMs) / 1000).toFixed(2);
  console.log(`build-data: ${archivePath} (${built.tileCount} tiles, ${kB} KiB) and ${manifestPath} in ${seconds} s`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`build-data: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
