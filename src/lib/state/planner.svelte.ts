// The planner: candidate sites placed, dragged, edited and removed, with undo and redo.
// Every edit — a click, a drag, the form, or a `window.__app` call — goes through commit(),
// which hands the new candidate list to AppState (the engine checks it there) and keeps
// the list it replaced for undo.
import { cellsOfSite, defaultTemplate, templateOfSite, upgradeTemplate, type CandidateTemplate } from '../engine/planner/template.ts';
import type { Cell, Tech } from '../engine/types.ts';
import type { Lang } from '../i18n/vocab.ts';
import type { ScenarioComparison, Suggestion } from '../worker/protocol.ts';
import { canonicalCandidate } from '../planner/exchange-fields.ts';
import { assertScenarioCell } from '../engine/scenario-cell.ts';
import type { AppState } from './app.svelte.ts';
import {
  cellsOf,
  freeSiteId,
  roundDeg,
  siteOfId,
  snapPlace,
  withSiteEdited,
  withSiteInfo,
  withSiteMoved,
  withoutSite,
} from './candidate-list.ts';

export type PlannerMode = 'view' | 'add';

/** How many steps undo keeps. */
const UNDO_LIMIT = 100;

/** What a new site may say about itself beyond the form (the hook passes these). */
export interface SitePlacement {
  lon: number;
  lat: number;
  siteId?: string;
  cellId?: string;
  name?: string;
  onAirYear?: number | null;
  /** false: stay exactly here (an upgrade stands on its own site, not on a place nearby). */
  snap?: boolean;
}

export class PlannerState {
  mode = $state<PlannerMode>('view');
  /** The form for new sites. */
  template = $state<CandidateTemplate>(defaultTemplate('5G', ''));
  /** The candidate site the form edits, or null. */
  selectedSiteId = $state<string | null>(null);
  /** The engine's message for the last edit it refused, shown beside the form. */
  error = $state<string | null>(null);
  /** Two scenarios compared (the map shows where they differ), or null. */
  comparison = $state.raw<(ScenarioComparison & { nameA: string; nameB: string }) | null>(null);
  /** The last suggestion run's ranked sites (accepted ones are dropped from the list). */
  suggestions = $state.raw<Suggestion[]>([]);
  /** 0..1 while a suggestion run works; null otherwise. */
  suggestProgress = $state<number | null>(null);
  /** Why the last run gave nothing (no place adds people) or failed; null otherwise. */
  suggestNote = $state<string | null>(null);
  undoStack = $state.raw<Cell[][]>([]);
  redoStack = $state.raw<Cell[][]>([]);
  #suggestRun = 0;
  /** The list before a drag started: the drop is one undo step, however many frames it took. */
  #dragStart: Cell[] | null = null;
  /** Called after every committed change (the scenario store saves it). */
  onCommit: ((cells: Cell[]) => void) | null = null;

  constructor(private readonly app: AppState) {}

  /** The form's starting values for a technology, with the package's first carrier. */
  defaultsFor(tech: Tech): CandidateTemplate {
    const carrier = this.template.carrier || this.app.view?.carriers[0] || 'Viettel';
    return defaultTemplate(tech, carrier);
  }

  /**
   * The template a scripted cell describes: the defaults of its technology, overridden by
   * the fields it gives (a number azimuth is one sector, null is omni). Fields the engine
   * cannot use pass through, so the engine's check refuses them with its message.
   */
  templateFromCell(cell: Partial<Cell>): CandidateTemplate {
    const tech = cell.tech ?? this.template.tech;
    const base = this.defaultsFor(tech === '4G' ? '4G' : '5G');
    const pick = <K extends keyof Cell>(key: K, fallback: CandidateTemplate[K & keyof CandidateTemplate]) =>
      (cell[key] !== undefined ? cell[key] : fallback) as CandidateTemplate[K & keyof CandidateTemplate];
    return {
      tech,
      carrier: pick('carrier', base.carrier),
      band_mhz: pick('band_mhz', base.band_mhz),
      height_m: pick('height_m', base.height_m),
      eirp_dbm: pick('eirp_dbm', base.eirp_dbm),
      range_m: pick('range_m', base.range_m),
      beamwidth_deg: pick('beamwidth_deg', base.beamwidth_deg),
      azimuths_deg: cell.azimuth_deg === undefined || cell.azimuth_deg === null ? [] : [cell.azimuth_deg],
    };
  }

  setMode(mode: PlannerMode): void {
    this.mode = mode;
    if (mode === 'add' && this.template.carrier === '') this.template = this.defaultsFor(this.template.tech);
  }

