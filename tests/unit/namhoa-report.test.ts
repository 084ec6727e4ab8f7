// The sample package's report, in-process through the real loader and engine, against the
// golden files the report command wrote (tests/golden/README.md says how to regenerate them).
// The golden files pin the engine's output so any real change shows up as a named JSON path;
// the facts below them come from the package files alone, not from the engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { formatProblem } from '../../src/lib/data/problems.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import type { DataPackage, Report } from '../../src/lib/engine/types.ts';
import { formatJson } from '../../src/lib/report/json.ts';
import { describeDifference, firstJsonDifference } from './json-diff.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../../data/namhoa', import.meta.url));
const GOLDEN_DIR = new URL('../golden/', import.meta.url);
/** Absolute tolerance on every number: float noise passes, a real change does not. */
const TOLERANCE = 1e-9;

const YEARS = [
  { year: null, golden: 'namhoa-report.json' },
  { year: 2026, golden: 'namhoa-report-2026.json' },
  { year: 2030, golden: 'namhoa-report-2030.json' },
] as const;

interface HamletFeature {
  properties: { id: string; population: number; adults: number; esign_adults: number };
}

const readJson = (path: string | URL): unknown => JSON.parse(readFileSync(path, 'utf8'));
const hamletFile = readJson(`${PACKAGE_DIR}/hamlets.geojson`) as { features: HamletFeature[] };
const targetFile = readJson(`${PACKAGE_DIR}/targets.json`) as { id: string }[];
const areaFile = readJson(`${PACKAGE_DIR}/area.json`) as { indicators: { ipv6_share: { value: number } } };

let pkg: DataPackage;
const reports = new Map<number | null, Report>();

beforeAll(async () => {
  const { pkg: loaded, problems } = await loadPackage(fsSource(PACKAGE_DIR));
  expect(problems.map(formatProblem)).toEqual([]);
  pkg = loaded!;
  for (const { year } of YEARS) reports.set(year, computeReport(pkg, { year }));
});

const reportFor = (year: number | null): Report => reports.get(year)!;

describe.each(YEARS)('data/namhoa report, year $year', ({ year, golden }) => {
  it(`matches tests/golden/${golden} within ${TOLERANCE}`, () => {
    // Through formatJson, exactly as `npm run report -- --format json` prints it.
    const actual = JSON.parse(formatJson(reportFor(year)));
    const difference = firstJsonDifference(readJson(new URL(golden, GOLDEN_DIR)), actual, TOLERANCE);
    expect(difference && `${describeDifference(difference)} — if intended, regenerate (tests/golden/README.md)`).toBeNull();
  });

  it('has the census population and every hamlet and target of the package, in file order', () => {
    const report = reportFor(year);
    expect(report.year).toBe(year);
    expect(report.population).toBe(16237);
    expect(hamletFile.features.reduce((sum, f) => sum + f.properties.population, 0)).toBe(16237);
    expect(report.hamlets).toHaveLength(30);
    expect(report.hamlets.map((h) => h.id)).toEqual(hamletFile.features.map((f) => f.properties.id));
    expect(report.hamlets.map((h) => h.population)).toEqual(hamletFile.features.map((f) => f.properties.population));
    expect(report.targets.map((t) => t.id)).toEqual(targetFile.map((t) => t.id));
  });

  it('takes the indicators from the package: IPv6 from area.json, e-signature from the hamlets’ counts', () => {
    const { metrics } = reportFor(year);
    const props = hamletFile.features.map((f) => f.properties);
    const esignShare = props.reduce((s, p) => s + p.esign_adults, 0) / props.reduce((s, p) => s + p.adults, 0);
    expect(metrics['indicator.ipv6_share']).toBe(areaFile.indicators.ipv6_share.value);
    expect(metrics['indicator.esign_adult_share']).toBeCloseTo(esignShare, 12);
  });
});

describe('data/namhoa coverage only grows with the year viewed', () => {
  // Planned cells join by on_air_year and on-air ones never leave, so every share of a
  // later year is at least that of an earlier one.
  it.each([
    [null, 2026],
    [2026, 2030],
  ] as const)('%s → %s', (earlier, later) => {
    const [a, b] = [reportFor(earlier), reportFor(later)];
    for (const [metric, value] of Object.entries(a.metrics)) {
      if (value !== null) expect(b.metrics[metric as keyof Report['metrics']], metric).toBeGreaterThanOrEqual(value - TOLERANCE);
    }
    a.hamlets.forEach((h, i) => {
      for (const [tech, share] of Object.entries(h.share)) {
        const laterShare = b.hamlets[i]?.share[tech as keyof typeof h.share];
        if (share !== null) expect(laterShare, `${h.id} ${tech}`).toBeGreaterThanOrEqual(share - TOLERANCE);
      }
    });
  });
});
