// shpjs ships no types; these are the two readers the importer uses.
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Shapes of a .shp; without a .prj the coordinates are returned as stored. */
  export function parseShp(shp: Uint8Array | ArrayBuffer): Geometry[];
  /** Rows of a .dbf, decoded with the .cpg's code page (UTF-8 when absent). */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer, cpg?: string): Record<string, unknown>[];
}
