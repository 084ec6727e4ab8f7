// The worker's suggest() and cancelSuggest(), in-process through the real engine API (the
// worker only adds comlink around it): slices with progress, the same answer as the
// engine, and a cancel that arrives between slices.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackage } from '../data/load-package.ts';
import { fsSource } from '../data/node/fs-source.ts';
import { Suggester, type SuggestOptions } from '../engine/planner/suggest.ts';
import type { DataPackage } from '../engine/types.ts';
import { createEngineApi } from './engine-api.ts';

const SAMPLE_DIR = fileURLToPath(new URL('../../../data/namhoa', import.meta.url));
const OPTIONS: SuggestOptions = {
  tech: '5G', carrier: 'Viettel', count: 3, year: null, priorityWeight: 0,
  template: { tech: '5G', carrier: 'Viettel', band_mhz: 3500, height_m: 35, eirp_dbm: 68, range_m: null, beamwidth_deg: 120, azimuths_deg: [0, 120, 240] },
};

/** The sample without candidates.geojson, so suggestions search the grid (several slices of work). */
let gridDir: string;
beforeAll(() => {
  gridDir = mkdtempSync(join(tmpdir(), 'suggest-grid-'));
  cpSync(SAMPLE_DIR, gridDir, { recursive: true, filter: (src) => !src.endsWith('candidates.geojson') });
});
afterAll(() => rmSync(gridDir, { recursive: true, force: true }));

async function openApi(dir: string) {
  const api = createEngineApi((url) => fsSource(url));
  const { view, errors } = await api.open(dir);
  expect(errors).toEqual([]);
  expect(view).not.toBeNull();
  return api;
}

describe('EngineApi.suggest', () => {
  it('answers as the engine does, reporting progress after every slice up to 1', async () => {
    const api = await openApi(gridDir);
    const progress: number[] = [];
    const result = await api.suggest(OPTIONS, [], (p) => progress.push(p));
    const pkg = (await loadPackage(fsSource(gridDir))).pkg as DataPackage;
    const direct = new Suggester(pkg, OPTIONS, []);
    direct.step(Infinity);
    expect(result).toEqual(direct.result());
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= (progress[i - 1] as number))).toBe(true);
  });

  it('rejects with "cancelled" when cancelSuggest() arrives between slices, and runs again afterwards', async () => {
    const api = await openApi(gridDir);
    let calls = 0;
    const cancelled = api.suggest(OPTIONS, [], () => {
      // The page cancels after the first slice; the call lands while the worker yields.
      if (++calls === 1) void api.cancelSuggest();
    });
    await expect(cancelled).rejects.toThrow(/^cancelled$/);
    expect(calls).toBe(1);
    const again = await api.suggest({ ...OPTIONS, count: 1 }, [], () => {});
    expect(again).toHaveLength(1);
  });

  it('rejects unusable options with the engine’s message', async () => {
    const api = await openApi(SAMPLE_DIR);
    await expect(api.suggest({ ...OPTIONS, count: 0 }, [], () => {})).rejects.toThrow('suggest: count: got 0');
  });
});
