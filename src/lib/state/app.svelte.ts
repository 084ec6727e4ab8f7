// What the user is looking at and what they changed. Every user action — a click in the
// panels or a `window.__app` call — goes through these methods, so both take one path.
import type { Remote } from 'comlink';
import type { Report } from '../engine/types.ts';
import type { Lang } from '../i18n/vocab.ts';
import type { LayerKey } from '../map/layers.ts';
import type { TerrainImage } from '../map/terrain-render.ts';
import type { EngineApi, Overlays, PackageView } from '../worker/protocol.ts';
import { DEFAULT_VIEW, type ChoroplethMetric, type Tab, type ViewState } from './view-codec.ts';

export type Phase = 'loading' | 'ready' | 'failed';
// The view's vocabulary lives with its URL codec; re-exported for the panels.
export { CHOROPLETH_METRICS, type ChoroplethMetric, type Tab } from './view-codec.ts';

/** Years the year selector offers besides "on air only": the plan period. */
export const PLAN_YEARS = [2026, 2027, 2028, 2029, 2030] as const;

export class AppState {
  lang = $state<Lang>(DEFAULT_VIEW.lang);
  phase = $state<Phase>('loading');
  /** Validator errors (formatProblem lines) when the package could not be opened. */
  errors = $state.raw<string[]>([]);
  warnings = $state.raw<string[]>([]);
  view = $state.raw<PackageView | null>(null);
  report = $state.raw<Report | null>(null);
  overlays = $state.raw<Overlays | null>(null);
  /** True while the worker recomputes figures after a change. */
  computing = $state(false);
  year = $state<number | null>(DEFAULT_VIEW.year);
  metric = $state<ChoroplethMetric>(DEFAULT_VIEW.metric);
  carrier = $state(DEFAULT_VIEW.carrier);
  layers = $state<Record<LayerKey, boolean>>({ ...DEFAULT_VIEW.layers });
  tab = $state<Tab>(DEFAULT_VIEW.tab);
  /** On a phone the panel is a bottom sheet the user opens and closes. */
  panelOpen = $state(true);
  /** The site whose footprints the map draws (the one clicked), or null. */
  selectedSiteId = $state<string | null>(null);
  /** A request for the map to zoom to a hamlet; `seq` makes repeated clicks count. */
  zoomRequest = $state.raw<{ hamletId: string; seq: number } | null>(null);

