// `window.__app` (see docs/app-hooks.md): the app's scripting surface. Each hook calls the
// same state method a click or a drag does.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Cell, Report } from '../engine/types.ts';
import type { AppState } from './app.svelte.ts';
import type { PlannerState } from './planner.svelte.ts';
import type { ScenariosState } from './scenarios.svelte.ts';
import type { ImporterState } from './importer.svelte.ts';
import type { ExchangeFormat } from '../planner/exchange.ts';
import { shareUrl } from './share.svelte.ts';

export interface AppHooks {
  /** Resolves when the current package is loaded, validated and its figures computed. */
  ready(): Promise<void>;
  /** The figures for what is on screen now (candidates count as on air), in the shape of docs/report.md's JSON. */
  report(): Promise<Report>;
  /** The current scenario's candidate cells, with the sites.csv fields. */
  candidates(): Cell[];
  /** Adds a candidate as a click on the map would; missing fields take the form's defaults. Resolves to its id. */
  addCandidate(cell: Partial<Cell> & { lon: number; lat: number }): Promise<string>;
  /** Moves a candidate (its whole site) as the end of a drag would. */
  moveCandidate(id: string, lon: number, lat: number): Promise<void>;
  /** Removes a candidate (its whole site) as the delete button would. */
  removeCandidate(id: string): Promise<void>;
  /** Views the network as of the end of `year` (null: on-air cells only). */
  setYear(year: number | null): Promise<void>;
  /** The text of the file "Export" downloads for the current scenario's candidates. */
  exportCandidates(format: ExchangeFormat): Promise<string>;
  /** The link "Copy link" copies: this page with the view and the current scenario's candidates. */
  shareUrl(): string;
  /** Imports files as if dropped on the app; on success the imported package becomes the current one. */
  importFiles?(urls: string[]): Promise<{ ok: boolean; problems: string[] }>;
}

declare global {
  interface Window {
    __app?: AppHooks;
    /** NOT part of the documented hooks: the MapLibre map, exposed read-only so end-to-end
     *  tests can query rendered features. Scripts should use `__app`, which is stable. */
    __appMap?: MaplibreMap;
  }
}

/** Builds the hooks over the app's state. */
export function createHooks(app: AppState, planner: PlannerState, scenarios: ScenariosState, importer?: ImporterState): AppHooks {
  // Ready means the package is open and its saved scenario restored.
  const ready = async () => {
    await scenarios.settled();
    await app.ready();
  };
  return {
    ready,
    report: () => app.currentReport(),
    candidates: () => app.candidates.map((c) => ({ ...c })),
    addCandidate: async (cell) => {
      await ready();
      for (const field of ['id', 'site_id', 'name', 'carrier'] as const) {
        if (cell[field] !== undefined && typeof cell[field] !== 'string') {
          throw new RangeError(`addCandidate: ${field}: got ${JSON.stringify(cell[field])}; expected text`);
        }
      }
      return planner.addSite(
        { lon: cell.lon, lat: cell.lat, siteId: cell.site_id, cellId: cell.id, name: cell.name, onAirYear: cell.on_air_year },
        planner.templateFromCell(cell),
      );
    },
    moveCandidate: async (id, lon, lat) => {
      await ready();
      return planner.moveSite(planner.siteOf(id), lon, lat);
    },
    removeCandidate: async (id) => {
      await ready();
      return planner.removeSite(planner.siteOf(id));
    },
    setYear: (year) => app.setYear(year),
    exportCandidates: async (format) => {
      await ready();
      // The same writers as the Export buttons, loaded on first use as they are.
      const { exportCandidates } = await import('../planner/exchange.ts');
      return exportCandidates(app.candidates, format, scenarios.exportMeta());
    },
    ...(importer ? { importFiles: (urls: string[]) => importer.importUrls(urls) } : {}),
    shareUrl: () => shareUrl(app),
  };
}
