// The import pipeline on real files: the sample's hamlets as a VN-2000 Shapefile (with and
// without TOWGS84 in the .prj), as KMZ, sites as a CSV with Vietnamese headers, a broken file.
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import type { Polygon } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { loadPackage } from '../data/load-package.ts';
import { memorySource } from '../data/source.ts';
import { computeReport } from '../engine/report.ts';
import type { Report } from '../engine/types.ts';
import { createImportApi } from './api.ts';
import { readFiles, type InputFile } from './read.ts';

const SAMPLE = 'data/namhoa';
const FIXTURES = 'tests/fixtures/import';
const file = (dir: string, name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) });
const sampleFiles = (...except: string[]): InputFile[] =>
  ['area.json', 'targets.json', 'sites.csv', 'coverage.geojson', 'fiber.geojson', 'pois.geojson', 'population.geojson', 'speedtests.csv', 'history.csv']
    .filter((n) => !except.includes(n))
    .map((n) => file(SAMPLE, n));

async function sampleReport(): Promise<Report> {
  const { pkg } = await loadPackage(memorySource('sample', Object.fromEntries(sampleFiles().concat(file(SAMPLE, 'hamlets.geojson')).map((f) => [f.name, f.bytes]))));
  return computeReport(pkg!, { year: null });
}

async function importedReport(files: InputFile[]): Promise<{ report: Report | null; problems: string[]; plan: Awaited<ReturnType<ReturnType<typeof createImportApi>['analyse']>>['plan'] }> {
  const api = createImportApi();
  const { plan } = await api.analyse(files);
  const built = await api.build(plan);
  if (!built.ok) return { report: null, problems: built.problems, plan };
  const { pkg } = await loadPackage(memorySource('imported', built.files));
  return { report: computeReport(pkg!, { year: null }), problems: built.problems, plan };
}

function expectSameFigures(a: Report, b: Report): void {
  expect(a.population).toBe(b.population);
  for (const [metric, value] of Object.entries(b.metrics)) {
    const got = a.metrics[metric as keyof Report['metrics']];
    if (value === null) expect(got).toBeNull();
    else expect(Math.abs((got ?? NaN) - value), metric).toBeLessThan(0.001); // 0.1 pp
  }
}

