import { describe, expect, it } from 'vitest';
import { ProblemList } from './collector.ts';
import { parseCrs } from './crs.ts';
import { formatProblem } from './problems.ts';
import { pointList } from '../engine/population.ts';
import type { PopulationPoints } from '../engine/types.ts';
import { loadPackage } from './load-package.ts';
import { fastPopulationCsv, fastPopulationGeoJson, readPopulationFast, type PopulationVectorFile } from './population-fast.ts';
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

const unpacked = (points: PopulationPoints | null) => (points ? pointList(points) : null);

function general(text: string, loader: typeof loadPopulationGeoJson) {
  const problems = new ProblemList();
  const points = loader(text, problems.forFile('population.x'), null);
  return { points: unpacked(points), messages: problems.items.map(formatProblem) };
}

const encode = (text: string) => new TextEncoder().encode(text);
/** A fast path's points as objects (null when it declines). */
const fastGeoJson = (text: string, crs: Parameters<typeof fastPopulationGeoJson>[1] = null) => unpacked(fastPopulationGeoJson(encode(text), crs));
const fastCsv = (text: string, crs: Parameters<typeof fastPopulationCsv>[1] = null) => unpacked(fastPopulationCsv(encode(text), crs));

describe('population fast paths', () => {
  it('read the shape tools write, compact or pretty-printed, to the points the general loader gives', () => {
    const compact = JSON.stringify(JSON.parse(geojson()));
    expect(fastGeoJson(compact)).toEqual(POINTS);
    expect(fastGeoJson(geojson())).toEqual(POINTS);
    expect(fastGeoJson(JSON.stringify(JSON.parse(geojson()), null, '\t').replace(/\n/g, '\r\n'))).toEqual(POINTS);
    // A height is read and dropped, as the general loader does.
    expect(fastGeoJson(compact.replace('[105.805,21.605]', '[105.805, 21.605, 12.5]'))).toEqual(POINTS);
    expect(general(compact.replace('[105.805,21.605]', '[105.805, 21.605, 12.5]'), loadPopulationGeoJson)).toEqual({ points: POINTS, messages: [] });
    // A root member the fast path does not take sends the file down the general path.
    expect(fastGeoJson(geojson({ name: 'population' }))).toBeNull();
    expect(general(geojson({ name: 'population' }), loadPopulationGeoJson)).toEqual({ points: POINTS, messages: [] });
    expect(fastCsv(csv)).toEqual(POINTS);
    expect(fastCsv('pop,lat,lon\n10,21.605,105.805')).toEqual([POINTS[0]]);
    expect(fastCsv('LON, Lat ,pop\n105.805,21.605,0010.0\n')).toEqual([POINTS[0]]);
  });

  it('read every number exactly as Number() reads its text', () => {
    const texts = ['0', '-0', '0.5', '21.605', '105.80512345678912', '1e2', '1E+2', '25e-1', '0.000000000000000000000001234', '123456789012345678', '1.7976931348623157e308', '4.9e-324', '99.99999999999999', '1.5e-10'];
    // Random coordinates as JavaScript writes them (shortest round trip, up to 17 digits).
    for (let i = 0; i < 300; i++) texts.push(String(100 + Math.random() * 10), String(Math.random() * 30), String(Math.random() * 1e-3));
    // Each text in every slot where its value is valid, 1 elsewhere.
    const within = (t: string, limit: number) => (Math.abs(Number(t)) <= limit ? t : '1');
    for (const t of texts) {
      const [lon, lat, pop] = [within(t, 180), within(t, 90), within(t.replace(/^-/, ''), 20_000)];
      const read = fastPopulationGeoJson(encode(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"pop":${pop}},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}]}`), null);
      expect([read?.lon[0], read?.lat[0], read?.pop[0]], t).toEqual([Number(lon), Number(lat), Number(pop)]);
      expect(Object.is(read?.lon[0], Number(lon)), t).toBe(true);
    }
    expect(Object.is(fastPopulationCsv(encode('lon,lat,pop\n-0,-0.0,0\n'), null)?.lon[0], -0)).toBe(true);
  });

  it('take a weight or a position exactly when the general loader has nothing to say about it', () => {
    const weights = ['0', '-0', '1e-300', '5.5', '19999.999', '20000', '20000.001', '1e6', '-1e-9', '1e400'];
    const positions = [[180, 90], [-180, -90], [180.0000001, 21], [105, -90.0000001], [0, 0]];
    for (const pop of weights) {
      for (const [lon, lat] of positions) {
        const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"pop":${pop}},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}]}`;
        const { messages } = general(text, loadPopulationGeoJson);
        expect(fastPopulationGeoJson(encode(text), null) !== null, `${pop} at ${lon}, ${lat}: ${messages.join('; ')}`).toBe(messages.length === 0);
      }
    }
  });

  it('give up on anything that needs a message or another reading', () => {
    const one = (props: Record<string, unknown>, lon = 105.8, lat = 21.6, extra = {}) => fc([feature(props, point(lon, lat))], extra);
    expect(fastGeoJson(one({ pop: 10 }))).toHaveLength(1);
    expect(fastGeoJson(one({ pop: 30_000 }))).toBeNull(); // unusual: a warning
    expect(fastGeoJson(one({ pop: -1 }))).toBeNull();
    expect(fastGeoJson(one({ pop: '10' }))).toBeNull();
    expect(fastGeoJson(one({ pop: 10, id: 'a' }))).toBeNull();
    expect(fastGeoJson(one({ pop: 10 }, 205.8))).toBeNull();
    expect(fastGeoJson(one({ pop: 10 }, 105.8, 21.6, { crs: { type: 'name', properties: { name: 'EPSG:4326' } } }))).toBeNull();
    expect(fastGeoJson(`${one({ pop: 10 })}x`)).toBeNull();
    expect(fastGeoJson(one({ pop: 10 }).replace(/\]\s*\}\s*$/, ''))).toBeNull();
    // Not JSON numbers: a leading zero, a bare point, a missing exponent.
    for (const bad of ['010', '.5', '5.', '1e', '+1', '1e+']) expect(fastGeoJson(one({ pop: 10 }).replace('"pop": 10', `"pop": ${bad}`)), bad).toBeNull();
    // A non-ASCII byte (here in a name the general loader would warn about) and a NUL.
    expect(fastGeoJson(one({ pop: 10, 'tên': 'x' }))).toBeNull();
    expect(fastGeoJson(one({ pop: 10 }).replace('"Point"', '"Point\u0000"'))).toBeNull();
    expect(fastGeoJson('{"type":"FeatureCollection","features":[]}')).toBeNull();
    expect(fastCsv('lon,lat,pop\n105.8,21.6,10\n\n105.9,21.6,1\n')).toBeNull();
    expect(fastCsv('lon,lat,pop,name\n105.8,21.6,10,a\n')).toBeNull();
    expect(fastCsv('lon,lat,pop\n"105.8",21.6,10\n')).toBeNull();
    expect(fastCsv('lon,lat,pop\n105.8, 21.6,10\n')).toBeNull();
    expect(fastCsv('lon,lat,pop\n105.8,21.6,10\r\r\n')).toBeNull();
    expect(fastCsv('lon,lat,pop\n105.8,91.6,10\n')).toBeNull();
    expect(fastCsv('lon,lat,pop\n')).toBeNull();
    expect(fastCsv('lon,lat,pop')).toBeNull();
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
    const fast = fastCsv(text, crs);
    const problems = new ProblemList();
    const slow = loadPopulationCsv(text, problems.forFile('population.csv'), crs);
    expect(problems.items).toEqual([]);
    expect(fast).toEqual(unpacked(slow));
    expect(fast?.[0]?.lon).toBeCloseTo(105.8, 7);
    expect(fast?.[0]?.lat).toBeCloseTo(21.6, 7);
  });
});

