// CoverageModel's incremental updates give the report computed from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageModel } from '../../src/lib/engine/model.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import { destination } from '../../src/lib/engine/geodesy.ts';
import type { Cell, Report } from '../../src/lib/engine/types.ts';
import { mulberry32 } from '../../scripts/lib/prng.ts';
import { randomCell, randomPackage } from './fixtures/engine/random-package.ts';

/** Deep equality with numbers within 1e-9. */
function expectClose(actual: unknown, expected: unknown, path = 'report'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-9);
  } else if (expected !== null && typeof expected === 'object') {
    expect(typeof actual, path).toBe('object');
    const keys = Object.keys(expected);
    expect(Object.keys(actual as object), path).toEqual(keys);
    for (const key of keys) expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
  } else {
    expect(actual, path).toBe(expected);
  }
}

type Op =
  | { kind: 'add' }
  | { kind: 'move'; pick: number; eastM: number; northM: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'year'; year: number | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'add' }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), eastM: fc.integer({ min: -800, max: 800 }), northM: fc.integer({ min: -800, max: 800 }) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('year' as const), year: fc.constantFrom(null, 2025, 2027, 2030) }),
);

describe('CoverageModel', () => {
  it('after any sequence of add/move/remove/setYear, report() equals computeReport from scratch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), fc.array(opArb, { minLength: 1, maxLength: 12 }), (seed, withPopulation, ops) => {
        const pkg = randomPackage(seed, { withPopulation });
        const random = mulberry32(seed + 1);
        let year: number | null = null;
        const model = new CoverageModel(pkg, { year, extraCells: [randomCell(random, 'x0')] });
        let next = 1;
        for (const op of ops) {
          const ids = model.cells().map((c) => c.id);
          const id = ids.length > 0 ? (ids[('pick' in op ? op.pick : 0) % ids.length] as string) : null;
          if (op.kind === 'add') model.addCell(randomCell(random, `x${next++}`));
          else if (op.kind === 'move' && id) {
            const c = model.cells().find((cell) => cell.id === id);
            if (c) model.moveCell(id, c.lon + op.eastM / 103_500, c.lat + op.northM / 110_700);
          } else if (op.kind === 'remove' && id) model.removeCell(id);
          else if (op.kind === 'year') {
            year = op.year;
            model.setYear(year);
          }
        }
        const expected: Report = computeReport(pkg, { year, extraCells: model.cells() });
        expectClose(model.report(), expected);
      }),
      { seed: 20261125, numRuns: 60 },
    );
  });

  it('uniform-model hamlets: several scenario cells dragged in turn, frame by frame, match computeReport after every frame', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 360, noNaN: true }), fc.integer({ min: 20, max: 300 })), { minLength: 5, maxLength: 25 }), (seed, drags) => {
        const pkg = randomPackage(seed, { withPopulation: false });
        const random = mulberry32(seed + 7);
        // Four candidates of 0.2–2 km reach on ~1.3 km hamlets: each drag frame leaves, enters or stays in hamlets.
        const model = new CoverageModel(pkg, { year: null, extraCells: [randomCell(random, 'd0'), randomCell(random, 'd1')] });
        model.addCell(randomCell(random, 'd2'));
        model.addCell(randomCell(random, 'd3'));
        model.report();
        for (const [pick, bearingDeg, stepM] of drags) {
          const cells = model.cells();
          const c = cells[pick % cells.length] as Cell;
          const [lon, lat] = destination([c.lon, c.lat], bearingDeg, stepM);
          model.moveCell(c.id, lon, lat);
          expectClose(model.report(), computeReport(pkg, { year: null, extraCells: model.cells() }));
        }
      }),
      { seed: 20261126, numRuns: 25 },
    );
  });

  it('rejects a scenario id already in use, and moves or removals of unknown cells', () => {
    const pkg = randomPackage(3, { withPopulation: false });
    const random = mulberry32(9);
    const model = new CoverageModel(pkg, { year: null });
    model.addCell(randomCell(random, 'a'));
    expect(() => model.addCell(randomCell(random, 'a'))).toThrow(/scenario cell a: id is already in use/);
    expect(() => model.moveCell('nope', 105.8, 21.6)).toThrow(/scenario cell nope/);
    expect(() => model.removeCell(pkg.cells[0]?.id ?? 'c0')).toThrow(/no such scenario cell/);
  });

  it('counts a scenario candidate as on air and forgets it once removed', () => {
    const pkg = randomPackage(5, { withPopulation: true });
    const model = new CoverageModel(pkg, { year: null });
    const before = model.report();
    const candidate = { ...randomCell(mulberry32(1), 'cand'), status: 'candidate' as const, lon: 105.812, lat: 21.606, range_m: 3000, azimuth_deg: null };
    model.addCell(candidate);
    expect(model.report().metrics['pop_share.mobile_bb']).toBeGreaterThan(before.metrics['pop_share.mobile_bb'] as number);
    model.removeCell('cand');
    expectClose(model.report(), before);
  });
});
