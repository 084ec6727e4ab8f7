// Site suggestions on a hand-made commune small enough to enumerate: three hamlets, six
// settlement clusters, eight candidate places, one on-air cell. Fixed-range omni cells keep
// every footprint a plain 700 m disc, so which place covers which cluster is clear by eye:
//
//   p1 ── c1 (A, 20 pts)        p6 midway between c1 and c3 covers both
//   p2 ── c2 (A, 10 pts)        p7 at c6, which the on-air cell already covers
//   p3 ── c3 (B, 15 pts)        p8 far from everyone
//   p4 ── c4 (B, 5 pts, a school beside it)
//   p5 ── c5 (C, 12 pts)
//
// Hamlet A weighs 400 people over 30 points, B and C 300 over 20: people per point differ,
// so the census scaling matters.
import { describe, expect, it } from 'vitest';
import { hamlet, makePackage, point, rect } from '../../../../tests/unit/fixtures/engine/builders.ts';
import { destination } from '../geodesy.ts';
import { CoverageModel } from '../model.ts';
import type { CandidatePlace, Cell, DataPackage, LonLat, Poi, PopulationPoint } from '../types.ts';
import { Suggester, type Suggestion, type SuggestOptions } from './suggest.ts';
import { cappedHeightM, templateCells, type CandidateTemplate } from './template.ts';

const CLUSTERS: Array<{ at: LonLat; points: number }> = [
  { at: [105.912, 21.61], points: 20 },
  { at: [105.915, 21.632], points: 10 },
  { at: [105.924, 21.61], points: 15 },
  { at: [105.935, 21.633], points: 5 },
  { at: [105.946, 21.62], points: 12 },
  { at: [105.955, 21.606], points: 8 },
];

const OMNI_4G: CandidateTemplate = { tech: '4G', carrier: 'VNPT', band_mhz: 1800, height_m: 30, eirp_dbm: 60, range_m: 700, beamwidth_deg: 65, azimuths_deg: [] };

function place(id: string, at: LonLat, maxHeightM: number | null = null): CandidatePlace {
  return { id, name: `Place ${id}`, kind: 'public_land', max_height_m: maxHeightM, lon: at[0], lat: at[1] };
}

const PLACES: CandidatePlace[] = [
  place('p1', CLUSTERS[0]!.at),
  place('p2', CLUSTERS[1]!.at),
  place('p3', CLUSTERS[2]!.at),
  place('p4', CLUSTERS[3]!.at),
  place('p5', CLUSTERS[4]!.at),
  place('p6', [105.918, 21.61]),
  place('p7', CLUSTERS[5]!.at),
  place('p8', [105.93, 21.6395]),
];

/** Points on a 60 m ring around each cluster centre. */
function clusterPoints(): PopulationPoint[] {
  return CLUSTERS.flatMap(({ at, points }) =>
    Array.from({ length: points }, (_, i) => {
      const [lon, lat] = destination(at, (360 * i) / points, 60);
      return point(lon, lat, 1);
    }),
  );
}

const SCHOOL: Poi = { id: 'school', type: 'school', name: 'Trường Tiểu học', lon: 105.9352, lat: 21.6333 };

function commune(fields: Partial<DataPackage> = {}): DataPackage {
  return makePackage({
    hamlets: [
      hamlet('A', rect(105.9, 21.6, 105.92, 21.64), 400),
      hamlet('B', rect(105.92, 21.6, 105.94, 21.64), 300),
      hamlet('C', rect(105.94, 21.6, 105.96, 21.64), 300),
    ],
    population: clusterPoints(),
    cells: [
      { id: 'on-air', site_id: 'on-air', name: 'on air', carrier: 'Viettel', lon: 105.955, lat: 21.606, tech: '4G', band_mhz: 1800, height_m: 30,
        azimuth_deg: null, beamwidth_deg: 360, eirp_dbm: 60, range_m: 600, status: 'on_air', on_air_year: null },
    ],
    pois: [SCHOOL],
    candidates: PLACES,
    ...fields,
  });
}

