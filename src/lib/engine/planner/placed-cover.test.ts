// PlacedCover moves one computed shape to many places and decides clear points from a
// table of the reach by bearing; its sets must be exactly the engine's, point for point.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../scripts/lib/prng.ts';
import { loadPackage } from '../../data/load-package.ts';
import { fsSource } from '../../data/node/fs-source.ts';
import { contextFor } from '../context.ts';
import { scenarioItem } from '../items.ts';
import { forEachCoveredPoint } from '../point-cover.ts';
import type { DataPackage } from '../types.ts';
import { PlacedCover } from './placed-cover.ts';
import { templateCells, type CandidateTemplate } from './template.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../../../../data/namhoa', import.meta.url));

let pkg: DataPackage;
beforeAll(async () => {
  pkg = (await loadPackage(fsSource(PACKAGE_DIR))).pkg as DataPackage;
});

const TEMPLATES: Record<string, CandidateTemplate> = {
  '5G predicted, 3 × 120°': { tech: '5G', carrier: 'X', band_mhz: 3500, height_m: 35, eirp_dbm: 68, range_m: null, beamwidth_deg: 120, azimuths_deg: [10, 130, 250] },
  '4G predicted, 3 × 65°': { tech: '4G', carrier: 'X', band_mhz: 1800, height_m: 25, eirp_dbm: 60, range_m: null, beamwidth_deg: 65, azimuths_deg: [0, 120, 240] },
  '4G predicted omni (900 MHz)': { tech: '4G', carrier: 'X', band_mhz: 900, height_m: 40, eirp_dbm: 60, range_m: null, beamwidth_deg: 65, azimuths_deg: [] },
  '5G fixed 800 m, 2 sectors': { tech: '5G', carrier: 'X', band_mhz: 3500, height_m: 30, eirp_dbm: 68, range_m: 800, beamwidth_deg: 90, azimuths_deg: [45, 225] },
};

describe('PlacedCover', () => {
  it.each(Object.entries(TEMPLATES))('covers exactly the points the engine covers (%s) at 40 random places', (_, template) => {
    const ctx = contextFor(pkg);
    const placed = new PlacedCover();
    const random = mulberry32(3);
    const [west, south, east, north] = [105.88, 21.585, 105.975, 21.68];
    let total = 0;
    for (let trial = 0; trial < 40; trial++) {
      const at = { lon: west + random() * (east - west), lat: south + random() * (north - south), heightM: template.height_m, name: 'x' };
      const cells = templateCells(template, at, 1);
      const engine = new Set<number>();
      for (const cell of cells) forEachCoveredPoint(scenarioItem(cell, null), ctx.population, (k) => engine.add(k));
      const fast: number[] = [];
      placed.forEachCovered(cells, ctx.population, (k) => fast.push(k));
      expect(fast.length, `trial ${trial}: each point once`).toBe(new Set(fast).size);
      expect(fast.sort((a, b) => a - b), `trial ${trial}`).toEqual([...engine].sort((a, b) => a - b));
      total += fast.length;
    }
    expect(total).toBeGreaterThan(1000);
  });

  it('refuses cells that do not share one position', () => {
    const cells = templateCells(TEMPLATES['4G predicted, 3 × 65°'] as CandidateTemplate, { lon: 105.9, lat: 21.6, heightM: 30, name: 'x' }, 1);
    const moved = cells.map((c, i) => (i === 1 ? { ...c, lon: c.lon + 0.001 } : c));
    expect(() => new PlacedCover().forEachCovered(moved, contextFor(pkg).population, () => {})).toThrow('site sug-1: its cells must share one position');
  });
});
