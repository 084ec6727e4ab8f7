import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadPackage } from '../data/load-package.ts';
import { fsSource } from '../data/node/fs-source.ts';
import { CoverageModel } from '../engine/model.ts';
import type { Cell, DataPackage } from '../engine/types.ts';
import { applyReportUpdate, reportUpdate } from './report-patch.ts';

const SAMPLE = fileURLToPath(new URL('../../../data/namhoa/', import.meta.url));

async function sampleModel(): Promise<{ pkg: DataPackage; model: CoverageModel }> {
  const { pkg } = await loadPackage(fsSource(SAMPLE));
  if (!pkg) throw new Error('the sample does not load');
  return { pkg, model: new CoverageModel(pkg, { year: null }) };
}

/** A 5G candidate with a 1.5 km range about 1.4 km from the sample's first site. */
function candidate(pkg: DataPackage): Cell {
  const template = pkg.cells[0];
  if (!template) throw new Error('the sample has no cells');
  const { lon, lat } = template;
  return { ...template, id: 'cand-1', site_id: 'cand-site', tech: '5G', status: 'candidate', on_air_year: null, lon: lon + 0.01, lat: lat + 0.01, range_m: 1500 };
}

describe('reportUpdate / applyReportUpdate', () => {
  it('sends the first report whole, then only the hamlets a moved site changed, and rebuilds the exact report', async () => {
    const { pkg, model } = await sampleModel();
    const first = model.report();
    const whole = reportUpdate(null, first, 1);
    expect(applyReportUpdate(null, whole)).toBe(first);

    model.addCell(candidate(pkg));
    const second = model.report();
    const patch = reportUpdate({ version: 1, report: first }, second, 2);
    if ('report' in patch) throw new Error('expected a patch');
    expect(patch.base).toBe(1);
    // The candidate covers some hamlets, not all of them.
    expect(patch.changed.length).toBeGreaterThan(0);
    expect(patch.changed.length).toBeLessThan(second.hamlets.length);

    const rebuilt = applyReportUpdate({ version: 1, report: first }, patch);
    expect(rebuilt).toEqual(second);
    // Unchanged hamlets are the held objects themselves: the page's rows need no update.
    const changed = new Set(patch.changed.map(([i]) => i));
    rebuilt?.hamlets.forEach((h, i) => {
      if (!changed.has(i)) expect(h).toBe(first.hamlets[i]);
    });

    // Moved away again: the changed hamlets go back.
    model.removeCell('cand-1');
    const third = model.report();
    expect(applyReportUpdate({ version: 2, report: second }, reportUpdate({ version: 2, report: second }, third, 3))).toEqual(first);
  });

  it('refuses a patch of a report the page does not hold', async () => {
    const { model } = await sampleModel();
    const report = model.report();
    const patch = reportUpdate({ version: 4, report }, report, 5);
    expect(applyReportUpdate({ version: 3, report }, patch)).toBeNull();
    expect(applyReportUpdate(null, patch)).toBeNull();
  });
});
