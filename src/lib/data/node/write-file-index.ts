// Node-only: writes a package folder's files.json from what the folder holds.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_INDEX, fileIndexJson } from '../file-index.ts';

/** Writes `<dir>/files.json` (unless it already says the same) and returns the files it lists. */
export async function writeFileIndex(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  const text = fileIndexJson(names);
  const path = join(dir, FILE_INDEX);
  // Leave an unchanged index untouched, so its timestamp says when the folder last changed.
  const before = await readFile(path, 'utf8').catch(() => null);
  if (before !== text) await writeFile(path, text);
  return (JSON.parse(text) as { files: string[] }).files;
}
