// End to end: `npm run report` (scripts/cli.mjs running scripts/report.ts) on small packages written to a temp folder, through
// the real loader and engine. Figures asserted here follow from the geometry by hand: the
// cells' 20 km reach covers both 1 km hamlets whole.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/lib/engine/types.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { THREAD_FROM_BYTES } from '../../src/lib/data/node/population-thread.ts';
import { runValidate } from '../../src/lib/data/node/validate-cli.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import { COMMUNE_SCALE, syntheticPackage } from '../../scripts/bench/synthetic-package.ts';
import { writePackage as writeSyntheticPackage } from '../../scripts/bench/write-package.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function square(id: string, name: string, population: number, west: number) {
  const [south, east, north] = [21.6, west + 0.01, 21.61];
  return {
    type: 'Feature',
    properties: { id, name, population },
    geometry: { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] },
  };
}

const SITES_HEADER = 'id,site_id,name,carrier,lon,lat,tech,band_mhz,height_m,azimuth_deg,beamwidth_deg,eirp_dbm,range_m,status,on_air_year';

type TargetRow = Record<string, string | number>;

const TARGETS: TargetRow[] = [
  { id: '4g_2026', metric: 'pop_share.4g', op: '>', value: 0.5, deadline: '2026-Q4', clause: 'II.1.a' },
  { id: '5g_2030', metric: 'pop_share.5g', op: '>=', value: 0.8, deadline: '2030-Q4', clause: 'II.2.a' },
  { id: 'fiber_2026', metric: 'pop_share.fiber', op: '>', value: 0.7, deadline: '2026-Q2', clause: 'II.1.b' },
];

