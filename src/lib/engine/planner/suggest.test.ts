// Site suggestions on the sample package (data/namhoa): its 8 candidate places, and the
// grid used when a package has none (the same package without candidates.geojson). Every
// figure is checked against the report's own CoverageModel, not against the suggester.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../scripts/lib/prng.ts';
import { loadPackage } from '../../data/load-package.ts';
import { fsSource } from '../../data/node/fs-source.ts';
import { formatProblem } from '../../data/problems.ts';
import { contextFor } from '../context.ts';
import { CoverageModel } from '../model.ts';
import { pointList } from '../population.ts';
import type { Cell, DataPackage, Tech } from '../types.ts';
import { Suggester, type Suggestion, type SuggestOptions } from './suggest.ts';
import { cappedHeightM, templateCells, type CandidateTemplate } from './template.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../../../../data/namhoa', import.meta.url));

const TEMPLATE_5G: CandidateTemplate = {
  tech: '5G', carrier: 'Viettel', band_mhz: 3500, height_m: 35, eirp_dbm: 68, range_m: null, beamwidth_deg: 120, azimuths_deg: [0, 120, 240],
};
const TEMPLATE_4G: CandidateTemplate = {
  tech: '4G', carrier: 'VNPT', band_mhz: 1800, height_m: 30, eirp_dbm: 60, range_m: null, beamwidth_deg: 65, azimuths_deg: [],
};

let sample: DataPackage;
/** The sample without candidates.geojson: suggestions come from the grid. */
let noPlaces: DataPackage;

beforeAll(async () => {
  const { pkg, problems } = await loadPackage(fsSource(PACKAGE_DIR));
  expect(problems.map(formatProblem)).toEqual([]);
  sample = pkg as DataPackage;
  noPlaces = { ...sample, candidates: [] };
});

function options(template: CandidateTemplate, fields: Partial<SuggestOptions> = {}): SuggestOptions {
  return { tech: template.tech, carrier: template.carrier, count: 3, year: null, priorityWeight: 0, template, ...fields };
}

function suggest(pkg: DataPackage, opts: SuggestOptions, extra: Cell[] = []): { suggester: Suggester; result: Suggestion[] } {
  const suggester = new Suggester(pkg, opts, extra);
  expect(suggester.step(Infinity).done).toBe(true);
  return { suggester, result: suggester.result() };
}

/** Σ share × population of one technology, as the report counts it. */
function coveredPeople(model: CoverageModel, tech: Tech): number {
  const key = tech === '5G' ? '5g' : '4g';
  return model.report().hamlets.reduce((sum, h) => sum + (h.share[key] ?? 0) * h.population, 0);
}

/** Scores placements by the people their cells newly cover together, by the report's model (cells added, then taken away). */
function scorer(pkg: DataPackage, opts: SuggestOptions): (sites: Cell[][]) => number {
  const model = new CoverageModel(pkg, { year: opts.year });
  const base = coveredPeople(model, opts.tech);
  return (sites) => {
    const cells = sites.flat();
    for (const cell of cells) model.addCell(cell);
    const gain = coveredPeople(model, opts.tech) - base;
    for (const cell of cells) model.removeCell(cell.id);
    return gain;
  };
}

/** `count` distinct indices below `n`, by a partial Fisher–Yates shuffle. */
function randomChoice(random: () => number, n: number, count: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, count);
}

