// Starts the engine worker and wraps it with comlink. The one place the page talks to it.
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './protocol.ts';

export interface EngineHandle {
  api: Remote<EngineApi>;
  /** Calls `onFatal` if the worker itself fails (e.g. its script cannot load). */
  onFatal(listener: (message: string) => void): void;
}

/** Starts one engine worker for the page. */
export function startEngine(): EngineHandle {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return {
    api: wrap<EngineApi>(worker),
    onFatal(listener) {
      worker.addEventListener('error', (event) => listener(event.message || 'The engine worker failed to start'));
    },
  };
}
