// The package's named scenarios: listed, created, duplicated, renamed, deleted and opened,
// and the current one saved after every committed planner change, so a reload or a crash
// loses nothing. Storage is injected (IndexedDB in the browser, fake-indexeddb in tests).
import type { Cell } from '../engine/types.ts';
import type { ScenarioStore } from '../planner/scenario-store.ts';
import { copyScenarioName, defaultScenarioName, duplicateScenario, newScenario, renameScenario, withCandidates, type Scenario } from '../planner/scenarios.ts';
import type { AppState } from './app.svelte.ts';
import type { PlannerState } from './planner.svelte.ts';
import { sameCandidates } from './link-candidates.ts';

export class ScenariosState {
  list = $state.raw<Scenario[]>([]);
  currentId = $state<string | null>(null);
  /** Saved records that could not be read (skipped), and storage failures. */
  warnings = $state.raw<string[]>([]);
  /** False when the browser refuses to store: changes then last only until a reload. */
  saving = $state(true);
  #areaId: string | null = null;
  /** Settles once every scenario operation started so far has (the hooks' ready() waits for it). */
  #settled: Promise<void> = Promise.resolve();
  /** Saves queue one behind the other, so the last change is the one stored. */
  #saves: Promise<void> = Promise.resolve();

  constructor(
    private readonly app: AppState,
    private readonly planner: PlannerState,
    private readonly store: ScenarioStore,
  ) {
    planner.onCommit = (cells) => this.#saveCurrent(cells);
  }

  get current(): Scenario | null {
    return this.list.find((s) => s.id === this.currentId) ?? null;
  }

  /** Resolves once the package's scenario is restored and every create, open, copy or delete started so far is done. */
  settled(): Promise<void> {
    return this.#settled;
  }

