// AppState driven against the real engine (in-process instead of in the worker): the
// figures it shows are computeReport's for the same package and year, a year change
// recomputes them, and a broken package rejects ready() with the validator's messages.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Remote } from 'comlink';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import { DEFAULT_VIEW } from '../../src/lib/state/view-codec.ts';
import { createEngineApi } from '../../src/lib/worker/engine-api.ts';
import type { EngineApi } from '../../src/lib/worker/protocol.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { computeReport } from '../../src/lib/engine/report.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/packages/', import.meta.url));

function appState(): AppState {
  // Package "URLs" here are fixture folder names; the worker maps real URLs the same way.
  const engine = createEngineApi((url) => fsSource(`${FIXTURES}${url}`));
  return new AppState(engine as unknown as Remote<EngineApi>);
}

async function expected(name: string, year: number | null) {
  const { pkg } = await loadPackage(fsSource(`${FIXTURES}${name}`));
  if (!pkg) throw new Error(`fixture ${name} does not load`);
  return computeReport(pkg, { year });
}

describe('AppState with the engine', () => {
  it('shows computeReport figures, and recomputes them for a year', async () => {
    const app = appState();
    await app.open('xss');
    await app.ready();
    expect(app.phase).toBe('ready');
    expect(app.report).toEqual(await expected('xss', null));
    expect(await app.currentReport()).toEqual(await expected('xss', null));
    expect(app.view?.carriers).toEqual(['MobiFone', 'VNPT', 'Viettel']);
    expect(app.view?.plannedYears).toEqual([2027]);

    await app.setYear(2027);
    const with2027 = await expected('xss', 2027);
    expect(app.report).toEqual(with2027);
    expect(app.year).toBe(2027);
    // The planned 5G cell of 2027 adds 5G coverage.
    expect(with2027.metrics['pop_share.5g']).toBeGreaterThan((await expected('xss', null)).metrics['pop_share.5g'] ?? 1);
  });

  it('computes the overlays for the year viewed', async () => {
    const app = appState();
    await app.open('xss');
    await app.ready();
    const layers = (app.overlays?.coverage?.features ?? []).map((f) => `${f.properties.layer}/${f.properties.carrier}`);
    expect(layers).toContain('4G/all');
    expect(layers).toContain('5G/Viettel');
    expect(layers).not.toContain('5G/VNPT');
    expect(app.overlays?.pois.features.map((f) => f.properties.id)).toEqual(['p1', 'p2']);
    expect(app.overlays?.errors).toEqual([]);
    await app.setYear(2027);
    const after = (app.overlays?.coverage?.features ?? []).map((f) => `${f.properties.layer}/${f.properties.carrier}`);
    expect(after).toContain('5G/VNPT');
  });

  it('keeps the latest year when changes overlap', async () => {
    const app = appState();
    await app.open('xss');
    void app.setYear(2027);
    void app.setYear(null);
    await app.ready();
    expect(app.year).toBeNull();
    expect(app.report).toEqual(await expected('xss', null));
  });

  it('applies a year chosen while the package is still loading', async () => {
    const app = appState();
    const opening = app.open('xss');
    const choosing = app.setYear(2027);
    await Promise.all([opening, choosing]);
    await app.ready();
    expect(app.report).toEqual(await expected('xss', 2027));
  });

  it('applies a link’s view while the package loads, dropping a carrier the package lacks', async () => {
    const app = appState();
    const opening = app.open('xss');
    const layers = { ...DEFAULT_VIEW.layers, holes: true, sites: false };
    const map = { center: [105.9, 21.6] as [number, number], zoom: 14 };
    const applying = app.applyView({ year: 2027, lang: 'en', metric: 'fiber', carrier: 'NoSuchCarrier', layers, tab: 'targets', map, hamlet: 'no-such-hamlet' });
    await Promise.all([opening, applying]);
    expect(app.report).toEqual(await expected('xss', 2027));
    // A hamlet the package lacks is unselected, as the carrier falls back to all.
    expect(app.viewState()).toEqual({ year: 2027, lang: 'en', metric: 'fiber', carrier: 'all', layers, tab: 'targets', map, hamlet: null });
    app.setCarrier('VNPT');
    app.toggleLayer('cov5g');
    expect(app.viewState()).toMatchObject({ carrier: 'VNPT', layers: { cov5g: true } });
  });

  it('rejects a year that is not a whole number, keeping the year on screen', async () => {
    const app = appState();
    await app.open('xss');
    await app.setYear(2027);
    // A console script can pass anything to __app.setYear; the engine would compare
    // on_air_year with a string or 2027.5 and quietly give other figures.
    await expect(app.setYear('2028' as unknown as number)).rejects.toThrow(/setYear: got "2028"; expected a whole year/);
    await expect(app.setYear(2027.5)).rejects.toThrow(/expected a whole year/);
    expect(app.year).toBe(2027);
    await app.ready();
    expect(app.report).toEqual(await expected('xss', 2027));
  });

  it('marks each sectored cell with a short wedge, and keeps every cell footprint for a selected site', async () => {
    const app = appState();
    await app.open('xss');
    // xss: c1 and c4 are omni (no azimuth), c2 and c3 sectors.
    expect(app.view?.sectors.features.map((f) => f.properties.id)).toEqual(['c2', 'c3']);
    expect(app.view?.footprints.features.map((f) => f.properties.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('rejects ready() with the validator messages for a broken package', async () => {
    const app = appState();
    await expect(app.open('broken')).rejects.toThrow(/sites\.csv/);
    await expect(app.ready()).rejects.toThrow(/targets\.json/);
    expect(app.phase).toBe('failed');
    expect(app.errors.some((line) => line.includes('hamlets.geojson'))).toBe(true);
    await expect(app.setYear(2027)).rejects.toThrow();
  });

  it('does not report ready when a year was chosen while a broken package loaded', async () => {
    const app = appState();
    const opening = app.open('broken');
    const choosing = app.setYear(2027);
    await expect(opening).rejects.toThrow(/sites\.csv/);
    await expect(choosing).rejects.toThrow(/sites\.csv/);
    await expect(app.ready()).rejects.toThrow(/sites\.csv/);
  });
});
