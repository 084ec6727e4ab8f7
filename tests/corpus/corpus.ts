// The malformed-package corpus: cases derived from the sample package (data/namhoa) with
// one defect each, chosen by a seeded PRNG (scripts/lib/prng.ts) so a seed always gives
// the same corpus. Each case says which file, row or feature and field the validator
// must name. Nothing here is committed as data: packages are written to a temp folder
// (writeCase) when the tests run.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { FILE_INDEX, fileIndexJson } from '../../src/lib/data/file-index.ts';

/** Files of the sample that are not text. */
const BINARY_FILES = new Set(['basemap.pmtiles', 'dem.tif', 'population.tif']);
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { mulberry32 } from '../../scripts/lib/prng.ts';

export const SAMPLE_DIR = fileURLToPath(new URL('../../data/namhoa/', import.meta.url));

export type FileContent = string | Uint8Array;

/** What the validator must name for a case: the file, the row/feature (or null), the field (or null). */
export interface Expected {
  file: string;
  where: string | null;
  field: string | null;
}

export interface CorpusCase {
  /** Unique and usable as a folder name, e.g. `042-sites.csv-eirp_dbm`. */
  id: string;
  /** The kind of defect, for the per-check counts. */
  check: string;
  description: string;
  /** Files replaced or added; null removes a sample file. */
  files: Record<string, FileContent | null>;
  expect: Expected;
}

type JsonObject = Record<string, unknown>;
export interface Feature {
  type: 'Feature';
  id?: unknown;
  properties: JsonObject;
  geometry: { type: string; coordinates: unknown } | null;
}

/** Collects cases and hands out seeded choices and copies of the sample's files. */
export class Corpus {
  readonly cases: CorpusCase[] = [];
  readonly random: () => number;
  private readonly sample: Record<string, string>;

  constructor(seed: number, sampleDir = SAMPLE_DIR) {
    this.random = mulberry32(seed);
    this.sample = Object.fromEntries(readdirSync(sampleDir).map((name) => [name, readFileSync(join(sampleDir, name), 'utf8')]));
  }

  /** Names of the sample's text files (binary ones are damaged in binary.ts). */
  get files(): string[] {
    return Object.keys(this.sample)
      .filter((name) => !BINARY_FILES.has(name))
      .sort();
  }

  text(name: string): string {
    const t = this.sample[name];
    if (t === undefined) throw new Error(`the sample has no ${name}`);
    return t;
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('nothing to pick from');
    return list[this.int(list.length)]!;
  }

  add(check: string, description: string, files: Record<string, FileContent | null>, expect: Expected): void {
    const n = String(this.cases.length + 1).padStart(3, '0');
    const slug = `${expect.file}-${expect.field ?? check}`.replace(/[^A-Za-z0-9_.-]+/g, '_');
    this.cases.push({ id: `${n}-${slug}`, check, description, files, expect });
  }

  /** A fresh copy of a JSON file of the sample. */
  json<T = unknown>(name: string): T {
    return JSON.parse(this.text(name)) as T;
  }

  /** A copy of a FeatureCollection's features. */
  features(name: string): Feature[] {
    return this.json<{ features: Feature[] }>(name).features;
  }

  /**
   * The sample's FeatureCollection with one feature changed: a random feature among
   * those `eligible` accepts, or the one at `index`. Returns the text and `feature N`.
   */
  featureEdit(name: string, edit: (f: Feature, all: Feature[]) => void, eligible: (f: Feature) => boolean = () => true, index?: number): { text: string; where: string } {
    const fc = this.json<{ features: Feature[] }>(name);
    const candidates = fc.features.map((f, i) => (eligible(f) ? i : -1)).filter((i) => i >= 0);
    const i = index ?? this.pick(candidates);
    edit(fc.features[i]!, fc.features);
    return { text: JSON.stringify(fc), where: `feature ${i}` };
  }

  /** The sample CSV's records (header first), parsed with papaparse. */
  csv(name: string): string[][] {
    return Papa.parse<string[]>(this.text(name).trim(), { header: false }).data;
  }

  /**
   * The sample CSV with one cell set: a random data row among those `eligible` accepts.
   * Returns the text and `row N` (1-based, header not counted).
   */
  csvEdit(name: string, column: string, value: string, eligible: (row: Record<string, string>) => boolean = () => true): { text: string; where: string } {
    const records = this.csv(name);
    const header = records[0]!;
    const col = header.indexOf(column);
    if (col < 0) throw new Error(`${name} has no column ${column}`);
    const rows = records.slice(1).map((r, i) => (eligible(Object.fromEntries(header.map((h, c) => [h, r[c] ?? ''])) ) ? i : -1)).filter((i) => i >= 0);
    const i = this.pick(rows);
    records[i + 1]![col] = value;
    return { text: `${Papa.unparse(records, { newline: '\n' })}\n`, where: `row ${i + 1}` };
  }
}

/**
 * Writes a case as a package folder: its own files, and links to the sample's others. Its
 * files.json lists the files it really has (as `npm run validate -- --write-index` would),
 * so a file the case adds is read, not skipped, unless the case damages files.json itself.
 */
export function writeCase(c: CorpusCase, dir: string, sampleDir = SAMPLE_DIR): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(sampleDir)) {
    if (!(name in c.files) && name !== FILE_INDEX) symlinkSync(resolve(sampleDir, name), join(dir, name));
  }
  for (const [name, content] of Object.entries(c.files)) {
    if (content !== null) writeFileSync(join(dir, name), content);
  }
  if (!(FILE_INDEX in c.files)) writeFileSync(join(dir, FILE_INDEX), fileIndexJson(readdirSync(dir)));
}