  /** Selects a candidate site (its form opens in the planner tab), or none. */
  select(siteId: string | null): void {
    this.selectedSiteId = siteId;
    if (siteId !== null) this.app.setTab('planner');
  }

  /** Shows a refused edit's message (a drop or click whose promise nobody awaits). */
  fail(err: unknown): void {
    this.error = err instanceof Error ? err.message : String(err);
  }

  setTemplate(template: CandidateTemplate): void {
    this.template = template;
  }

  /**
   * Places a new site at [lon, lat] (on a candidate place when one is within the snap
   * radius, its height capped by the place's max_height_m) and resolves to its first
   * cell's id once the figures include it.
   */
  async addSite(placement: SitePlacement, template: CandidateTemplate = this.template, lang: Lang = this.app.lang): Promise<string> {
    const before = this.app.candidates;
    const place = placement.snap === false ? null : snapPlace(this.app.view?.candidatePlaces ?? [], placement.lon, placement.lat);
    const taken = [...before.flatMap((c) => [c.id, c.site_id]), ...(this.app.view?.cells ?? []).flatMap((c) => [c.id, c.site_id])];
    const siteId = placement.siteId ?? placement.cellId ?? freeSiteId(taken);
    const height = place?.max_height_m != null && template.height_m !== null ? Math.min(template.height_m, place.max_height_m) : template.height_m;
    const site = {
      siteId,
      name: placement.name ?? place?.name ?? (lang === 'vi' ? `Trạm đề xuất ${siteId}` : `Candidate ${siteId}`),
      lon: place?.lon ?? roundDeg(placement.lon),
      lat: place?.lat ?? roundDeg(placement.lat),
      onAirYear: placement.onAirYear ?? null,
    };
    const cells = cellsOfSite({ ...template, height_m: height }, site);
    if (placement.cellId && cells[0]) cells[0] = { ...cells[0], id: placement.cellId };
    await this.#commit([...before, ...cells], before);
    this.selectedSiteId = siteId;
    return cells[0]?.id ?? siteId;
  }

  /** A drag frame: the site follows the pointer, figures follow as fast as the engine answers. */
  dragSite(siteId: string, lon: number, lat: number): void {
    this.#dragStart ??= this.app.candidates;
    // A frame the engine refuses (off the globe) is simply not shown; the drop says why.
    this.app.setCandidates(withSiteMoved(this.app.candidates, siteId, lon, lat), { live: true }).catch(() => undefined);
  }

  /** The end of a drag (or a move from the hook): one undo step back to where the drag began. */
  async moveSite(siteId: string, lon: number, lat: number): Promise<void> {
    const before = this.#dragStart ?? this.app.candidates;
    this.#dragStart = null;
    await this.#commit(withSiteMoved(this.app.candidates, siteId, lon, lat), before);
  }

  /** Rebuilds a site from the form's values (technology, radio, sectors). */
  async editSite(siteId: string, template: CandidateTemplate): Promise<void> {
    await this.#commit(withSiteEdited(this.app.candidates, siteId, template));
  }

  async renameSite(siteId: string, info: { name?: string; onAirYear?: number | null }): Promise<void> {
    await this.#commit(withSiteInfo(this.app.candidates, siteId, info));
  }

  async removeSite(siteId: string): Promise<void> {
    if (this.selectedSiteId === siteId) this.selectedSiteId = null;
    await this.#commit(withoutSite(this.app.candidates, siteId));
  }

  /** The site a cell id or site id of the scenario names; rejects for an unknown id. */
  siteOf(id: string): string {
    const siteId = siteOfId(this.app.candidates, id);
    if (siteId === null) throw new Error(`no candidate ${id} in the current scenario`);
    return siteId;
  }

  /** A co-located 5G candidate for an existing (package) 4G site, in one click. */
  async upgradeTo5G(packageSiteId: string): Promise<string> {
    const siteCells = (this.app.view?.cells ?? []).filter((c) => c.site_id === packageSiteId);
    const first = siteCells[0];
    if (!first) throw new Error(`no site ${packageSiteId} in the package`);
    const taken = [...this.app.candidates.flatMap((c) => [c.id, c.site_id]), ...(this.app.view?.cells ?? []).flatMap((c) => [c.id, c.site_id])];
    return this.addSite(
      { lon: first.lon, lat: first.lat, siteId: freeSiteId(taken, `${packageSiteId}-5G-`), name: `${first.name} (5G)`, snap: false },
      upgradeTemplate(siteCells),
    );
  }

