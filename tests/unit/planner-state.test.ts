// The planner driven against the real engine (in-process instead of in the worker), on the
// Nam Hoà sample: every edit's figures equal a one-shot report of the package with the
// candidate cells on air, drags coalesce, undo/redo walk the lists, bad fields are refused
// with the engine's message and change nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Remote } from 'comlink';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import { PlannerState } from '../../src/lib/state/planner.svelte.ts';
import { createHooks } from '../../src/lib/state/hooks.ts';
import { ScenariosState } from '../../src/lib/state/scenarios.svelte.ts';
import { indexedDbStore } from '../../src/lib/planner/scenario-store.ts';
import { importCandidates } from '../../src/lib/planner/exchange.ts';
import { DOMParser } from '@xmldom/xmldom';
import { createEngineApi } from '../../src/lib/worker/engine-api.ts';
import type { EngineApi } from '../../src/lib/worker/protocol.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import { scenarioDelta } from '../../src/lib/state/scenario-delta.ts';
import type { Cell, DataPackage } from '../../src/lib/engine/types.ts';

const SAMPLE = fileURLToPath(new URL('../../data/namhoa/', import.meta.url));
/** A spot in Cây Thị's uncovered hills, away from every candidate place (no snapping). */
const HILLS: [number, number] = [105.975, 21.64];

async function samplePackage(): Promise<DataPackage> {
  const { pkg } = await loadPackage(fsSource(SAMPLE));
  if (!pkg) throw new Error('the sample does not load');
  return pkg;
}

/** The engine with a count of `apply` calls (how many frames reached it). */
function countingEngine() {
  const engine = createEngineApi((url) => fsSource(url));
  const counter = { applies: 0 };
  const apply = engine.apply.bind(engine);
  engine.apply = (view) => {
    counter.applies++;
    return apply(view);
  };
  return { engine, counter };
}

let dbCount = 0;

/** The app as the page builds it, with its own browser storage (`dbName`: the same name is the same browser after a reload). */
async function openSample(dbName = `planner-test-${++dbCount}`) {
  const { engine, counter } = countingEngine();
  const app = new AppState(engine as unknown as Remote<EngineApi>);
  const planner = new PlannerState(app);
  const scenarios = new ScenariosState(app, planner, indexedDbStore(dbName));
  const hooks = createHooks(app, planner, scenarios);
  void scenarios.follow(app.open(SAMPLE));
  await hooks.ready();
  return { app, planner, scenarios, counter, hooks };
}

/** The package with candidate cells added as on-air sites, as a carrier's sites.csv would have them. */
function onAir(pkg: DataPackage, cells: Cell[]): DataPackage {
  return { ...pkg, cells: [...pkg.cells, ...cells.map((c) => ({ ...c, status: 'on_air' as const }))] };
}

