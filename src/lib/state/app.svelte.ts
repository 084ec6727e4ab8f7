// What the user is looking at and what they changed. Every user action — a click in the
// panels or a `window.__app` call — goes through these methods, so both take one path.
import { proxy, type Remote } from 'comlink';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { assertScenarioCell } from '../engine/scenario-cell.ts';
import type { Cell, Report } from '../engine/types.ts';
import type { Lang } from '../i18n/vocab.ts';
import type { LayerKey } from '../map/layers.ts';
import { mergeOverlays } from '../worker/merge-overlays.ts';
import { applyReportUpdate } from '../worker/report-patch.ts';
import type { EngineApi, FootprintProps, OpenResult, Overlays, PackageView, ScenarioComparison, SiteImpact, SuggestOptions, Suggestion } from '../worker/protocol.ts';
import type { TerrainImage } from '../map/terrain-render.ts';
import type { ReportHtmlInput } from '../report/html/input.ts';
import type { PackageLayers } from '../tiles/package-layers.ts';
import { DEFAULT_VIEW, type ChoroplethMetric, type MapCamera, type Tab, type ViewState } from './view-codec.ts';

export type Phase = 'loading' | 'ready' | 'failed';
// The view's vocabulary lives with its URL codec; re-exported for the panels.
export { CHOROPLETH_METRICS, type ChoroplethMetric, type Tab } from './view-codec.ts';

/** Years the year selector offers besides "on air only": the plan period. */
export const PLAN_YEARS = [2026, 2027, 2028, 2029, 2030] as const;
/** The timeline's years: the end of the plan's base year, then the plan period. */
export const TIMELINE_YEARS: readonly number[] = [2025, ...PLAN_YEARS];

/** During a drag, holes and priority places recompute at most this often, ms. */
const LIVE_OVERLAY_MS = 150;

export class AppState {
  lang = $state<Lang>(DEFAULT_VIEW.lang);
  phase = $state<Phase>('loading');
  /** Validator errors (formatProblem lines) when the package could not be opened. */
  errors = $state.raw<string[]>([]);
  warnings = $state.raw<string[]>([]);
  view = $state.raw<PackageView | null>(null);
  /** The package's static map layers as GeoJSON, once loadMapLayers() got them (a map without PMTiles). */
  mapLayers = $state.raw<PackageLayers | null>(null);
  report = $state.raw<Report | null>(null);
  overlays = $state.raw<Overlays | null>(null);
  /** The current scenario's candidate cells; they count as on air. */
  candidates = $state.raw<Cell[]>([]);
  /** The candidates' predicted footprints, as last computed by the engine. */
  candidateFootprints = $state.raw<FeatureCollection<Polygon | MultiPolygon, FootprintProps>>({ type: 'FeatureCollection', features: [] });
  /** The figures for the same year without candidates: what the planner's deltas are measured against. */
  baseline = $state.raw<Report | null>(null);
  /** What each candidate site adds on its own (computed after a change settles, not per drag frame). */
  impacts = $state.raw<SiteImpact[]>([]);
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
  /** True while the print view (the quarterly report) is open over the page. */
  reportOpen = $state(false);
  /** A request for the map to zoom to a hamlet; `seq` makes repeated clicks count. */
  zoomRequest = $state.raw<{ hamletId: string; seq: number } | null>(null);
  /** The hamlet chosen in the table (highlighted in the table and on the map), or null. */
  selectedHamletId = $state<string | null>(DEFAULT_VIEW.hamlet);
  /** Where the user last moved the map (null: the package's extent, untouched). */
  camera = $state.raw<MapCamera | null>(DEFAULT_VIEW.map);
  /** A link's camera for the map to jump to; `seq` makes a repeated link count. */
  cameraRequest = $state.raw<{ camera: MapCamera; seq: number } | null>(null);