  /** Runs a scenario operation, counted by settled(). */
  #track<T>(operation: Promise<T>): Promise<T> {
    const done = operation.then(
      () => undefined,
      () => undefined,
    );
    this.#settled = this.#settled.then(() => done);
    return operation;
  }

  /**
   * Once `opening` (AppState.open) has the package, reads its area's scenarios and opens the
   * current one (a first visit gets an empty "Phương án 1"). A failed open is the app's to show.
   */
  follow(opening: Promise<void>): Promise<void> {
    return this.#track(
      opening.then(
        () => (this.app.view ? this.#open(this.app.view.area.id) : undefined),
        () => undefined,
      ),
    );
  }

  async #open(areaId: string): Promise<void> {
    this.#areaId = areaId;
    let list = await this.#attempt(() => this.store.list(areaId), []);
    if (list.length === 0) {
      const first = newScenario(areaId, defaultScenarioName([], this.app.lang));
      await this.#attempt(() => this.store.put(first), undefined);
      list = [first];
    }
    const savedId = await this.#attempt(() => this.store.getCurrent(areaId), null);
    const current = list.find((s) => s.id === savedId) ?? (list[0] as Scenario);
    this.list = list;
    await this.#openScenario(current);
  }

  /** Makes `candidates` (a shared link's, or an imported file's) a new scenario and opens it. */
  adopt(name: string, candidates: Cell[]): Promise<void> {
    return this.#track(this.#adopt(name, candidates));
  }

  async #adopt(name: string, candidates: Cell[]): Promise<void> {
    const s = newScenario(this.#area(), name, candidates);
    await this.#attempt(() => this.store.put(s), undefined);
    this.list = [...this.list, s];
    await this.#openScenario(s);
  }

  /**
   * Opens a shared link's candidates once the package's scenarios are restored (the hooks'
   * ready() waits for this too): the scenario already holding exactly these cells (the same
   * link reopened), else a new one named `name`.
   */
  openShared(name: string, candidates: Cell[]): Promise<void> {
    const before = this.#settled;
    return this.#track(
      before.then(async () => {
        // The package failed to open: the app shows why.
        if (this.#areaId === null) return;
        // The current scenario first: a reload's link names it, even if a copy holds the same cells.
        const current = this.current;
        const same = current && sameCandidates(current.candidates, candidates) ? current : this.list.find((s) => sameCandidates(s.candidates, candidates));
        try {
          if (!same) await this.#adopt(name, candidates);
          else if (same.id !== this.currentId) await this.#openScenario(same);
        } catch (err) {
          this.planner.fail(err);
        }
      }),
    );
  }

  create(): Promise<void> {
    return this.#track(this.#create());
  }

  async #create(): Promise<void> {
    await this.#adopt(defaultScenarioName(this.#names(), this.app.lang), []);
  }

  duplicate(): Promise<void> {
    return this.#track(this.#duplicate());
  }

  async #duplicate(): Promise<void> {
    const current = this.current;
    if (!current) return;
    const copy = duplicateScenario({ ...current, candidates: this.app.candidates }, copyScenarioName(current.name, this.#names(), this.app.lang));
    await this.#attempt(() => this.store.put(copy), undefined);
    this.list = [...this.list, copy];
    await this.#openScenario(copy);
  }

  /** Renames the current scenario; a blank name throws (the form says so). */
  rename(name: string): Promise<void> {
    return this.#track(this.#rename(name));
  }

  async #rename(name: string): Promise<void> {
    const current = this.current;
    if (!current) return;
    const renamed = renameScenario(current, name);
    this.#replace(renamed);
    await this.#attempt(() => this.store.put(renamed), undefined);
  }

  /** Deletes the current scenario and opens another (a new empty one if it was the last). */
  remove(): Promise<void> {
    return this.#track(this.#remove());
  }

  async #remove(): Promise<void> {
    const current = this.current;
    if (!current) return;
    await this.#attempt(() => this.store.remove(current.id), undefined);
    const rest = this.list.filter((s) => s.id !== current.id);
    this.list = rest;
    if (rest.length === 0) await this.#create();
    else await this.#openScenario(rest[0] as Scenario);
  }

  select(id: string): Promise<void> {
    return this.#track(this.#select(id));
  }

  async #select(id: string): Promise<void> {
    const s = this.list.find((x) => x.id === id);
    if (s && s.id !== this.currentId) await this.#openScenario(s);
  }

  /** Compares the current scenario with another one on the year viewed. */
  async compareWith(otherId: string): Promise<void> {
    const current = this.current;
    const other = this.list.find((s) => s.id === otherId);
    if (!current || !other) return;
    await this.planner.compare({ name: current.name, cells: this.app.candidates }, { name: other.name, cells: other.candidates });
  }

  /** What an export file is named after. */
  exportMeta(): { areaName: string; scenarioName: string } {
    return { areaName: this.app.view?.area.name ?? '', scenarioName: this.current?.name ?? '' };
  }


  async #openScenario(s: Scenario): Promise<void> {
    this.currentId = s.id;
    this.planner.closeComparison();
    await this.#attempt(() => this.store.setCurrent(s.areaId, s.id), undefined);
    await this.planner.load(s.candidates);
  }

  #saveCurrent(cells: Cell[]): void {
    const current = this.current;
    if (!current) return;
    const saved = withCandidates(current, cells);
    this.#replace(saved);
    this.#saves = this.#saves.then(() => this.#attempt(() => this.store.put(saved), undefined));
    void this.#track(this.#saves);
  }

  #replace(s: Scenario): void {
    this.list = this.list.map((x) => (x.id === s.id ? s : x));
  }

  #names(): string[] {
    return this.list.map((s) => s.name);
  }

  #area(): string {
    if (this.#areaId === null) throw new Error('No data package is open');
    return this.#areaId;
  }

  /** Runs a storage call; a failure is shown once and the planner goes on in memory. */
  async #attempt<T>(call: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await call();
    } catch (err) {
      this.saving = false;
      const message = err instanceof Error ? err.message : String(err);
      if (!this.warnings.includes(message)) this.warnings = [...this.warnings, message];
      return fallback;
    }
  }
}