describe('suggestions on data/namhoa', () => {
  it('picks only among the candidate places when the package has candidates.geojson', () => {
    const { suggester, result } = suggest(sample, options(TEMPLATE_5G, { count: 8 }));
    const places = new Map(sample.candidates.map((p) => [p.id, p]));
    expect(sample.candidates.length).toBe(8);
    expect(suggester.stats()).toMatchObject({ source: 'places', locations: 8 });
    expect(result.length).toBeGreaterThan(0);
    for (const s of result) {
      const place = places.get(s.placeId ?? '');
      expect(place, `suggestion ${s.rank}`).toBeDefined();
      expect([s.lon, s.lat, s.placeName, s.maxHeightM]).toEqual([place?.lon, place?.lat, place?.name, place?.max_height_m]);
    }
    expect(new Set(result.map((s) => s.placeId)).size).toBe(result.length);
  });

  it('beats the best of 100 seeded random choices of 3 of the same places (5G)', () => {
    const opts = options(TEMPLATE_5G);
    const { result } = suggest(sample, opts);
    const random = mulberry32(7);
    const gainOf = scorer(sample, opts);
    let best = 0;
    for (let trial = 0; trial < 100; trial++) {
      const sites = randomChoice(random, sample.candidates.length, 3).map((i, r) => {
        const p = sample.candidates[i] as DataPackage['candidates'][number];
        return templateCells(TEMPLATE_5G, { lon: p.lon, lat: p.lat, heightM: cappedHeightM(TEMPLATE_5G, p.max_height_m), name: p.name }, r + 1);
      });
      best = Math.max(best, gainOf(sites));
    }
    const greedy = result.at(-1)?.cumulativePeople ?? 0;
    expect(best).toBeGreaterThan(0);
    expect(greedy).toBeGreaterThanOrEqual(best - 1e-6);
  });

  it.each([3, 5])('on the grid (no candidates.geojson), N = %i beats the best of 100 seeded random placements at settlement points', (count) => {
    const opts = options(TEMPLATE_5G, { count });
    const { suggester, result } = suggest(noPlaces, opts);
    expect(suggester.stats().source).toBe('grid');
    expect(result).toHaveLength(count);
    const points = pointList(noPlaces.population!);
    const random = mulberry32(11 + count);
    const gainOf = scorer(noPlaces, opts);
    let best = 0;
    for (let trial = 0; trial < 100; trial++) {
      const sites = randomChoice(random, points.length, count).map((i, r) => {
        const p = points[i] as { lon: number; lat: number };
        return templateCells(TEMPLATE_5G, { lon: p.lon, lat: p.lat, heightM: TEMPLATE_5G.height_m, name: 'random' }, r + 1);
      });
      best = Math.max(best, gainOf(sites));
    }
    expect(best).toBeGreaterThan(0);
    expect(result.at(-1)?.cumulativePeople).toBeGreaterThanOrEqual(best);
  });

  it('puts grid suggestions at the centres of the stated grid in the package plane', () => {
    const spacingM = 400;
    const { result } = suggest(noPlaces, options(TEMPLATE_5G, { gridSpacingM: spacingM }));
    const plane = contextFor(noPlaces).projection;
    for (const s of result) {
      expect(s.placeId).toBeNull();
      for (const m of [plane.x(s.lon), plane.y(s.lat)]) {
        const offCentreM = Math.abs(m / spacingM - Math.floor(m / spacingM) - 0.5) * spacingM;
        expect(offCentreM).toBeLessThan(1e-6);
      }
    }
  });

  // The scenario's own candidate (another carrier's) counts as covered too: coverage is the union of carriers.
  const scenarioCandidate: Cell = {
    id: 'plan-1', site_id: 'plan-1', name: 'plan', carrier: 'VNPT', lon: 105.9335, lat: 21.6312, tech: '5G', band_mhz: 3500,
    height_m: 30, azimuth_deg: null, beamwidth_deg: 360, eirp_dbm: 66, range_m: null, status: 'candidate', on_air_year: null,
  };
  const cases = [
    { name: '5G places, on air', grid: false, template: TEMPLATE_5G, year: null, extra: [] },
    { name: '5G places, 2026, with a scenario candidate', grid: false, template: TEMPLATE_5G, year: 2026, extra: [scenarioCandidate] },
    { name: '5G grid, 2026', grid: true, template: TEMPLATE_5G, year: 2026, extra: [] },
    { name: '4G grid omni, on air, with a scenario candidate', grid: true, template: TEMPLATE_4G, year: null, extra: [scenarioCandidate] },
  ];
  it.each(cases)('gives each site the people it adds to the report ($name)', ({ grid, template, year, extra }) => {
    const pkg = grid ? noPlaces : sample;
    const opts = options(template, { year, count: 4, priorityWeight: 50 });
    const { result } = suggest(pkg, opts, extra);
    expect(result.length).toBeGreaterThan(0);
    const model = new CoverageModel(pkg, { year, extraCells: extra });
    let before = coveredPeople(model, template.tech);
    let cumulative = 0;
    for (const s of result) {
      for (const cell of s.cells) model.addCell(cell);
      const after = coveredPeople(model, template.tech);
      expect(s.marginalPeople, `rank ${s.rank}`).toBeCloseTo(after - before, 6);
      cumulative += s.marginalPeople;
      expect(s.cumulativePeople).toBeCloseTo(cumulative, 6);
      before = after;
    }
  });

  it('runs in small steps to the same answer as in one step, progress rising to 1', () => {
    const opts = options(TEMPLATE_5G, { count: 4 });
    const whole = suggest(noPlaces, opts).result;
    const stepped = new Suggester(noPlaces, opts, []);
    const progress: number[] = [];
    for (let guard = 0; guard < 1e6; guard++) {
      // A deadline already past: each call does one unit of work.
      const { done, progress: p } = stepped.step(performance.now() - 1);
      progress.push(p);
      if (done) break;
    }
    expect(progress.length).toBeGreaterThan(100);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= (progress[i - 1] as number)))).toBe(true);
    expect(stepped.result()).toEqual(whole);
  });

  it('names the cells of suggestion r sug-r-k (k from 1; the one cell of an omni site is sug-r), as candidates of the template', () => {
    const { result } = suggest(sample, options(TEMPLATE_5G, { count: 2 }));
    const second = result[1] as Suggestion;
    expect(second.cells.map((c) => [c.id, c.site_id, c.status, c.on_air_year, c.azimuth_deg, c.tech, c.carrier])).toEqual([
      ['sug-2-1', 'sug-2', 'candidate', null, 0, '5G', 'Viettel'],
      ['sug-2-2', 'sug-2', 'candidate', null, 120, '5G', 'Viettel'],
      ['sug-2-3', 'sug-2', 'candidate', null, 240, '5G', 'Viettel'],
    ]);
  });
});