function options(fields: Partial<SuggestOptions> = {}): SuggestOptions {
  return { tech: '4G', carrier: 'VNPT', count: 3, year: null, priorityWeight: 0, template: OMNI_4G, ...fields };
}

function run(pkg: DataPackage, opts: SuggestOptions): Suggestion[] {
  const s = new Suggester(pkg, opts, []);
  expect(s.step(Infinity).done).toBe(true);
  return s.result();
}

function coveredPeople(model: CoverageModel): number {
  return model.report().hamlets.reduce((sum, h) => sum + (h.share['4g'] ?? 0) * h.population, 0);
}

function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), k - 1).map((rest) => [item, ...rest]));
}

describe('suggestions on a hand-made commune', () => {
  it.each([2, 3])('equal the exhaustive optimum over all %i-place choices of the 8 places, by the report', (count) => {
    const pkg = commune();
    const result = run(pkg, options({ count }));
    const model = new CoverageModel(pkg, { year: null });
    const base = coveredPeople(model);
    let best = -Infinity;
    for (const choice of subsets(PLACES, count)) {
      const cells = choice.flatMap((p, r) => templateCells(OMNI_4G, { lon: p.lon, lat: p.lat, heightM: cappedHeightM(OMNI_4G, p.max_height_m), name: p.name }, r + 1));
      for (const cell of cells) model.addCell(cell);
      best = Math.max(best, coveredPeople(model) - base);
      for (const cell of cells) model.removeCell(cell.id);
    }
    expect(result).toHaveLength(count);
    expect(result.at(-1)?.cumulativePeople).toBeCloseTo(best, 6);
  });

  it('skips overlap: after the place between two clusters, the next picks are new clusters, not its neighbours', () => {
    const result = run(commune(), options({ count: 3 }));
    // Individually p6 > p1 > p3 > p5 > p2, but p1 and p3 only repeat p6.
    expect(result.map((s) => s.placeId)).toEqual(['p6', 'p5', 'p2']);
    // Census-scaled: A has 400 people on 30 points, B and C 300 on 20.
    expect(result.map((s) => s.marginalPeople)).toEqual([
      expect.closeTo(20 * (400 / 30) + 15 * (300 / 20), 9),
      expect.closeTo(12 * (300 / 20), 9),
      expect.closeTo(10 * (400 / 30), 9),
    ]);
  });

  it('stops when no place adds anybody (p1 and p3 only repeat p6, p7 is covered already, p8 is empty)', () => {
    const result = run(commune(), options({ count: 8 }));
    expect(result.map((s) => s.placeId)).toEqual(['p6', 'p5', 'p2', 'p4']);
    expect(result.every((s) => s.marginalPeople > 0)).toBe(true);
  });

  it('lets a priority place change the ranking when it is at stake', () => {
    const plain = run(commune(), options({ count: 3 }));
    const weighted = run(commune(), options({ count: 3, priorityWeight: 100 }));
    expect(plain.map((s) => [s.placeId, s.marginalPriority])).toEqual([['p6', 0], ['p5', 0], ['p2', 0]]);
    // p4: 5 points × 15 people + 100 for the school = 175 > p2's 133.
    expect(weighted.map((s) => [s.placeId, s.marginalPriority])).toEqual([['p6', 0], ['p5', 0], ['p4', 1]]);
    expect(weighted[2]?.marginalPeople).toBeCloseTo(75, 9);
  });

  it('does not count a priority place the fixed network already covers', () => {
    const covering: Cell = { ...(commune().cells[0] as Cell), id: 'school-cell', lon: SCHOOL.lon, lat: SCHOOL.lat, range_m: 30 };
    const s = new Suggester(commune(), options({ count: 3, priorityWeight: 100 }), [covering]);
    s.step(Infinity);
    expect(s.result().map((r) => r.placeId)).toEqual(['p6', 'p5', 'p2']);
  });

  it('caps the antenna height at a place’s max_height_m and reports it', () => {
    const predicted: CandidateTemplate = { ...OMNI_4G, range_m: null, height_m: 30 };
    const pkg = commune({ candidates: [place('low', CLUSTERS[0]!.at, 12), place('tall', CLUSTERS[4]!.at, 60)] });
    const result = run(pkg, options({ count: 2, template: predicted }));
    const byId = new Map(result.map((s) => [s.placeId, s]));
    expect(byId.get('low')?.cells.map((c) => c.height_m)).toEqual([12]);
    expect(byId.get('low')?.maxHeightM).toBe(12);
    expect(byId.get('tall')?.cells.map((c) => c.height_m)).toEqual([30]);
    // The template's default height (4G: 30 m) is capped the same way.
    const byDefault = run(pkg, options({ count: 2, template: { ...predicted, height_m: null } }));
    expect(byDefault.find((s) => s.placeId === 'low')?.cells[0]?.height_m).toBe(12);
    expect(byDefault.find((s) => s.placeId === 'tall')?.cells[0]?.height_m).toBeNull();
  });

  it('leaves out a place too low for a predicted reach, and says why', () => {
    const predicted: CandidateTemplate = { ...OMNI_4G, range_m: null };
    const pkg = commune({ candidates: [place('pole', CLUSTERS[0]!.at, 1), place('ok', CLUSTERS[4]!.at, 40)] });
    const s = new Suggester(pkg, options({ count: 2, template: predicted }), []);
    s.step(Infinity);
    expect(s.result().map((r) => r.placeId)).toEqual(['ok']);
    expect(s.warnings()).toEqual([expect.stringMatching(/^candidates\.geojson place pole: left out: .*height_m: got 1 m; expected an antenna above the phone \(1\.5 m\)/)]);
  });

  it('refuses unusable options with a message naming the option', () => {
    const pkg = commune();
    const cases: Array<[Partial<SuggestOptions>, RegExp]> = [
      [{ count: 0 }, /count: got 0; expected a whole number of sites ≥ 1/],
      [{ count: 2.5 }, /count: got 2\.5/],
      [{ priorityWeight: -1 }, /priorityWeight: got -1/],
      [{ gridSpacingM: 5 }, /gridSpacingM: got 5; expected metres ≥ 25/],
      [{ tech: '5G' }, /template is 4G of VNPT; expected the options' 5G of VNPT/],
      [{ template: { ...OMNI_4G, beamwidth_deg: 0, azimuths_deg: [90] } }, /suggest template: beamwidth_deg: got 0 degrees; expected a beamwidth in \(0, 360\] degrees/],
      [{ template: { ...OMNI_4G, range_m: null, band_mhz: 60_000 } }, /suggest template: band_mhz: got 60\s000 MHz; expected 150–7125 MHz/],
    ];
    for (const [fields, message] of cases) expect(() => new Suggester(pkg, options(fields), []), JSON.stringify(fields)).toThrow(message);
  });

  it('approximates uniform-model hamlets (no settlement points) by sampling them, within 5% of the report', () => {
    const pkg = commune({ population: null, candidates: PLACES.slice(0, 5) });
    const result = run(pkg, options({ count: 2 }));
    const model = new CoverageModel(pkg, { year: null });
    let before = coveredPeople(model);
    for (const s of result) {
      for (const cell of s.cells) model.addCell(cell);
      const after = coveredPeople(model);
      // 1000 samples over a 9 km² hamlet are ~95 m apart, against a 700 m disc: a few percent at its rim.
      expect(Math.abs(s.marginalPeople - (after - before)), `rank ${s.rank}`).toBeLessThan(0.05 * (after - before));
      before = after;
    }
  });
});
