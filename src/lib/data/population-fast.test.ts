import { describe, expect, it } from 'vitest';
import { ProblemList } from './collector.ts';
import { parseCrs } from './crs.ts';
import { formatProblem } from './problems.ts';
import type { PopulationPoint } from '../engine/types.ts';
import { loadPackage } from './load-package.ts';
import { fastPopulationCsv, fastPopulationGeoJson, packPoints, readPopulationFast, unpackPoints, type PopulationVectorFile } from './population-fast.ts';
import { memorySource } from './source.ts';
import { loadPopulationCsv, loadPopulationGeoJson } from './population.ts';
import { fc, feature, point, warningsWith, errorsWith, load, withFiles } from './testkit.ts';

const POINTS = [
  { lon: 105.805, lat: 21.605, pop: 10 },
  { lon: 105.815, lat: 21.605, pop: 5.5 },
  { lon: 105.825, lat: 21.605, pop: 0 },
];
const geojson = (extra: Record<string, unknown> = {}) => fc(POINTS.map((p) => feature({ pop: p.pop }, point(p.lon, p.lat))), extra);
const csv = `lon,lat,pop\r\n${POINTS.map((p) => `${p.lon},${p.lat},${p.pop}`).join('\r\n')}\r\n`;

function general(text: string, loader: typeof loadPopulationGeoJson) {
  const problems = new ProblemList();
  const points = loader(text, problems.forFile('population.x'), null);
  return { points, messages: problems.items.map(formatProblem) };
}

describe('population fast paths', () => {
  it('read the shape tools write, compact or pretty-printed, to the points the general loader gives', () => {
    const compact = JSON.stringify(JSON.parse(geojson()));
    expect(fastPopulationGeoJson(compact, null)).toEqual(POINTS);
    expect(fastPopulationGeoJson(geojson(), null)).toEqual(POINTS);
    // A root member the fast path does not take sends the file down the general path.
    expect(fastPopulationGeoJson(geojson({ name: 'population' }), null)).toBeNull();
    expect(general(geojson({ name: 'population' }), loadPopulationGeoJson)).toEqual({ points: POINTS, messages: [] });
    expect(fastPopulationCsv(csv, null)).toEqual(POINTS);
    expect(fastPopulationCsv('pop,lat,lon\n10,21.605,105.805', null)).toEqual([POINTS[0]]);
  });

  it('give up on anything that needs a message or another reading', () => {
    const one = (props: Record<string, unknown>, lon = 105.8, lat = 21.6, extra = {}) => fc([feature(props, point(lon, lat))], extra);
    expect(fastPopulationGeoJson(one({ pop: 10 }), null)).toHaveLength(1);
    expect(fastPopulationGeoJson(one({ pop: 30_000 }), null)).toBeNull(); // unusual: a warning
    expect(fastPopulationGeoJson(one({ pop: -1 }), null)).toBeNull();
    expect(fastPopulationGeoJson(one({ pop: '10' }), null)).toBeNull();
    expect(fastPopulationGeoJson(one({ pop: 10, id: 'a' }), null)).toBeNull();
    expect(fastPopulationGeoJson(one({ pop: 10 }, 205.8), null)).toBeNull();
    expect(fastPopulationGeoJson(one({ pop: 10 }, 105.8, 21.6, { crs: { type: 'name', properties: { name: 'EPSG:4326' } } }), null)).toBeNull();
    expect(fastPopulationGeoJson(`${one({ pop: 10 })}x`, null)).toBeNull();
    expect(fastPopulationGeoJson(one({ pop: 10 }).replace(/\]\s*\}\s*$/, ''), null)).toBeNull();
    expect(fastPopulationCsv('lon,lat,pop\n105.8,21.6,10\n\n105.9,21.6,1\n', null)).toBeNull();
    expect(fastPopulationCsv('lon,lat,pop,name\n105.8,21.6,10,a\n', null)).toBeNull();
    expect(fastPopulationCsv('lon,lat,pop\n"105.8",21.6,10\n', null)).toBeNull();
    expect(fastPopulationCsv('lon,lat,pop\n105.8,91.6,10\n', null)).toBeNull();
    expect(fastPopulationCsv('lon,lat,pop\n', null)).toBeNull();
  });

  it('leave every message to the general loader', () => {
    const text = fc([feature({ pop: 10 }, point(105.8, 21.6)), feature({ pop: 10 }, point(105.8, 121.6)), feature({ pop: 30_000 }, point(105.8, 21.6))]);
    // (The package as a whole is refused on the error; the loader still returns the good points.)
    expect(general(text, loadPopulationGeoJson)).toEqual({
      points: [{ lon: 105.8, lat: 21.6, pop: 10 }, { lon: 105.8, lat: 21.6, pop: 30_000 }],
      messages: [
        'population.x feature 1, geometry: lat 121.6 is outside −90..90',
        'population.x feature 2, pop: 30 000 is unusual; usually 0..20 000: a settlement point stands for a house or a cluster of houses, not a town',
      ],
    });
    expect(general('lon,lat,pop\n105.8,21.6,10\n105.8,21.6,-2\n105.8,21.6,\n', loadPopulationCsv)).toEqual({
      points: null,
      messages: [
        'population.x row 2, pop: got −2; expected a population weight in 0..1 000 000: no Vietnamese commune or ward has a million people; a larger figure is a unit or column mistake',
        'population.x row 3, pop: missing; expected a population weight in 0..1 000 000',
      ],
    });
    expect(general('lon,lat,people\n105.8,21.6,10\n', loadPopulationCsv).messages).toEqual([
      'population.x, pop: missing from the header, which has lon, lat, people; expected a pop column',
    ]);
  });

  it('convert x,y in a declared CRS the same way on both paths', () => {
    const crs = parseCrs('VN-2000 / TM-3 106-30')!;
    const [x, y] = crs.fromWgs84(105.8, 21.6);
    const text = `x,y,pop\n${x},${y},4\n`;
    const fast = fastPopulationCsv(text, crs);
    const problems = new ProblemList();
    // A trailing blank line sends the same rows down the general path.
    const slow = loadPopulationCsv(`${text}\n\n`, problems.forFile('population.csv'), crs);
    expect(problems.items).toEqual([]);
    expect(fast).toEqual(slow);
    expect(fast?.[0]?.lon).toBeCloseTo(105.8, 7);
    expect(fast?.[0]?.lat).toBeCloseTo(21.6, 7);
  });
});

