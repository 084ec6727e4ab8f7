// The timeline's rule for candidates with a year, against the real engine on the sample:
// a candidate with an on_air_year counts from that year, one without always; the timeline's
// figures per year equal one-shot reports; the printed report's input is the app's view.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Remote } from 'comlink';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import { PlannerState } from '../../src/lib/state/planner.svelte.ts';
import { createHooks } from '../../src/lib/state/hooks.ts';
import { ScenariosState } from '../../src/lib/state/scenarios.svelte.ts';
import { indexedDbStore } from '../../src/lib/planner/scenario-store.ts';
import { createEngineApi } from '../../src/lib/worker/engine-api.ts';
import type { EngineApi } from '../../src/lib/worker/protocol.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import type { Cell } from '../../src/lib/engine/types.ts';
import { candidatesOnAir } from '../../src/lib/worker/timeline-api.ts';

const SAMPLE = fileURLToPath(new URL('../../data/namhoa/', import.meta.url));
/** Cây Thị's uncovered hills, away from every candidate place (no snapping). */
const HILLS: [number, number] = [105.975, 21.64];
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

async function openSample() {
  const engine = createEngineApi((url) => fsSource(url));
  const app = new AppState(engine as unknown as Remote<EngineApi>);
  const planner = new PlannerState(app);
  const scenarios = new ScenariosState(app, planner, indexedDbStore(`timeline-test-${Math.random()}`));
  const hooks = createHooks(app, planner, scenarios);
  void scenarios.follow(app.open(SAMPLE));
  await hooks.ready();
  const { pkg } = await loadPackage(fsSource(SAMPLE));
  if (!pkg) throw new Error('the sample does not load');
  return { engine, app, hooks, pkg };
}

describe('candidates on air by year', () => {
  it('counts a candidate with a year from that year on, and one without always', () => {
    const base = { status: 'candidate' } as Cell;
    const dated = { ...base, id: 'a', on_air_year: 2028 };
    const undated = { ...base, id: 'b', on_air_year: null };
    const ids = (year: number | null) => candidatesOnAir([dated, undated], year).map((c) => c.id);
    expect(ids(2027)).toEqual(['b']);
    expect(ids(2028)).toEqual(['a', 'b']);
    expect(ids(null)).toEqual(['a', 'b']);
  });

  it('shows a dated candidate from its year on, and the timeline equals one-shot reports', async () => {
    const { engine, app, hooks, pkg } = await openSample();
    await hooks.addCandidate({ lon: HILLS[0], lat: HILLS[1], tech: '5G', on_air_year: 2028 });
    const cells = hooks.candidates();
    expect(cells.map((c) => c.on_air_year)).toEqual([2028]);

    await app.setYear(2027);
    expect(await hooks.report()).toEqual(computeReport(pkg, { year: 2027 }));
    expect(app.candidateFootprints.features).toEqual([]);
    await app.setYear(2028);
    const in2028 = computeReport(pkg, { year: 2028, extraCells: cells });
    expect(await hooks.report()).toEqual(in2028);
    expect(in2028.metrics['pop_share.5g']).toBeGreaterThan(computeReport(pkg, { year: 2028 }).metrics['pop_share.5g'] ?? 1);
    // On air only: every candidate counts, as before years were given to them.
    await app.setYear(null);
    expect(await hooks.report()).toEqual(computeReport(pkg, { year: null, extraCells: cells }));

    const timeline = await engine.timeline(YEARS);
    expect(timeline).toEqual(YEARS.map((year) => computeReport(pkg, { year, extraCells: year >= 2028 ? cells : [] })));
    await expect(engine.timeline([2026.5])).rejects.toThrow(/timeline: got year 2026.5; expected a whole year/);
  });

  it('builds the printed report input for the view, with the package files and the map picture', async () => {
    const { engine, app } = await openSample();
    await app.setYear(2030);
    const image = 'data:image/png;base64,iVBORw0KGgo=';
    const input = await engine.reportInput({ lang: 'vi', asOf: new Date(Date.UTC(2026, 10, 25)), mapImage: image });
    expect(input.report).toEqual(await app.currentReport());
    expect(input.report.year).toBe(2030);
    expect(input.mapImage).toBe(image);
    expect(input.files).toContain('sites.csv');
    expect(input.files).toContain('history.csv');
    expect(input.history.length).toBeGreaterThan(0);
    expect(input.priorityPlaces.length).toBeGreaterThan(0);
  });
});
