// Node-only: writes a package folder's files.json from what the folder holds.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_INDEX, fileIndexJson, indexedTiles } from '../file-index.ts';

/** The tiles manifest the current files.json names, if that file is still in the folder. */
async function keptTiles(dir: string, before: string | null): Promise<string | null> {
  if (before === null) return null;
  let tiles: string | null;
  try {
    tiles = indexedTiles(JSON.parse(before));
  } catch {
    return null;
  }
  return tiles !== null && (await stat(join(dir, tiles)).catch(() => null))?.isFile() ? tiles : null;
}

/**
 * Writes `<dir>/files.json` (unless it already says the same) and returns the files it lists.
 * `tiles`: the tiles manifest's path relative to `dir`; left out, the one the index already
 * names is kept as long as it exists (so `validate --write-index` keeps build-data's tiles).
 */
export async function writeFileIndex(dir: string, opts: { tiles?: string | null } = {}): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  const path = join(dir, FILE_INDEX);
  const before = await readFile(path, 'utf8').catch(() => null);
  const tiles = opts.tiles !== undefined ? opts.tiles : await keptTiles(dir, before);
  const text = fileIndexJson(names, tiles);
  // Leave an unchanged index untouched, so its timestamp says when the folder last changed.
  if (before !== text) await writeFile(path, text);
  return (JSON.parse(text) as { files: string[] }).files;
}