  readonly #viewState = $derived<ViewState>({
    year: this.year,
    lang: this.lang,
    metric: this.metric,
    carrier: this.carrier,
    layers: { ...this.layers },
    tab: this.tab,
    map: this.camera,
    hamlet: this.selectedHamletId,
  });

  readonly #engine: Remote<EngineApi>;
  #pending: Promise<void> = Promise.resolve();
  /** Bumped by every change; a queued computation whose number is stale is skipped. */
  #seq = 0;
  /** The change whose figures are on screen: a slower, older answer never replaces a newer one. */
  #shownSeq = 0;
  /** When a drag frame last recomputed the overlays (performance.now() ms). */
  #liveOverlaysAt = -Infinity;
  /** Candidate changes waiting for their figures: change number and when it was asked for. */
  #waiting: Array<{ seq: number; at: number }> = [];
  #openSeq = 0;
  /** The worker's last report as rebuilt here (shown or not), numbered: apply() sends changes against it. */
  #heldReport: { version: number; report: Report } | null = null;
  /** The open package's mapLayers() call, once made. */
  #mapLayersAsked: Promise<void> | null = null;
  /** When the package being opened was asked for, until its figures show ("package-figures" measure). */
  #openedAt: number | null = null;

  constructor(engine: Remote<EngineApi>) {
    this.#engine = engine;
  }

  /** The predicted signal of a site's cells over the package's DEM, as an image for the map (null without a DEM). */
  signalImage(siteId: string): Promise<TerrainImage | null> {
    return this.#engine.signal(siteId);
  }

  /** Opens the package folder at an absolute URL and computes its figures. */
  open(url: string): Promise<void> {
    return this.#open(() => this.#engine.open(url));
  }

  /** Opens an imported package held in memory (file name → bytes), like open() does a folder. */
  openFiles(label: string, files: Record<string, Uint8Array>): Promise<void> {
    return this.#open(() => this.#engine.openFiles(label, files));
  }

  #open(load: () => Promise<OpenResult>): Promise<void> {
    const openSeq = ++this.#openSeq;
    const seq = ++this.#seq;
    this.phase = 'loading';
    const openedAt = performance.now();
    this.#openedAt = openedAt;
    this.#pending = (async () => {
      const result = await load();
      if (openSeq !== this.#openSeq) return;
      // Read, validated and turned into map features (npm run bench:drag prints it).
      performance.measure('package-open', { start: openedAt, end: performance.now() });
      this.warnings = result.warnings;
      if (!result.view) {
        this.errors = result.errors;
        this.phase = 'failed';
        throw new Error(result.errors.join('\n'));
      }
      this.errors = [];
      this.#heldReport = null;
      this.view = result.view;
      this.mapLayers = null;
      this.#mapLayersAsked = null;
      // Candidates belong to a package: the planner restores this package's own scenario.
      this.candidates = [];
      // A link made for another package may name a carrier this one does not have.
      if (this.carrier !== DEFAULT_VIEW.carrier && !result.view.carriers.includes(this.carrier)) this.carrier = DEFAULT_VIEW.carrier;
      if (this.selectedHamletId !== null && !result.view.extents.hamletBounds[this.selectedHamletId]) this.selectedHamletId = null;
      // A year chosen while the package loaded made this computation stale: its setYear,
      // queued behind this one, computes that year once the package is in.
      await this.#recompute(seq);
    })();
    this.#track(seq);
    return this.#pending;
  }

  /**
   * Fetches the open package's map layers as GeoJSON into `mapLayers`, once per package:
   * for a map drawing no PMTiles archive of it (and the importer's outline preview).
   */
  loadMapLayers(): Promise<void> {
    if (!this.view) return Promise.resolve();
    if (this.#mapLayersAsked) return this.#mapLayersAsked;
    const openSeq = this.#openSeq;
    this.#mapLayersAsked = this.#engine.mapLayers().then((layers) => {
      if (openSeq === this.#openSeq) this.mapLayers = layers;
    });
    return this.#mapLayersAsked;
  }

  /** Views the network as of the end of `year` (null: on-air cells only). */
  setYear(year: number | null): Promise<void> {
    if (this.phase === 'failed' && !this.view) return Promise.reject(new Error(this.errors.join('\n') || 'No data package is open'));
    // A script can pass anything; the engine would compare on_air_year with it silently.
    if (year !== null && !Number.isInteger(year)) {
      return Promise.reject(new Error(`setYear: got ${JSON.stringify(year)}; expected a whole year such as 2026, or null`));
    }
    this.year = year;
    return this.#change(false);
  }

  /**
   * Makes `cells` the current scenario's candidates and recomputes the figures. A cell the
   * engine cannot compute rejects with its message before anything changes. `live` marks a
   * drag frame: frames coalesce (the worker only ever computes the latest one), their
   * figures show as they arrive, and the heavier overlays wait for the drop.
   */
  setCandidates(cells: Cell[], options: { live?: boolean } = {}): Promise<void> {
    if (this.phase === 'failed' && !this.view) return Promise.reject(new Error(this.errors.join('\n') || 'No data package is open'));
    try {
      for (const cell of cells) assertScenarioCell(cell);
    } catch (err) {
      return Promise.reject(err);
    }
    this.candidates = cells;
    const pending = this.#change(options.live ?? false);
    this.#waiting.push({ seq: this.#seq, at: performance.now() });
    return pending;
  }

  #change(live: boolean): Promise<void> {
    const seq = ++this.#seq;
    const previous = this.#pending.catch(() => undefined);
    this.#pending = previous.then(() => this.#recompute(seq, live));
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

  /**
   * Suggested sites for the year viewed, with the current candidates fixed; `onProgress`
   * gets 0..1. Rejects with 'cancelled' when cancelSuggest() stops it.
   */
  async suggest(opts: Omit<SuggestOptions, 'year'>, onProgress: (progress: number) => void): Promise<Suggestion[]> {
    await this.ready();
    return this.#engine.suggest({ ...opts, year: this.year }, this.candidates, proxy(onProgress));
  }

  cancelSuggest(): Promise<void> {
    return this.#engine.cancelSuggest();
  }

  /** Two candidate lists compared on the year viewed (the current scenario is not changed). */
  async compare(a: Cell[], b: Cell[]): Promise<ScenarioComparison> {
    await this.ready();
    return this.#engine.compare(a, b);
  }

  /** The printed report's input for what is on screen, with a picture of the map view (null: the hamlet diagram). */
  async reportInput(mapImage: string | null, asOf: Date): Promise<ReportHtmlInput> {
    await this.ready();
    return this.#engine.reportInput({ lang: this.lang, asOf, mapImage });
  }

  /** The figures at the end of each of `years` with the current candidates (the timeline). */
  async timeline(years: number[]): Promise<Report[]> {
    await this.ready();
    return this.#engine.timeline(years);
  }

  setReportOpen(open: boolean): void {
    this.reportOpen = open;
  }

  async #recompute(seq: number, live = false): Promise<void> {
    if (seq !== this.#seq) return;
    // The package failed to open while this change waited for it.
    if (!this.view) throw new Error(this.errors.join('\n') || 'No data package is open');
    this.computing = true;
    try {
      const figures = await this.#engine.apply({ year: this.year, candidates: this.candidates, heldReport: this.#heldReport?.version ?? null });
      // The worker only patches the report it last sent, which is the one held here.
      const report = applyReportUpdate(this.#heldReport, figures.report) ?? (await this.#engine.report());
      this.#heldReport = { version: figures.report.version, report };
      if (seq < this.#shownSeq) return;
      this.#shownSeq = seq;
      this.#measureShown(seq);
      this.report = report;
      this.candidateFootprints = figures.candidateFootprints;
      this.phase = 'ready';
      if (this.#openedAt !== null) {
        performance.measure('package-figures', { start: this.#openedAt, end: performance.now() });
        this.#openedAt = null;
      }
      // A newer drag frame is waiting: it brings the overlays. During a drag they follow at
      // most every LIVE_OVERLAY_MS, so the figures themselves keep the engine's full rate.
      if (seq !== this.#seq) return;
      if (live && performance.now() - this.#liveOverlaysAt < LIVE_OVERLAY_MS) return;
      if (live) this.#liveOverlaysAt = performance.now();
      const overlays = await this.#engine.overlays(live ? 'live' : 'full');
      if (seq !== this.#seq) return;
      this.overlays = mergeOverlays(this.overlays, overlays);
      if (live) return;
      const [baseline, impacts] = [await this.#engine.baseline(), await this.#engine.impacts()];
      if (seq !== this.#seq) return;
      this.baseline = baseline;
      this.impacts = impacts;
    } finally {
      if (seq === this.#seq) this.computing = false;
    }
  }

  /**
   * A "planner-update" performance measure per candidate change answered by these figures
   * (a coalesced drag frame is answered by a later frame's): from the change to figures on
   * screen. `npm run bench:drag` reads them; the browser's buffer keeps them otherwise unread.
   */
  #measureShown(seq: number): void {
    const now = performance.now();
    while (this.#waiting.length > 0 && (this.#waiting[0]?.seq ?? Infinity) <= seq) {
      const { at } = this.#waiting.shift() as { seq: number; at: number };
      performance.measure('planner-update', { start: at, end: now });
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
    if (view.hamlet !== undefined) this.selectedHamletId = view.hamlet;
    if (view.map !== undefined) {
      this.camera = view.map;
      if (view.map) this.cameraRequest = { camera: view.map, seq: (this.cameraRequest?.seq ?? 0) + 1 };
    }
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

  /** Records where the user moved the map (rounded to ~1 m and 1/100 zoom: a link stays short). */
  recordCamera(lon: number, lat: number, zoom: number): void {
    const round = (value: number, digits: number) => Number(value.toFixed(digits));
    this.camera = { center: [round(lon, 5), round(lat, 5)], zoom: round(zoom, 2) };
  }

  /** Selects a hamlet and zooms the map to it. */
  zoomToHamlet(hamletId: string): void {
    this.selectedHamletId = hamletId;
    this.zoomRequest = { hamletId, seq: (this.zoomRequest?.seq ?? 0) + 1 };
  }
}