describe('population.csv in a package', () => {
  it('is read when there is no population.geojson, and gives the same package', async () => {
    const fromGeoJson = await load(withFiles({}));
    const fromCsv = await load(withFiles({ 'population.geojson': undefined, 'population.csv': csv }));
    expect(fromCsv.problems).toEqual(fromGeoJson.problems);
    expect(fromCsv.pkg?.population).toEqual(POINTS);
    expect(fromCsv.pkg?.population).toEqual(fromGeoJson.pkg?.population);
  });

  it('takes a .crs sidecar, and names the file and row of a bad point', async () => {
    expect(await errorsWith({ 'population.geojson': undefined, 'population.csv': 'lon,lat,pop\n105.8,21.6,abc\n' })).toEqual([
      'population.csv row 1, pop: got "abc"; expected a population weight in 0..1 000 000',
    ]);
    const crs = parseCrs('VN-2000 / TM-3 106-30')!;
    const [x, y] = crs.fromWgs84(105.805, 21.605);
    const { pkg } = await load(withFiles({ 'population.geojson': undefined, 'population.csv': `x,y,pop\n${x},${y},3\n`, 'population.csv.crs': 'EPSG:9213\n' }));
    expect(pkg?.population?.[0]?.lon).toBeCloseTo(105.805, 7);
  });

  it('is ignored with a warning when population.geojson is present, and so is population.tif', async () => {
    expect(await warningsWith({ 'population.csv': csv, 'population.tif': new Uint8Array([0x49, 0x49]) })).toEqual([
      'population.csv: is ignored because population.geojson is present; a package uses one population file (population.geojson, else population.csv, else population.tif)',
      'population.tif: is ignored because population.geojson is present',
    ]);
    expect(await warningsWith({ 'population.geojson': undefined, 'population.csv': csv, 'population.tif': new Uint8Array([0x49, 0x49]) })).toEqual([
      'population.tif: is ignored because population.csv is present',
    ]);
  });
});

describe('points in no hamlet', () => {
  it('are counted with their weight; a point on a shared border is inside, a stray one far away is not', async () => {
    const population = fc([
      feature({ pop: 1 }, point(105.81, 21.605)),
      feature({ pop: 2 }, point(0, 0)),
      feature({ pop: 3 }, point(105.9, 21.6)),
      feature({ pop: 4 }, point(105.83, 21.61)),
    ]);
    expect(await warningsWith({ 'population.geojson': population })).toEqual(['population.geojson: 2 of 4 points (weight 5) lie inside no hamlet; they are not used']);
  });
});

describe('reading the population file elsewhere (the CLI: on a worker thread)', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  // The loader's answer for a package, with a reader that gives `answer` for the population file.
  const loadWith = (files: ReturnType<typeof withFiles>, answer: (name: PopulationVectorFile, bytes: Uint8Array) => Promise<PopulationPoint[] | null>) =>
    loadPackage(memorySource('p', files), { populationReader: answer });

  it('reads a file as the loader does: decoded the same way, then the fast path', () => {
    expect(readPopulationFast('population.geojson', encode(geojson()))).toEqual(POINTS);
    expect(readPopulationFast('population.csv', encode(`\uFEFF${csv}`))).toEqual(POINTS);
    // What needs a message is left to the loader.
    expect(readPopulationFast('population.geojson', encode(geojson({ crs: { type: 'name' } })))).toBeNull();
    expect(readPopulationFast('population.csv', new Uint8Array([0xff, 0xfe, 0x6c, 0x00]))).toBeNull();
  });

  it('packs points into one buffer and back, exactly', () => {
    const points = [...POINTS, { lon: -0.1, lat: 1e-7, pop: 19999.5 }];
    const packed = packPoints(points);
    expect(packed).toBeInstanceOf(Float64Array);
    expect(packed.length).toBe(12);
    expect(unpackPoints(packed)).toEqual(points);
  });

  it('gives the loader the same package whether the file was read elsewhere or not', async () => {
    const files = withFiles({ 'population.geojson': geojson() });
    const plain = await load(files);
    const asked: string[] = [];
    const elsewhere = await loadWith(files, async (name, bytes) => {
      asked.push(name);
      return readPopulationFast(name, bytes);
    });
    expect(asked).toEqual(['population.geojson']);
    expect(elsewhere.pkg?.population).toEqual(POINTS);
    expect(elsewhere).toEqual(plain);
  });

  it('reads the file itself, with every message, when the reader fails or declines', async () => {
    const files = withFiles({ 'population.geojson': fc([feature({ pop: -3 }, point(105.805, 21.605))]) });
    const plain = await load(files);
    expect(plain.problems.map(formatProblem)).toContainEqual(expect.stringMatching(/^population\.geojson feature 0, pop: /));
    expect(await loadWith(files, (name, bytes) => Promise.resolve(readPopulationFast(name, bytes)))).toEqual(plain);
    expect(await loadWith(files, () => Promise.reject(new Error('worker died')))).toEqual(plain);
  });
});
