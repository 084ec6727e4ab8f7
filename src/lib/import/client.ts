// Starts an import worker per import; cancel() terminates it (and the parsing with it).
import { proxy, wrap, type Remote } from 'comlink';
import type { ImportApi } from './api.ts';
import type { ReadProgress } from './read.ts';

export interface ImportSession {
  api: Remote<ImportApi>;
  /** Wraps a progress callback so the worker can call it. */
  progress(fn: ReadProgress): ReadProgress;
  cancel(): void;
}

export function startImport(): ImportSession {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  return {
    api: wrap<ImportApi>(worker),
    progress: (fn) => proxy(fn),
    cancel: () => worker.terminate(),
  };
}
