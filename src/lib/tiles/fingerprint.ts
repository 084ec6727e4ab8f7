// A digest of what a package's vector tiles draw. `npm run build-data` writes it into the
// tiles' manifest and the app computes it from the package it opened: tiles left over from
// before the package's files were edited (same area id, same folder) would otherwise show
// the old hamlets, and colour them by ids that may no longer exist. Not cryptographic: it
// tells an edited package from the one the tiles were built from.
import type { DataPackage } from '../engine/types.ts';

/** What the tile layers are made of (package-layers.ts); other files do not change the tiles. */
export type DrawnData = Pick<DataPackage, 'area' | 'hamlets' | 'cells' | 'accessPoints' | 'cables' | 'pois' | 'speedtests'>;

/** Two 32-bit multiply-xor lanes (as in cyrb53), fed 32-bit words. */
class Digest {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;
  private readonly float = new Float64Array(1);
  private readonly words = new Uint32Array(this.float.buffer);

  word(w: number): void {
    this.h1 = Math.imul(this.h1 ^ w, 2654435761);
    this.h2 = Math.imul(this.h2 ^ w, 1597334677);
  }

  /** Any JSON-like value: its type, and its parts in order (object keys in their own order, which the loader fixes). */
  value(v: unknown): void {
    if (typeof v === 'number') {
      this.word(1);
      this.float[0] = v;
      this.word(this.words[0]!);
      this.word(this.words[1]!);
    } else if (typeof v === 'string') {
      this.word(2);
      this.word(v.length);
      for (let i = 0; i < v.length; i++) this.word(v.charCodeAt(i));
    } else if (typeof v === 'boolean') this.word(v ? 3 : 4);
    else if (v === null || v === undefined) this.word(5);
    else if (Array.isArray(v)) {
      this.word(6);
      this.word(v.length);
      for (const item of v) this.value(item);
    } else if (typeof v === 'object') {
      this.word(7);
      for (const [key, item] of Object.entries(v)) {
        this.value(key);
        this.value(item);
      }
    }
  }

  hex(): string {
    const h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(this.h1 ^ (this.h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  }
}

/** 16 hex digits that change when anything the tiles draw changes. */
export function drawnDataFingerprint(pkg: DrawnData): string {
  const digest = new Digest();
  digest.value([pkg.area.id, pkg.area.name, pkg.hamlets, pkg.cells, pkg.accessPoints, pkg.cables, pkg.pois, pkg.speedtests]);
  return digest.hex();
}
