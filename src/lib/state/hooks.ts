// `window.__app` (docs/app-hooks.md): the app's scripting surface. Each hook calls the
// same AppState method a click does. Hooks of features not built yet (candidates, share
// link, import) are absent, never stubs.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Report } from '../engine/types.ts';
import type { AppState } from './app.svelte.ts';

export interface AppHooks {
  /** Resolves when the current package is loaded, validated and its figures computed. */
  ready(): Promise<void>;
  /** The figures for what is on screen now, in the shape of docs/report.md's JSON. */
  report(): Promise<Report>;
  /** Views the network as of the end of `year` (null: on-air cells only). */
  setYear(year: number | null): Promise<void>;
}

declare global {
  interface Window {
    __app?: AppHooks;
    /** NOT part of docs/app-hooks.md: the MapLibre map, exposed read-only so end-to-end
     *  tests can query rendered features. Scripts should use `__app`, which is stable. */
    __appMap?: MaplibreMap;
  }
}

/** Builds the hooks over an AppState. */
export function createHooks(app: AppState): AppHooks {
  return {
    ready: () => app.ready(),
    report: () => app.currentReport(),
    setYear: (year) => app.setYear(year),
  };
}