  /** Suggests `count` sites of the form's kind for `tech` and `carrier` (the form's radio settings when its technology matches, else that technology's defaults). */
  async suggest(opts: { tech: Tech; carrier: string; count: number; priorityWeight: number }): Promise<void> {
    const base = opts.tech === this.template.tech ? this.template : this.defaultsFor(opts.tech);
    // A plain copy: the form's template is reactive state, which cannot cross to the worker.
    const template = { ...$state.snapshot(base), tech: opts.tech, carrier: opts.carrier };
    const run = ++this.#suggestRun;
    this.suggestProgress = 0;
    this.suggestNote = null;
    // Progress messages can arrive after the answer: only the running search's count.
    const onProgress = (p: number) => {
      if (run === this.#suggestRun && this.suggestProgress !== null) this.suggestProgress = p;
    };
    try {
      this.suggestions = await this.app.suggest({ ...opts, template }, onProgress);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message !== 'cancelled') this.suggestNote = message;
    } finally {
      if (run === this.#suggestRun) this.suggestProgress = null;
    }
  }

  cancelSuggest(): void {
    void this.app.cancelSuggest();
  }

  /** Makes a suggested site a candidate: same place, the cells' settings, no snapping (it stands where it was computed). */
  async acceptSuggestion(s: Suggestion): Promise<string> {
    const first = s.cells[0];
    if (!first) throw new Error(`suggestion ${s.rank} has no cells`);
    const template = { ...templateOfSite(s.cells), height_m: first.height_m };
    const lang = this.app.lang;
    const name = s.placeName ?? (lang === 'vi' ? `Vị trí gợi ý ${s.rank}` : `Suggested site ${s.rank}`);
    const id = await this.addSite({ lon: s.lon, lat: s.lat, name, snap: false }, template);
    this.suggestions = this.suggestions.filter((x) => x !== s);
    return id;
  }

  /** Compares two candidate lists on the year viewed; the map shows where they differ. */
  async compare(a: { name: string; cells: Cell[] }, b: { name: string; cells: Cell[] }): Promise<void> {
    const result = await this.app.compare(a.cells, b.cells);
    this.comparison = { ...result, nameA: a.name, nameB: b.name };
  }

  closeComparison(): void {
    this.comparison = null;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  async undo(): Promise<void> {
    const previous = this.undoStack.at(-1);
    if (!previous) return;
    const current = this.app.candidates;
    await this.app.setCandidates(previous);
    this.undoStack = this.undoStack.slice(0, -1);
    this.redoStack = [...this.redoStack, current];
    this.#afterChange();
  }

  async redo(): Promise<void> {
    const next = this.redoStack.at(-1);
    if (!next) return;
    const current = this.app.candidates;
    await this.app.setCandidates(next);
    this.redoStack = this.redoStack.slice(0, -1);
    this.undoStack = [...this.undoStack, current].slice(-UNDO_LIMIT);
    this.#afterChange();
  }

  /** Starts a fresh history with `cells` (a scenario opened or restored). */
  load(cells: Cell[]): Promise<void> {
    // The form starts with the package's first carrier.
    if (this.template.carrier === '') this.template = this.defaultsFor(this.template.tech);
    this.undoStack = [];
    this.redoStack = [];
    this.selectedSiteId = null;
    this.error = null;
    // An empty scenario on a package just opened (no candidates yet) changes nothing: computing
    // the same figures and overlays again would double a province's wait after opening.
    if (cells.length === 0 && this.app.candidates.length === 0) return this.app.ready();
    return this.app.setCandidates(cells);
  }

  /** The cells of a candidate site. */
  cellsOf(siteId: string): Cell[] {
    return cellsOf(this.app.candidates, siteId);
  }

  async #commit(edited: Cell[], before: Cell[] = this.app.candidates): Promise<void> {
    // Kept as the sites loaders would read them back (trimmed NFC text…): an exported file
    // or a shared link then reopens exactly these cells.
    try {
      for (const cell of edited) assertScenarioCell(cell);
      const next = edited.map(canonicalCandidate);
      await this.app.setCandidates(next);
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      // A refused drag or edit puts back what was on screen.
      if (this.app.candidates !== before) await this.app.setCandidates(before).catch(() => undefined);
      throw err;
    }
    this.error = null;
    this.undoStack = [...this.undoStack, before].slice(-UNDO_LIMIT);
    this.redoStack = [];
    this.#afterChange();
  }

  #afterChange(): void {
    if (this.selectedSiteId !== null && cellsOf(this.app.candidates, this.selectedSiteId).length === 0) this.selectedSiteId = null;
    this.onCommit?.(this.app.candidates);
  }
}