describe('planner with the engine, on the sample', () => {
  it('computes the figures once on opening when the restored scenario is empty', async () => {
    const { app, counter } = await openSample();
    expect(counter.applies).toBe(1);
    expect(app.report).toEqual(computeReport(await samplePackage(), { year: null }));
    expect(app.overlays?.detail).toBe('full');
  });

  it('adds a site through the hook with the form defaults, and its figures are the report of the package with it on air', async () => {
    const pkg = await samplePackage();
    const { app, hooks } = await openSample();
    const id = await hooks.addCandidate({ lon: HILLS[0], lat: HILLS[1], tech: '5G', carrier: 'Viettel' });
    const cells = hooks.candidates();
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ id, tech: '5G', carrier: 'Viettel', band_mhz: 3500, height_m: 30, eirp_dbm: 68, azimuth_deg: null, status: 'candidate' });
    const expected = computeReport(onAir(pkg, cells), { year: null });
    expect(await hooks.report()).toEqual(expected);
    expect(app.report).toEqual(expected);
    // The site adds 5G where there was none.
    const baseline = computeReport(pkg, { year: null });
    expect(expected.metrics['pop_share.5g']).toBeGreaterThan(baseline.metrics['pop_share.5g'] ?? 1);
    expect(app.baseline).toEqual(baseline);
  });

  it('moves a site as a drag ends, and the figures are those of the site at its new place', async () => {
    const pkg = await samplePackage();
    const { hooks } = await openSample();
    const id = await hooks.addCandidate({ lon: HILLS[0], lat: HILLS[1], tech: '4G', range_m: 2000 });
    await hooks.moveCandidate(id, 105.93, 21.6);
    const cells = hooks.candidates();
    expect(cells[0]).toMatchObject({ lon: 105.93, lat: 21.6, range_m: 2000 });
    expect(await hooks.report()).toEqual(computeReport(onAir(pkg, cells), { year: null }));
  });

  it('coalesces drag frames: the engine skips stale ones, the last frame and the drop give the exact figures', async () => {
    const pkg = await samplePackage();
    const { app, planner, counter } = await openSample();
    const id = await planner.addSite({ lon: HILLS[0], lat: HILLS[1] });
    const before = counter.applies;
    const frames = 40;
    for (let i = 1; i <= frames; i++) planner.dragSite(planner.siteOf(id), HILLS[0] - i * 0.001, HILLS[1] - i * 0.0005);
    await planner.moveSite(planner.siteOf(id), HILLS[0] - 0.05, HILLS[1] - 0.02);
    await app.ready();
    // Frames queued behind a running one are skipped: far fewer computations than frames.
    expect(counter.applies - before).toBeLessThan(frames / 2);
    expect(app.candidates[0]).toMatchObject({ lon: HILLS[0] - 0.05, lat: HILLS[1] - 0.02 });
    expect(app.report).toEqual(computeReport(onAir(pkg, app.candidates), { year: null }));
    // The whole drag is one undo step back to where it began.
    await planner.undo();
    expect(app.candidates[0]).toMatchObject({ lon: HILLS[0], lat: HILLS[1] });
    await planner.redo();
    expect(app.candidates[0]).toMatchObject({ lon: HILLS[0] - 0.05, lat: HILLS[1] - 0.02 });
  });

  it('undoes and redoes add, edit and delete', async () => {
    const { app, planner } = await openSample();
    const id = await planner.addSite({ lon: HILLS[0], lat: HILLS[1] });
    const siteId = planner.siteOf(id);
    await planner.editSite(siteId, { ...planner.template, tech: '4G', band_mhz: 900, azimuths_deg: [0, 120, 240], beamwidth_deg: 65 });
    expect(app.candidates.map((c) => [c.id, c.azimuth_deg, c.band_mhz])).toEqual([
      [`${siteId}-1`, 0, 900],
      [`${siteId}-2`, 120, 900],
      [`${siteId}-3`, 240, 900],
    ]);
    await planner.removeSite(siteId);
    expect(app.candidates).toEqual([]);
    await planner.undo();
    expect(app.candidates).toHaveLength(3);
    await planner.undo();
    expect(app.candidates.map((c) => c.id)).toEqual([siteId]);
    await planner.undo();
    expect(app.candidates).toEqual([]);
    expect(planner.canUndo).toBe(false);
    await planner.redo();
    await planner.redo();
    expect(app.candidates).toHaveLength(3);
    const pkg = await samplePackage();
    expect(app.report).toEqual(computeReport(onAir(pkg, app.candidates), { year: null }));
  });

  it('refuses a field the engine cannot use with its message, changing nothing', async () => {
    const { app, planner, hooks } = await openSample();
    await planner.addSite({ lon: HILLS[0], lat: HILLS[1] });
    const shown = app.report;
    const id = app.candidates[0]?.site_id ?? '';
    await expect(planner.editSite(id, { ...planner.template, band_mhz: 60000 })).rejects.toThrow(/band_mhz: got 60\s000 MHz; expected 150–7125 MHz, the bands the propagation models cover/);
    expect(planner.error).toMatch(/band_mhz/);
    expect(app.candidates[0]?.band_mhz).toBe(3500);
    expect(app.report).toBe(shown);
    await expect(hooks.addCandidate({ lon: HILLS[0], lat: HILLS[1], tech: 'LTE' as never })).rejects.toThrow(/tech: got "LTE"; expected "4G" or "5G"/);
    await expect(hooks.addCandidate({ lon: Number.NaN, lat: 21 })).rejects.toThrow(/lon: got NaN/);
    await expect(hooks.moveCandidate('nope', 105.9, 21.6)).rejects.toThrow(/no candidate nope/);
    expect(app.candidates).toHaveLength(1);
  });

  it('snaps to a candidate place nearby, capping the height at its max_height_m', async () => {
    const pkg = await samplePackage();
    const place = pkg.candidates.find((p) => p.max_height_m !== null && p.max_height_m < 30) ?? pkg.candidates[0];
    if (!place) throw new Error('the sample has no candidate place');
    const { app, planner } = await openSample();
    await planner.addSite({ lon: place.lon + 0.0005, lat: place.lat + 0.0003 });
    expect(app.candidates[0]).toMatchObject({ lon: place.lon, lat: place.lat, name: place.name });
    if (place.max_height_m !== null) expect(app.candidates[0]?.height_m).toBe(Math.min(30, place.max_height_m));
  });

  it('upgrades a 4G site to 5G with a co-located candidate, and reports each site’s own effect', async () => {
    const pkg = await samplePackage();
    const fourG = pkg.cells.find((c) => c.tech === '4G' && c.status === 'on_air' && !pkg.cells.some((o) => o.site_id === c.site_id && o.tech === '5G'));
    if (!fourG) throw new Error('the sample has no 4G-only site');
    const { app, planner } = await openSample();
    await planner.upgradeTo5G(fourG.site_id);
    const siteCells = pkg.cells.filter((c) => c.site_id === fourG.site_id);
    expect(app.candidates.map((c) => [c.tech, c.lon, c.lat, c.azimuth_deg])).toEqual(siteCells.map((c) => ['5G', fourG.lon, fourG.lat, c.azimuth_deg]));
    await planner.addSite({ lon: HILLS[0], lat: HILLS[1], siteId: 'HILL' });
    await app.ready();
    const delta = scenarioDelta(app.baseline ?? computeReport(pkg, { year: null }), app.report ?? computeReport(pkg, { year: null }), 0.9);
    const impacts = new Map(app.impacts.map((i) => [i.siteId, i]));
    const hill = impacts.get('HILL');
    expect(hill?.alonePeople['5g']).toBeGreaterThan(0);
    // Each site's own 5G people sum to no more than the scenario's (overlaps count for neither).
    const sum = [...impacts.values()].reduce((s, i) => s + i.alonePeople['5g'], 0);
    expect(sum).toBeLessThanOrEqual(delta.people['5g'] + 1e-6);
    expect(delta.people['5g']).toBeGreaterThan(0);
  });

  it('saves every change of the current scenario, and a reload opens it again', async () => {
    const first = await openSample('planner-reload');
    expect(first.scenarios.current?.name).toBe('Phương án 1');
    await first.hooks.addCandidate({ lon: HILLS[0], lat: HILLS[1] });
    await first.scenarios.create();
    expect(first.app.candidates).toEqual([]);
    await first.hooks.addCandidate({ lon: 105.95, lat: 21.62, tech: '4G' });
    await first.scenarios.rename('Phương án cột VNPT');
    const saved = first.app.candidates;
    await first.scenarios.settled();

    const second = await openSample('planner-reload');
    expect(second.scenarios.list.map((s) => s.name)).toEqual(['Phương án 1', 'Phương án cột VNPT']);
    expect(second.scenarios.current?.name).toBe('Phương án cột VNPT');
    expect(second.app.candidates).toEqual(saved);
    const pkg = await samplePackage();
    expect(await second.hooks.report()).toEqual(computeReport(onAir(pkg, saved), { year: null }));

    // Compare with the first scenario: the figures of each, and the places only one covers.
    const other = second.scenarios.list[0]?.id ?? '';
    await second.scenarios.compareWith(other);
    const cmp = second.planner.comparison;
    expect(cmp?.a).toEqual(computeReport(onAir(pkg, saved), { year: null }));
    expect(cmp?.b).toEqual(computeReport(onAir(pkg, second.scenarios.list[0]?.candidates ?? []), { year: null }));
    expect(cmp?.differences.features.some((f) => f.properties.coveredBy === 'b' && f.properties.tech === '5g')).toBe(true);

    // Duplicate, then delete: the copy opens, and deleting it opens another.
    await second.scenarios.duplicate();
    expect(second.scenarios.current?.name).toBe('Phương án cột VNPT (bản sao)');
    expect(second.app.candidates).toEqual(saved);
    await second.scenarios.remove();
    expect(second.scenarios.list).toHaveLength(2);
  });

  it('exports the scenario for carriers, and importing each file gives the same candidates', async () => {
    const { hooks } = await openSample();
    await hooks.addCandidate({ lon: HILLS[0], lat: HILLS[1], name: 'Đồi Cây Thị, "điểm cao" & <A>', azimuth_deg: 30 });
    await hooks.addCandidate({ lon: 105.95, lat: 21.62, tech: '4G', range_m: 1500 });
    const cells = hooks.candidates();
    for (const format of ['csv', 'geojson', 'kml'] as const) {
      const text = await hooks.exportCandidates(format);
      const back = importCandidates(text, `export.${format}`, { parseXml: (xml) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document });
      expect(back.problems).toEqual([]);
      expect(back.cells).toEqual(cells);
    }
    expect((await hooks.exportCandidates('csv')).startsWith('\uFEFF')).toBe(true);
  });

  it('suggests sites in the worker path and accepts them as candidates, each adding the people it promised', async () => {
    const pkg = await samplePackage();
    const { app, planner } = await openSample();
    const progress: number[] = [];
    const seen = planner.suggest({ tech: '5G', carrier: 'Viettel', count: 2, priorityWeight: 0 });
    progress.push(planner.suggestProgress ?? -1);
    await seen;
    expect(progress[0]).toBe(0);
    expect(planner.suggestProgress).toBeNull();
    const [first, second] = planner.suggestions;
    if (!first || !second) throw new Error('expected two suggestions on the sample');
    // The sample has candidate places: suggestions stand on them.
    expect(pkg.candidates.map((c) => c.id)).toContain(first.placeId);
    const before = (app.report?.metrics['pop_share.5g'] ?? 0) * (app.report?.population ?? 0);
    await planner.acceptSuggestion(first);
    const after = (app.report?.metrics['pop_share.5g'] ?? 0) * (app.report?.population ?? 0);
    expect(after - before).toBeCloseTo(first.marginalPeople, 4);
    expect(planner.suggestions).toEqual([second]);
    expect(app.report).toEqual(computeReport(onAir(pkg, app.candidates), { year: null }));
  });
});
