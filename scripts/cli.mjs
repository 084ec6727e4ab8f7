// `node scripts/cli.mjs <script.ts> [args…]`: runs a command-line script (report, validate,
// build-data) as one esbuild bundle with plain node. tsx compiles every TypeScript module
// and resolves every import at each start (about 2 s of CPU before the first line of the
// script runs); the bundle starts in about 0.1 s. The bundle is cached under
// node_modules/.cache/cli/ and rebuilt when any file it was built from changed (size or
// modification time), so editing a source and rerunning the command is all there is.
// Plain JavaScript because it is what runs before anything can compile TypeScript.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Files that change the bundle without being part of it: this launcher (the build
// options), the compiler settings, and npm's record of installed packages (npm keeps the
// packages' own file times, so an upgrade need not change any bundled file's time).
const BUILD_INPUTS = ['scripts/cli.mjs', 'tsconfig.json', 'package.json', 'node_modules/.package-lock.json'];

/** "size:mtime" of a file under ROOT, or null when it is gone. */
function stamp(path) {
  try {
    const info = statSync(join(ROOT, path));
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return null;
  }
}

function readStamps(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** True when every file the bundle was built from is as it was then. */
function fresh(stamps) {
  return stamps !== null && Object.entries(stamps).every(([path, was]) => stamp(path) === was);
}

/** Writes a file under a temporary name, then renames it: a concurrent run never reads half of it. */
function writeAtomic(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

async function build(entry, outfile, stampsFile) {
  const startedMs = Date.now();
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces name the TypeScript lines under NODE_OPTIONS=--enable-source-maps; not on
    // by default, as reading the map costs every run about 50 ms.
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'error',
    // Bundled CommonJS packages call require() for Node's own modules; an ES module has none.
    banner: { js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);" },
  });
  for (const file of result.outputFiles) writeAtomic(file.path, file.contents);
  const stamps = {};
  for (const path of [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS]) stamps[path] = stamp(path);
  // A file saved while esbuild read it may be in the bundle as it was before: build again next time.
  const changedDuringBuild = Object.values(stamps).some((s) => s !== null && Number(s.split(':')[1]) >= startedMs);
  // Written last: the stamps say the bundle beside them is complete.
  if (!changedDuringBuild) writeAtomic(stampsFile, JSON.stringify(stamps));
}

const [entryArg] = process.argv.splice(2, 1);
if (!entryArg) {
  process.stderr.write('usage: node scripts/cli.mjs <script.ts> [args…]\n');
  process.exit(2);
}
const entry = relative(ROOT, resolve(entryArg));
// One folder per checkout: worktrees may share node_modules (and so this cache).
const cacheDir = join(ROOT, 'node_modules/.cache/cli', createHash('sha256').update(ROOT).digest('hex').slice(0, 12));
const name = entry.replace(/\.ts$/, '').replace(/[^\w.-]+/g, '_');
const outfile = join(cacheDir, `${name}.mjs`);
const stampsFile = join(cacheDir, `${name}.inputs.json`);
if (!fresh(readStamps(stampsFile))) {
  mkdirSync(cacheDir, { recursive: true });
  await build(entry, outfile, stampsFile);
}
// The script reads its arguments from process.argv.slice(2), as it would under tsx.
process.argv[1] = resolve(entryArg);
await import(pathToFileURL(outfile).href);