  readonly #viewState = $derived<ViewState>({
    year: this.year,
    lang: this.lang,
    metric: this.metric,
    carrier: this.carrier,
    layers: { ...this.layers },
    tab: this.tab,
  });

  readonly #engine: Remote<EngineApi>;
  #pending: Promise<void> = Promise.resolve();
  /** Bumped by every change; a computation whose number is stale is dropped. */
  #seq = 0;
  #openSeq = 0;

  constructor(engine: Remote<EngineApi>) {
    this.#engine = engine;
  }

  /** The predicted signal of a site's cells over the package's DEM, as an image for the map (null without a DEM). */
  signalImage(siteId: string): Promise<TerrainImage | null> {
    return this.#engine.signal(siteId);
  }

  /** Opens the package folder at an absolute URL and computes its figures. */
  open(url: string): Promise<void> {
    const openSeq = ++this.#openSeq;
    const seq = ++this.#seq;
    this.phase = 'loading';
    this.#pending = (async () => {
      const result = await this.#engine.open(url);
      if (openSeq !== this.#openSeq) return;
      this.warnings = result.warnings;
      if (!result.view) {
        this.errors = result.errors;
        this.phase = 'failed';
        throw new Error(result.errors.join('\n'));
      }
      this.errors = [];
      this.view = result.view;
      // A link made for another package may name a carrier this one does not have.
      if (this.carrier !== DEFAULT_VIEW.carrier && !result.view.carriers.includes(this.carrier)) this.carrier = DEFAULT_VIEW.carrier;
      // A year chosen while the package loaded made this computation stale: its setYear,
      // queued behind this one, computes that year once the package is in.
      await this.#recompute(seq);
    })();
    this.#track(seq);
    return this.#pending;
  }

  /** Views the network as of the end of `year` (null: on-air cells only). */
  setYear(year: number | null): Promise<void> {
    if (this.phase === 'failed' && !this.view) return Promise.reject(new Error(this.errors.join('\n') || 'No data package is open'));
    // A script can pass anything; the engine would compare on_air_year with it silently.
    if (year !== null && !Number.isInteger(year)) {
      return Promise.reject(new Error(`setYear: got ${JSON.stringify(year)}; expected a whole year such as 2026, or null`));
    }
    const seq = ++this.#seq;
    this.year = year;
    const previous = this.#pending.catch(() => undefined);
    this.#pending = previous.then(() => this.#recompute(seq));
    this.#track(seq);
    return this.#pending;
  }

  /** Resolves once the latest change is computed; rejects with the message the UI shows. */
  async ready(): Promise<void> {
    let pending: Promise<void>;
    do {
      pending = this.#pending;
      await pending;
    } while (pending !== this.#pending);
  }

  /** The worker's figures for what is on screen. */
  async currentReport(): Promise<Report> {
    await this.ready();
    return this.#engine.report();
  }

  async #recompute(seq: number): Promise<void> {
    if (seq !== this.#seq) return;
    // The package failed to open while this change waited for it.
    if (!this.view) throw new Error(this.errors.join('\n') || 'No data package is open');
    this.computing = true;
    try {
      const report = await this.#engine.setYear(this.year);
      if (seq !== this.#seq) return;
      this.report = report;
      this.phase = 'ready';
      const overlays = await this.#engine.overlays();
      if (seq !== this.#seq) return;
      this.overlays = overlays;
    } finally {
      if (seq === this.#seq) this.computing = false;
    }
  }

  #track(seq: number): void {
    this.#pending.catch((err: unknown) => {
      if (seq !== this.#seq) return;
      this.phase = 'failed';
      if (this.errors.length === 0) this.errors = [err instanceof Error ? err.message : String(err)];
    });
  }

  /** The worker died or could not start: nothing can be computed. */
  fail(message: string): void {
    this.#seq++;
    this.phase = 'failed';
    this.errors = [message];
    this.computing = false;
    this.#pending = Promise.reject(new Error(message));
    this.#pending.catch(() => undefined);
  }

  /** The user's view choices (what the URL hash records). */
  viewState(): ViewState {
    return this.#viewState;
  }

  /** Applies view choices (a decoded link); the year goes through setYear, as the year
   *  selector's does, and the promise settles as setYear's would. */
  applyView(view: Partial<ViewState>): Promise<void> {
    if (view.lang !== undefined) this.setLang(view.lang);
    if (view.metric !== undefined) this.setMetric(view.metric);
    if (view.carrier !== undefined) this.setCarrier(view.carrier);
    if (view.layers !== undefined) this.layers = { ...view.layers };
    if (view.tab !== undefined) this.setTab(view.tab);
    return view.year !== undefined && view.year !== this.year ? this.setYear(view.year) : Promise.resolve();
  }

  toggleLayer(key: LayerKey): void {
    this.layers[key] = !this.layers[key];
  }

  setMetric(metric: ChoroplethMetric): void {
    this.metric = metric;
  }

  setCarrier(carrier: string): void {
    this.carrier = carrier;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  setTab(tab: Tab): void {
    this.tab = tab;
  }

  togglePanel(): void {
    this.panelOpen = !this.panelOpen;
  }

  selectSite(siteId: string | null): void {
    this.selectedSiteId = siteId;
  }

  zoomToHamlet(hamletId: string): void {
    this.zoomRequest = { hamletId, seq: (this.zoomRequest?.seq ?? 0) + 1 };
  }
}
