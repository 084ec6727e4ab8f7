// The import worker's API: read the dropped files and guess the plan (analyse), then build
// and validate the package for an edited plan (build). The parsed layers stay in the worker
// between the two calls, so large files cross the thread boundary only once.
import { loadPackage } from '../data/load-package.ts';
import { formatProblem } from '../data/problems.ts';
import { memorySource } from '../data/source.ts';
import { buildPackage } from './build.ts';
import { planImport, type ImportPlan } from './plan.ts';
import { readFiles, type InputFile, type ReadProgress, type ReadResult } from './read.ts';
import { previewLayer, type Preview } from './preview.ts';

export interface AnalyseResult {
  plan: ImportPlan;
  /** Problems reading the files (a broken zip, bad JSON…). */
  problems: string[];
}

export interface BuildOutcome {
  ok: boolean;
  /** Every problem, as `error: file row/feature N, field: …` lines; warnings too. */
  problems: string[];
  /** The package's files (WGS84, package field names); empty when not ok. */
  files: Record<string, Uint8Array>;
}

export interface ImportApi {
  analyse(files: InputFile[], onProgress?: ReadProgress): Promise<AnalyseResult>;
  build(plan: ImportPlan): Promise<BuildOutcome>;
  /** Layer `index` of the plan in WGS84, thinned, to draw over the commune. */
  preview(plan: ImportPlan, index: number): Promise<Preview>;
}

export function createImportApi(): ImportApi {
  let read: ReadResult | null = null;
  return {
    async analyse(files, onProgress) {
      read = readFiles(files, onProgress);
      return { plan: planImport(read.layers, read.raw), problems: read.problems };
    },
    async build(plan) {
      if (!read) throw new Error('No files have been read; drop files first');
      const { files, problems, from } = buildPackage(read.layers, read.raw, plan);
      const readErrors = read.problems.filter((p) => p.startsWith('error'));
      const loaded = await loadPackage(memorySource('import', files));
      const all = [...readErrors, ...read.problems.filter((p) => !p.startsWith('error')), ...problems, ...loaded.problems.map((p) => `${p.severity}: ${formatProblem(p)}${from[p.file] && from[p.file] !== p.file ? ` (made from ${from[p.file]})` : ''}`)];
      const ok = loaded.pkg !== null && !all.some((p) => p.startsWith('error'));
      return { ok, problems: all, files: ok ? files : {} };
    },
    async preview(plan, index) {
      const layer = read?.layers[index];
      const entry = plan.layers[index];
      return layer && entry ? previewLayer(layer, entry) : { shapes: [], crs: null };
    },
  };
}