describe('population.csv in a package', () => {
  it('is read when there is no population.geojson, and gives the same package', async () => {
    const fromGeoJson = await load(withFiles({}));
    const fromCsv = await load(withFiles({ 'population.geojson': undefined, 'population.csv': csv }));
    expect(fromCsv.problems).toEqual(fromGeoJson.problems);
    expect(pointList(fromCsv.pkg!.population!)).toEqual(POINTS);
    expect(fromCsv.pkg?.population).toEqual(fromGeoJson.pkg?.population);
  });

  it('takes a .crs sidecar, and names the file and row of a bad point', async () => {
    expect(await errorsWith({ 'population.geojson': undefined, 'population.csv': 'lon,lat,pop\n105.8,21.6,abc\n' })).toEqual([
      'population.csv row 1, pop: got "abc"; expected a population weight in 0..1 000 000',
    ]);
    const crs = parseCrs('VN-2000 / TM-3 106-30')!;
    const [x, y] = crs.fromWgs84(105.805, 21.605);
    const { pkg } = await load(withFiles({ 'population.geojson': undefined, 'population.csv': `x,y,pop\n${x},${y},3\n`, 'population.csv.crs': 'EPSG:9213\n' }));
    expect(pkg?.population?.lon[0]).toBeCloseTo(105.805, 7);
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
  // The loader's answer for a package, with a reader that gives `answer` for the population file.
  const loadWith = (files: ReturnType<typeof withFiles>, answer: (name: PopulationVectorFile, bytes: Uint8Array) => Promise<PopulationPoints | null>) =>
    loadPackage(memorySource('p', files), { populationReader: answer });
  const reader = async (name: PopulationVectorFile, bytes: Uint8Array) => readPopulationFast(name, bytes, null);

  it('reads a file as the loader does: a byte-order mark dropped as the text decoder does, then the fast path', () => {
    expect(unpacked(readPopulationFast('population.geojson', encode(geojson()), null))).toEqual(POINTS);
    expect(unpacked(readPopulationFast('population.csv', encode(`\uFEFF${csv}`), null))).toEqual(POINTS);
    // What needs a message is left to the loader.
    expect(readPopulationFast('population.geojson', encode(geojson({ crs: { type: 'name' } })), null)).toBeNull();
    expect(readPopulationFast('population.csv', new Uint8Array([0xff, 0xfe, 0x6c, 0x00]), null)).toBeNull();
  });

  it('gives the loader the same package whether the file was read elsewhere or not', async () => {
    const files = withFiles({ 'population.geojson': geojson() });
    const plain = await load(files);
    const asked: string[] = [];
    const elsewhere = await loadWith(files, async (name, bytes) => {
      asked.push(name);
      return reader(name, bytes);
    });
    expect(asked).toEqual(['population.geojson']);
    expect(pointList(elsewhere.pkg!.population!)).toEqual(POINTS);
    expect(elsewhere).toEqual(plain);
  });

  it('reads the file again itself, with every message, when the reader declines or fails after taking the bytes', async () => {
    const text = fc([feature({ pop: -3 }, point(105.805, 21.605))]);
    const files = withFiles({ 'population.geojson': text });
    const plain = await load(files);
    expect(plain.problems.map(formatProblem)).toContainEqual(expect.stringMatching(/^population\.geojson feature 0, pop: /));
    expect(await loadWith(files, reader)).toEqual(plain);
    expect(await loadWith(files, () => Promise.reject(new Error('worker died')))).toEqual(plain);
    // A reader that moves the buffer away (as a thread does) leaves the loader's bytes empty:
    // the file is read again. One that declines without taking them costs no second read.
    let reads = 0;
    const source = memorySource('p', files);
    const counted = { ...source, read: async (name: string) => (name === 'population.geojson' && reads++, source.read(name)) };
    const taken = await loadPackage(counted, {
      populationReader: async (_name, bytes) => {
        structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
        return null;
      },
    });
    expect(reads).toBe(2);
    expect(taken).toEqual(plain);
    reads = 0;
    expect(await loadPackage(counted, { populationReader: async () => null })).toEqual(plain);
    expect(reads).toBe(1);
  });
});