describe('import', () => {
  it.each(['xom_vn2000.zip', 'xom_vn2000_towgs84.zip'])('a VN-2000 Shapefile of the hamlets (%s) gives the sample figures', async (zip) => {
    const { report, problems, plan } = await importedReport([file(FIXTURES, zip), ...sampleFiles()]);
    const hamlets = plan.layers.find((l) => l.role === 'hamlets');
    expect(hamlets?.columns).toMatchObject({ id: 'MA_XOM', name: 'TEN_XOM', population: 'DAN_SO', households: 'SO_HO', adults: 'NGUOI_LON', esign_adults: 'CHU_KY_SO' });
    expect(hamlets?.crs).toBe('VN-2000 / TM-3 106-30');
    expect(hamlets?.crsGuessed).toBe(false);
    expect(problems.filter((p) => p.startsWith('error'))).toEqual([]);
    expectSameFigures(report!, await sampleReport());
  });

  it('applies the VN-2000 shift that the ESRI .prj leaves out', async () => {
    const zip = file(FIXTURES, 'xom_vn2000.zip');
    const api = createImportApi();
    const built = await api.build((await api.analyse([zip, ...sampleFiles()])).plan);
    const firstVertex = (text: string): [number, number] => JSON.parse(text).features[0].geometry.coordinates[0][0];
    const sample = firstVertex(readFileSync(`${SAMPLE}/hamlets.geojson`, 'utf8'));
    const imported = firstVertex(new TextDecoder().decode(built.files['hamlets.geojson']));
    expect(Math.hypot(imported[0] - sample[0], imported[1] - sample[1])).toBeLessThan(1e-6);
    // Taken at its word (proj4 on the .prj, as shpjs would do), the file lands ~220 m away.
    const { layers } = readFiles([zip]);
    const prj = new TextDecoder().decode(unzipSync(zip.bytes)['xom_vn2000.prj']);
    const raw = (layers[0]!.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    const naive = proj4(prj, 'EPSG:4326').forward([raw[0]!, raw[1]!]);
    expect(Math.hypot(naive[0]! - sample[0], naive[1]! - sample[1])).toBeGreaterThan(1e-3);
  });

  it('names each file before reading it, so the page can say which one a long wait is for', () => {
    const calls: Array<[number, number, string | null]> = [];
    readFiles([file(FIXTURES, 'xom_vn2000.zip'), ...sampleFiles().slice(0, 2)], (done, total, current) => calls.push([done, total, current]));
    // The zip is read as its parts (.shp with .dbf, .prj…, which are read with it).
    const names = calls.map(([, , current]) => current);
    expect(names[0]).toMatch(/^xom_vn2000\.zip\/xom_vn2000\.\w+$/);
    expect(names.at(-1)).toBeNull();
    expect(names.slice(-3, -1)).toEqual(sampleFiles().slice(0, 2).map((f) => f.name));
    const total = calls[0]![1];
    expect(calls.map(([done]) => done)).toEqual([...Array(total + 1).keys()]);
    expect(calls.every(([, t]) => t === total)).toBe(true);
  });

  it('without a .prj, metres are guessed as the Thái Nguyên VN-2000 zone, flagged, and drawn where the commune is', async () => {
    const entries = unzipSync(file(FIXTURES, 'xom_vn2000.zip').bytes);
    delete entries['xom_vn2000.prj'];
    const api = createImportApi();
    const { plan } = await api.analyse([{ name: 'xom.zip', bytes: zipSync(entries) }, ...sampleFiles()]);
    const index = plan.layers.findIndex((l) => l.role === 'hamlets');
    expect(plan.layers[index]).toMatchObject({ crs: 'VN-2000 / TM-3 106-30', crsGuessed: true });
    const near = await api.preview(plan, index);
    const [lon, lat] = near.shapes[0]![0]!;
    expect(lon).toBeGreaterThan(105.8);
    expect(lon).toBeLessThan(106.1);
    expect(lat).toBeGreaterThan(21.4);
    expect(lat).toBeLessThan(21.8);
    expect((await api.build(plan)).ok).toBe(true);
    // Another zone puts the shapes elsewhere, which the preview shows.
    plan.layers[index]!.crs = 'VN-2000 / TM-3 105-00';
    expect((await api.preview(plan, index)).shapes[0]![0]![0]).toBeLessThan(105);
  });

  it('KMZ hamlets and a CSV of sites with Vietnamese headers give the sample figures', async () => {
    const { report, problems, plan } = await importedReport([file(FIXTURES, 'hamlets.kmz'), file(FIXTURES, 'tram_bts.csv'), ...sampleFiles('sites.csv')]);
    expect(plan.layers.find((l) => l.source.endsWith('tram_bts.csv'))?.columns).toMatchObject({ lon: 'Kinh độ', lat: 'Vĩ độ' });
    expect(problems.filter((p) => p.startsWith('error'))).toEqual([]);
    expectSameFigures(report!, await sampleReport());
  });

  it('a broken file lists its problems with file, feature and field, and yields no package', async () => {
    const api = createImportApi();
    const { plan } = await api.analyse([file(FIXTURES, 'broken_hamlets.geojson'), ...sampleFiles()]);
    const built = await api.build(plan);
    expect(built.ok).toBe(false);
    expect(built.files).toEqual({});
    expect(built.problems).toContainEqual(expect.stringMatching(/^error: hamlets\.geojson feature 0, population: got .5;.*\(made from broken_hamlets\.geojson\)$/));
  });

  it('a zip that is not one names the file', async () => {
    const api = createImportApi();
    const { problems } = await api.analyse([{ name: 'xom.zip', bytes: new TextEncoder().encode('not a zip') }]);
    expect(problems).toContainEqual(expect.stringMatching(/^error: xom\.zip: is not a readable zip archive/));
  });
});
