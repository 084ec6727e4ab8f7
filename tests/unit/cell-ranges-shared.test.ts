// One table of plausible ranges (src/lib/engine/ranges.ts) for sites.csv and the planner:
// every value the sites loader refuses, the engine refuses for a scenario cell, in the
// same words, and the planner's warnings are the loader's warnings.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/data/problems.ts';
import { load, sitesCsv, withFiles } from '../../src/lib/data/testkit.ts';
import { assertScenarioCell, cellFieldProblems } from '../../src/lib/engine/scenario-cell.ts';
import type { Cell } from '../../src/lib/engine/types.ts';
import { cell } from './fixtures/engine/builders.ts';

/** A field value as sites.csv writes it, and as the planner holds it. */
const CASES: [keyof Cell, string, number | null][] = [
  ['band_mhz', '50', 50],
  ['band_mhz', '18000', 18000],
  ['height_m', '2500', 2500],
  ['height_m', '2', 2],
  ['eirp_dbm', '4300', 4300],
  ['eirp_dbm', '-5', -5],
  ['eirp_dbm', '85', 85],
  ['range_m', '1e9', 1e9],
  ['range_m', '20', 20],
  ['azimuth_deg', '4000', 4000],
  ['azimuth_deg', '-30', -30],
  ['beamwidth_deg', '400', 400],
  ['beamwidth_deg', '5', 5],
  ['on_air_year', '1900', 1900],
  ['on_air_year', '2075', 2075],
];

async function loaderVerdicts(field: string, text: string): Promise<string[]> {
  // range_m is given (except when it is the field under test) so the propagation model's
  // own domain stays out of the comparison.
  const row = { id: 'cand', range_m: '900', [field]: text };
  const { problems } = await load(withFiles({ 'sites.csv': sitesCsv([row]) }));
  const prefix = `sites.csv row 1, ${field}: `;
  return problems.map(formatProblem).filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
}

describe('the sites loader and the planner share one range table', () => {
  it.each(CASES)('%s %s', async (field, text, value) => {
    const planner = cell({ id: 'cand', lon: 105.805, lat: 21.605, range_m: 900, [field]: value });
    const engine = cellFieldProblems(planner).filter((p) => p.field === field);
    const loader = await loaderVerdicts(field, text);
    expect(loader).toHaveLength(1);
    expect(engine.map((p) => p.message)).toEqual(loader);
    if (engine[0]!.severity === 'error') expect(() => assertScenarioCell(planner)).toThrow(`scenario cell cand: ${field}: ${loader[0]}`);
    else expect(() => assertScenarioCell(planner)).not.toThrow();
  });

  it('refuses a 4G cell on air before LTE existed, in both', async () => {
    const planner = cell({ id: 'cand', lon: 105.805, lat: 21.605, on_air_year: 2005 });
    const [loader] = await loaderVerdicts('on_air_year', '2005');
    expect(loader).toBe('got 2005; expected 2009 or later: no 4G network was on air anywhere before 2009');
    expect(() => assertScenarioCell(planner)).toThrow(`scenario cell cand: on_air_year: ${loader}`);
  });
});
