// Output formatting fixed so reruns are byte-identical: one feature per line (small diffs),
// coordinates already rounded to 6 decimals, CSV per RFC 4180 (CRLF, quoted when needed).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Feature } from 'geojson';

export function writeJson(dir: string, name: string, value: unknown): void {
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
}

export function writeGeoJson(dir: string, name: string, features: readonly Feature[]): void {
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(join(dir, name), `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
}

export type CsvValue = string | number | null;

export function writeCsv(dir: string, name: string, fields: readonly string[], rows: readonly Record<string, CsvValue>[]): void {
  const data = rows.map((r) => fields.map((f) => r[f] ?? ''));
  writeFileSync(join(dir, name), `${Papa.unparse({ fields: [...fields], data }, { newline: '\r\n' })}\r\n`);
}
