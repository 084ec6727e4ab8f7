// Node-only: a data package folder on disk. Kept apart so browser bundles never import fs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageSource } from '../source.ts';

export function fsSource(dir: string): PackageSource {
  return {
    label: dir,
    async read(fileName) {
      try {
        return new Uint8Array(await readFile(join(dir, fileName)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