function writePackage(dir: string, sitesRows: string[], targets: TargetRow[] = TARGETS): void {
  mkdirSync(dir, { recursive: true });
  const area = {
    id: 'thu',
    name: 'Xã Thử Nghiệm',
    province: 'Thái Nguyên',
    sample: true,
    hamlet_coverage_threshold: 0.9,
    indicators: { ipv6_share: 0.62 },
  };
  const hamlets = {
    type: 'FeatureCollection',
    features: [square('01', 'Xóm Một | Hai', 500, 105.8), square('02', 'Xóm "Ba", Bốn', 300, 105.81)],
  };
  writeFileSync(join(dir, 'area.json'), JSON.stringify(area, null, 2));
  writeFileSync(join(dir, 'targets.json'), JSON.stringify(targets, null, 2));
  writeFileSync(join(dir, 'hamlets.geojson'), JSON.stringify(hamlets));
  writeFileSync(join(dir, 'sites.csv'), `${[SITES_HEADER, ...sitesRows].join('\n')}\n`);
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/cli.mjs', 'scripts/report.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineFailure(result: ReturnType<typeof run>): string {
  expect(result.status).not.toBe(0);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

let root: string;
let good: string;
let broken: string;
let yearDeadline: string;
let withHistory: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'report-cli-'));
  good = join(root, 'good');
  broken = join(root, 'broken');
  writePackage(good, [
    'c4,s1,Site 1,VNPT,105.81,21.605,4G,1800,30,,,,20000,on_air,',
    'c5,s1,Site 1,VNPT,105.81,21.605,5G,3500,30,,,,20000,planned,2027',
  ]);
  writePackage(broken, [
    'c4,s1,Site 1,VNPT,105.81,121.6,4G,1800,30,,,,20000,on_air,',
    'c5,s1,Site 1,VNPT,105.81,21.605,6G,3500,30,,,,20000,planned,2027',
  ]);
  withHistory = join(root, 'with-history');
  writePackage(withHistory, ['c4,s1,Site 1,VNPT,105.81,21.605,4G,1800,30,,,,20000,on_air,']);
  writeFileSync(join(withHistory, 'history.csv'), 'period,metric,value,source\r\n2026-Q3,pop_share.4g,0.25,Báo cáo quý III\r\n');
  yearDeadline = join(root, 'year-deadline');
  writePackage(yearDeadline, ['c4,s1,Site 1,VNPT,105.81,21.605,4G,1800,30,,,,20000,on_air,'], [{ ...TARGETS[0]!, deadline: '2026' }]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run report', () => {
  it('prints one JSON document in the spec shape for a valid package', () => {
    const result = run(good);
    expect(result.status).toBe(0);
    // Warnings may go to stderr; nothing else may.
    for (const line of result.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^warning: /);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc)).toEqual(['area', 'year', 'population', 'metrics', 'targets', 'hamlets']);
    expect(doc.area).toEqual({ id: 'thu', name: 'Xã Thử Nghiệm', sample: true });
    expect(doc.year).toBeNull();
    expect(doc.population).toBe(800);
    expect(Object.keys(doc.metrics)).toEqual([...METRICS]);
    expect(doc.metrics['pop_share.4g']).toBeCloseTo(1, 6);
    // The 5G cell is only planned: with no --year it is not on air, and 5G is a known 0.
    expect(doc.metrics['pop_share.5g']).toBe(0);
    // No access point and no fiber polygon: fiber is unknown, not 0.
    expect(doc.metrics['pop_share.fiber']).toBeNull();
    expect(doc.metrics['indicator.ipv6_share']).toBe(0.62);
    expect(doc.metrics['indicator.esign_adult_share']).toBeNull();
    expect(doc.targets.map((t: { id: string; met: boolean | null }) => [t.id, t.met])).toEqual([
      ['4g_2026', true],
      ['5g_2030', false],
      ['fiber_2026', null],
    ]);
    expect(doc.targets[0]).toMatchObject({ metric: 'pop_share.4g', op: '>', value: 0.5, deadline: '2026-Q4', clause: 'II.1.a' });
    expect(doc.hamlets.map((h: { id: string }) => h.id)).toEqual(['01', '02']);
    expect(doc.hamlets[1].name).toBe('Xóm "Ba", Bốn');
    expect(doc.hamlets[1].share.fiber).toBeNull();
  });

  it('counts planned cells up to --year', () => {
    const result = run(good, '--year', '2027');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.year).toBe(2027);
    expect(doc.metrics['pop_share.5g']).toBeCloseTo(1, 6);
    expect(doc.targets[1].met).toBe(true);
  });

  it('prints the Markdown report with escaped names and judged deadlines', () => {
    const result = run(good, '--format', 'md', '--as-of', '2027-03-01');
    expect(result.status).toBe(0);
    const md = result.stdout;
    expect(md.startsWith('# Báo cáo hạ tầng số — Xã Thử Nghiệm\n')).toBe(true);
    expect(md).toContain('Dữ liệu minh hoạ (không phải số liệu chính thức)');
    expect(md).toContain('- Ngày lập: 01/03/2027');
    expect(md).toContain('| Xóm Một \\| Hai | 500 |');
    expect(md).toMatch(/\| Tỷ lệ dân số được phủ sóng 4G \| > 50 % \| 100,0 % \| Đạt \| Quý IV\/2026 \| II\.1\.a \|/);
    expect(md).toMatch(/\| Tỷ lệ dân số được phủ cáp quang \| > 70 % \| — \| Không có dữ liệu \|/);
    expect(md).toMatch(/\| Tỷ lệ dân số được phủ sóng 5G \| ≥ 80 % \| 0,0 % \| Chưa đạt \(thiếu 80,0 điểm %\) \| Quý IV\/2030/);
  });

  it('prints English Markdown with --lang en', () => {
    const result = run(good, '--format', 'md', '--lang', 'en');
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('# Digital infrastructure report — Xã Thử Nghiệm\n')).toBe(true);
    expect(result.stdout).toContain('Total population: 800 people');
  });

  it('prints one CSV row per hamlet with a BOM and RFC 4180 quoting', () => {
    const result = run(good, '--format', 'csv');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,name,population,share_4g,share_5g,share_mobile_bb,share_fiber,share_fiber_1g');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^02,"Xóm ""Ba"", Bốn",300,[\d.e-]+,0,[\d.e-]+,,$/);
  });

  it('prints the quarterly report as one valid HTML page, listing the package files', () => {
    const result = run(withHistory, '--format', 'html', '--as-of', '2026-11-25');
    expect(result.status).toBe(0);
    const errors: string[] = [];
    parse(result.stdout, { onParseError: (e) => errors.push(e.code) });
    expect(errors).toEqual([]);
    expect(result.stdout).toContain('<h1>Báo cáo hạ tầng số — Quý IV/2026</h1>');
    expect(result.stdout).toContain('<td>Xóm &quot;Ba&quot;, Bốn</td>');
    // 4G covers both hamlets whole now; history.csv said 25 % in Q3.
    expect(result.stdout).toMatch(/<td class="nowrap">Quý III\/2026<\/td><td class="num">25,0 %<\/td><td class="num">100,0 %<\/td><td class="num change-up">\+75,0 điểm %<\/td><td class="source">Báo cáo quý III<\/td>/);
    for (const file of ['area.json', 'hamlets.geojson', 'history.csv', 'sites.csv', 'targets.json']) expect(result.stdout).toContain(`<li>${file}</li>`);
  });

  it('fails with one stderr line naming file, row and field for a broken package', () => {
    const line = expectOneLineFailure(run(broken));
    expect(line).toMatch(/^sites\.csv row 1, lat: /);
    expect(line).toMatch(new RegExp(`\\(\\+\\d+ more; run npm run validate -- ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`));
  });

  // Regression: a deadline that is not a quarter passed validation, then the Markdown
  // report threw "could not compute the report" while judging it.
  it('rejects a deadline that is not a quarter as bad input, naming file, target and field', () => {
    const line = expectOneLineFailure(run(yearDeadline, '--format', 'md'));
    expect(line).toBe('targets.json target 0, deadline: got "2026"; expected a quarter such as "2026-Q4"');
  });

  it('fails on an unknown flag, a bad year and a missing folder', () => {
    expect(expectOneLineFailure(run(good, '--colour'))).toBe('unknown option --colour; run with --help for usage');
    expect(expectOneLineFailure(run(good, '--year', 'next'))).toContain('--year: "next" is not a year');
    const missing = join(root, 'nowhere');
    expect(expectOneLineFailure(run(missing))).toBe(`${missing}: no such data package folder`);
  });

  it('prints usage with --help and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--as-of YYYY-MM-DD');
    expect(result.stderr).toBe('');
  });
});

// A population file big enough to be read on the command's worker thread (population-thread.ts)
// gives the report the loader gives in this process, to the last digit.
describe('npm run report and validate on a package with a large population file', () => {
  let dir = '';
  beforeAll(() => {
    dir = join(root, 'large-population');
    writeSyntheticPackage(syntheticPackage({ ...COMMUNE_SCALE, communesX: 2, communesY: 2, peoplePerCommune: 60_000 }, 7), dir);
  });

  it('reads the population on a worker thread and reports what the in-process loader does', async () => {
    expect(statSync(join(dir, 'population.geojson')).size).toBeGreaterThan(THREAD_FROM_BYTES);
    const { pkg, problems } = await loadPackage(fsSource(dir));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const result = run(dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(computeReport(pkg!, { year: null }))));
  });

  it('reads it on a worker thread for npm run validate too, with the in-process verdict', async () => {
    const lines: string[] = [];
    const code = await runValidate([dir], { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    const result = spawnSync(process.execPath, ['scripts/cli.mjs', 'scripts/validate.ts', dir], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(code);
    expect(result.stdout).toBe(`${lines.join('\n')}\n`);
    expect(result.stdout).toMatch(/\(100 hamlets, .*, [\d,]+ population points/);
  });
});
