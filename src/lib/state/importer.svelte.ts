// The "Import data" flow: files → import worker (read, guess) → the user fixes the plan →
// worker (build, validate) → on success the package opens in the engine. The current
// package stays until the imported one is valid: nothing is sent to the engine before.
import { zipSync } from 'fflate';
import type { AnalyseResult } from '../import/api.ts';
import { startImport, type ImportSession } from '../import/client.ts';
import type { ImportPlan } from '../import/plan.ts';
import type { InputFile } from '../import/read.ts';
import type { AppState } from './app.svelte.ts';
import type { ScenariosState } from './scenarios.svelte.ts';

export type ImportPhase = 'idle' | 'reading' | 'planned' | 'building' | 'applied' | 'failed';

export class ImporterState {
  phase = $state<ImportPhase>('idle');
  /** Files read, of how many, and the one being read now. */
  progress = $state.raw<{ done: number; total: number; current: string | null }>({ done: 0, total: 0, current: null });
  plan = $state<ImportPlan | null>(null);
  /** Problems of the last read or build, `error: …` / `warning: …` lines. */
  problems = $state.raw<string[]>([]);
  /** The last valid package's files (what "Download package" zips). */
  files = $state.raw<Record<string, Uint8Array> | null>(null);
  /** The layer drawn over the commune (to check its coordinate system), or null. */
  preview = $state.raw<{ index: number; shapes: [number, number][][] } | null>(null);
  #session: ImportSession | null = null;

  constructor(
    private readonly app: AppState,
    private readonly scenarios: ScenariosState,
  ) {}

  /** Reads dropped files in a fresh worker and shows the guessed plan. */
  async read(files: InputFile[]): Promise<AnalyseResult | null> {
    this.cancel();
    const session = startImport();
    this.#session = session;
    this.phase = 'reading';
    this.files = null;
    this.preview = null;
    this.problems = [];
    this.progress = { done: 0, total: files.length, current: null };
    try {
      const result = await session.api.analyse(
        files,
        session.progress((done, total, current) => (this.progress = { done, total, current })),
      );
      if (this.#session !== session) return null;
      this.plan = result.plan;
      this.problems = result.problems;
      this.phase = 'planned';
      // A guessed coordinate system is the one to check first: draw that layer.
      const guessed = result.plan.layers.findIndex((l) => l.crsGuessed);
      void this.showPreview(guessed >= 0 ? guessed : result.plan.layers.findIndex((l) => l.role === 'hamlets'));
      return result;
    } catch (err) {
      if (this.#session === session) this.#failed([`error: ${err instanceof Error ? err.message : String(err)}`]);
      return null;
    }
  }

  /** Draws layer `index` (as the plan now converts it) over the current commune. */
  async showPreview(index: number): Promise<void> {
    const session = this.#session;
    if (!session || !this.plan || index < 0) {
      this.preview = null;
      return;
    }
    const { shapes } = await session.api.preview($state.snapshot(this.plan) as ImportPlan, index);
    if (this.#session === session) this.preview = { index, shapes };
  }

  /** Stops reading or building: the worker is terminated and the current package stays. */
  cancel(): void {
    this.#session?.cancel();
    this.#session = null;
    if (this.phase === 'reading' || this.phase === 'building') this.phase = 'idle';
  }

  /** Builds and validates the plan; when valid, opens it as the current package. */
  async apply(): Promise<{ ok: boolean; problems: string[] }> {
    const session = this.#session;
    if (!session || !this.plan) return { ok: false, problems: ['error: no files have been read; drop files first'] };
    this.phase = 'building';
    const outcome = await session.api.build($state.snapshot(this.plan) as ImportPlan);
    if (this.#session !== session) return { ok: false, problems: ['error: the import was cancelled'] };
    this.problems = outcome.problems;
    if (!outcome.ok) {
      this.#failed(outcome.problems);
      return { ok: false, problems: outcome.problems };
    }
    this.files = outcome.files;
    const opening = this.app.openFiles('import', outcome.files);
    void this.scenarios.follow(opening);
    try {
      await opening;
    } catch (err) {
      // Validated in the worker already; reaching here means the engine disagrees.
      this.#failed([`error: ${err instanceof Error ? err.message : String(err)}`]);
      return { ok: false, problems: this.problems };
    }
    this.phase = 'applied';
    return { ok: true, problems: outcome.problems };
  }

  /** As if the files at `urls` were dropped, with every guess taken (window.__app.importFiles). */
  async importUrls(urls: string[]): Promise<{ ok: boolean; problems: string[] }> {
    const files: InputFile[] = [];
    for (const url of urls) {
      const response = await fetch(url);
      if (!response.ok) return { ok: false, problems: [`error: ${url}: HTTP ${response.status} ${response.statusText}`] };
      const name = decodeURIComponent(url.split(/[?#]/)[0]?.split('/').pop() || url);
      files.push({ name, bytes: new Uint8Array(await response.arrayBuffer()) });
    }
    const read = await this.read(files);
    if (!read) return { ok: false, problems: this.problems };
    return this.apply();
  }

  /** The valid package as a zip of its files (open it with `?data=` once unzipped). */
  packageZip(): Uint8Array | null {
    return this.files ? zipSync(this.files) : null;
  }

  #failed(problems: string[]): void {
    this.problems = problems;
    this.phase = 'failed';
  }
}
