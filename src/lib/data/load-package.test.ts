// Acceptance: valid packages in their many legitimate shapes load, with the defaults and
// conversions of docs/data-package.md; and every problem is reported, not just the first.
import { describe, expect, it } from 'vitest';
import { hasErrors } from './problems.ts';
import { formatProblem } from './problems.ts';
import { memorySource } from './source.ts';
import { loadPackage } from './load-package.ts';
import { pointList } from '../engine/population.ts';
import {
  AREA,
  baseFiles,
  baseHamlets,
  errorsWith,
  fc,
  feature,
  hamletsWith,
  load,
  pmtilesHeader,
  point,
  polygon,
  sitesCsv,
  SITES_HEADER,
  squareRing,
  warningsWith,
  withFiles,
} from './testkit.ts';

describe('the base package', () => {
  it('loads with no problem and keeps every record in file order', async () => {
    const { pkg, problems } = await load(baseFiles());
    expect(problems.map(formatProblem)).toEqual([]);
    expect(pkg).not.toBeNull();
    expect(pkg!.area).toEqual({
      id: 'test',
      name: 'Xã Thử',
      province: 'Thái Nguyên',
      sample: true,
      notes: 'made up for tests',
      hamlet_coverage_threshold: 0.9,
      indicators: { ipv6_share: { value: 0.62, as_of: '2026-09' }, esign_adult_share: { value: 0.55, as_of: null } },
    });
    expect(pkg!.hamlets.map((h) => h.id)).toEqual(['01', '02', '03']);
    expect(pkg!.cells.map((c) => c.id)).toEqual(['VT001-1', 'VT001-2', 'VT001-3', 'VNP01', 'VT002-1']);
    expect(pkg!.targets.map((t) => t.id)).toEqual(['5g_pop_2026', 'mbb_hamlets']);
    expect(pkg!.coverage.map((c) => c.id)).toEqual(['coverage.geojson#0', 'mf-5g']);
    expect(pkg!.cables).toHaveLength(1);
    expect(pkg!.accessPoints.map((a) => [a.id, a.reach_m, a.max_mbps, a.status])).toEqual([
      ['odp-1', 300, 300, 'on_air'],
      ['odp-2', 500, null, 'on_air'],
    ]);
    expect(pointList(pkg!.population!)).toEqual([
      { lon: 105.805, lat: 21.605, pop: 10 },
      { lon: 105.815, lat: 21.605, pop: 5.5 },
      { lon: 105.825, lat: 21.605, pop: 0 },
    ]);
    expect(pkg!.pois.map((p) => p.id)).toEqual(['hq', 'pois.geojson#1']);
    expect(pkg!.speedtests[1]).toEqual({ lon: 105.815, lat: 21.605, time: '2026-09-02', kind: 'fixed', tech: '', carrier: 'VNPT', down_mbps: 95, up_mbps: null, latency_ms: null });
    expect(pkg!.candidates.map((c) => [c.id, c.kind, c.max_height_m])).toEqual([
      ['c1', 'public_land', 40],
      ['c2', 'other', null],
    ]);
    expect(pkg!.dem).toBeNull();
    expect(pkg!.hasBasemap).toBe(false);
  });

  it('applies the sites defaults: omni, beamwidth 65, status on_air, site_id and name', async () => {
    const { pkg } = await load(baseFiles());
    const omni = pkg!.cells.find((c) => c.id === 'VNP01')!;
    expect(omni).toMatchObject({ azimuth_deg: null, beamwidth_deg: 360, range_m: 1500, status: 'on_air' });
    const csv = sitesCsv([{ id: 'X', site_id: '', name: '', beamwidth_deg: '', status: '' }]);
    const { pkg: p2 } = await load(withFiles({ 'sites.csv': csv }));
    expect(p2!.cells[0]).toMatchObject({ id: 'X', site_id: 'X', name: 'X', beamwidth_deg: 65, status: 'on_air', azimuth_deg: 0 });
  });

  it('takes azimuth modulo 360', async () => {
    const csv = sitesCsv([
      { id: 'a', azimuth_deg: '370' },
      { id: 'b', azimuth_deg: '-10' },
      { id: 'c', azimuth_deg: '360' },
      { id: 'd', azimuth_deg: '-360' },
    ]);
    const { pkg } = await load(withFiles({ 'sites.csv': csv }));
    expect(pkg!.cells.map((c) => c.azimuth_deg)).toEqual([10, 350, 0, 0]);
    expect(Object.is(pkg!.cells[3]!.azimuth_deg, -0)).toBe(false);
  });

  it('defaults the coverage threshold to 0.9 and sample to false', async () => {
    const { hamlet_coverage_threshold: _t, sample: _s, ...rest } = AREA;
    const { pkg } = await load(withFiles({ 'area.json': JSON.stringify(rest) }));
    expect(pkg!.area.hamlet_coverage_threshold).toBe(0.9);
    expect(pkg!.area.sample).toBe(false);
  });
});

describe('accepted forms', () => {
  it('reads a CSV with a BOM and CRLF line ends', async () => {
    const csv = '\uFEFF' + sitesCsv([{ id: 'a' }]).replace(/\n/g, '\r\n');
    const { pkg, problems } = await load(withFiles({ 'sites.csv': csv }));
    expect(problems).toEqual([]);
    expect(pkg!.cells[0]!.id).toBe('a');
  });

  it('reads UTF-16 text with a BOM (Excel "Unicode text")', async () => {
    const text = sitesCsv([{ id: 'a', name: 'Trạm Đồng Kèo' }]);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const { pkg } = await load(withFiles({ 'sites.csv': bytes }));
    expect(pkg!.cells[0]!.name).toBe('Trạm Đồng Kèo');
  });

  it('reads quoted CSV fields holding commas, quotes and line breaks', async () => {
    const csv = 'id,name,carrier,lon,lat,tech\n"a","Trạm ""Đồi Cao"", xóm 3",Viettel,105.805,21.605,4G\nb,"two\nlines",Viettel,105.805,21.605,4G\n';
    const { pkg, problems } = await load(withFiles({ 'sites.csv': csv }));
    expect(problems).toEqual([]);
    expect(pkg!.cells.map((c) => c.name)).toEqual(['Trạm "Đồi Cao", xóm 3', 'two\nlines']);
  });

  it('matches columns by name in any order and any case, trimming cells', async () => {
    const csv = ' TECH , Lat,lon ,Carrier,ID\n 5G , 21.605 ,105.805, Viettel ,a\n';
    const { pkg, problems } = await load(withFiles({ 'sites.csv': csv }));
    expect(problems).toEqual([]);
    expect(pkg!.cells[0]).toMatchObject({ id: 'a', tech: '5G', lat: 21.605, lon: 105.805, carrier: 'Viettel' });
  });

  it('keeps ids that look numeric as text', async () => {
    const csv = 'id,site_id,carrier,lon,lat,tech\n007,0010,Viettel,105.805,21.605,4G\n1e3,1.50,Viettel,105.805,21.605,4G\n';
    const hamlets = hamletsWith(0, { id: '01' });
    const { pkg } = await load(withFiles({ 'sites.csv': csv, 'hamlets.geojson': hamlets }));
    expect(pkg!.cells.map((c) => [c.id, c.site_id])).toEqual([
      ['007', '0010'],
      ['1e3', '1.50'],
    ]);
    expect(pkg!.hamlets[0]!.id).toBe('01');
  });

  it('stores names in NFC when the file has them decomposed (NFD), leaving ids as written', async () => {
    const nfdName = 'Xóm Đồng Kèo'.normalize('NFD');
    const nfdId = 'Đ01'.normalize('NFD');
    const { pkg, problems } = await load(withFiles({ 'hamlets.geojson': hamletsWith(0, { id: nfdId, name: nfdName }) }));
    expect(problems).toEqual([]);
    expect(pkg!.hamlets[0]!.name).toBe('Xóm Đồng Kèo'.normalize('NFC'));
    expect(pkg!.hamlets[0]!.name).not.toBe(nfdName);
    expect(pkg!.hamlets[0]!.id).toBe(nfdId);
  });

  it('writes integer GeoJSON ids in decimal, and falls back to the Feature id', async () => {
    const hamlets = baseHamlets();
    hamlets[0]!.properties = { ...hamlets[0]!.properties, id: 1 };
    delete hamlets[1]!.properties!.id;
    (hamlets[1] as { id?: unknown }).id = 'h-2';
    const { pkg } = await load(withFiles({ 'hamlets.geojson': fc(hamlets) }));
    expect(pkg!.hamlets.map((h) => h.id)).toEqual(['1', 'h-2', '03']);
  });

  it('accepts a header-only sites.csv as "no sites yet", with a warning', async () => {
    const { pkg, problems } = await load(withFiles({ 'sites.csv': `${SITES_HEADER}\n` }));
    expect(problems.map(formatProblem)).toEqual(['sites.csv: has no sites (no rows below the header); 4G and 5G coverage come only from coverage.geojson']);
    expect(pkg!.cells).toEqual([]);
  });

  // Regression: a 0-byte (or truncated-to-nothing) sites.csv read as "no sites".
  it('refuses an empty sites.csv', async () => {
    for (const csv of ['', '\n  \n']) {
      const { pkg, problems } = await load(withFiles({ 'sites.csv': csv }));
      expect(pkg).toBeNull();
      expect(problems.map(formatProblem)).toEqual([
        `sites.csv: the file is empty${csv === '' ? ' (0 bytes)' : ''}; expected a header line (id,carrier,lon,lat,tech, …) and, below it, one row per record`,
      ]);
    }
  });

  it('skips blank records but keeps counting rows', async () => {
    const csv = 'id,carrier,lon,lat,tech\na,Viettel,105.805,21.605,4G\n,,,,\n\nb,Viettel,105.805,121.605,4G\n';
    expect(await errorsWith({ 'sites.csv': csv })).toEqual(['sites.csv row 4, lat: 121.605 is outside −90..90']);
  });

  it('reads sites.geojson', async () => {
    const sites = fc([
      feature({ id: 'g1', site_id: 'G', carrier: 'Viettel', tech: '4G', azimuth_deg: 370, beamwidth_deg: 90, range_m: 800 }, point(105.805, 21.605)),
      feature({ id: 'g2', site_id: 'G', carrier: 'Viettel', tech: '5G', azimuth_deg: null, status: 'candidate' }, point(105.806, 21.606)),
      feature({ id: 'g3', carrier: 'Viettel', tech: '4G', azimuth_deg: '', band_mhz: 900 }, point(105.807, 21.607)),
    ]);
    const { pkg, problems } = await load(withFiles({ 'sites.csv': undefined, 'sites.geojson': sites }));
    expect(problems.map(formatProblem)).toEqual(['sites.geojson feature 0, azimuth_deg: 370 degrees is unusual; usually 0..360 degrees: it is taken modulo 360']);
    expect(pkg!.cells.map((c) => [c.id, c.lon, c.azimuth_deg, c.beamwidth_deg, c.status, c.range_m])).toEqual([
      ['g1', 105.805, 10, 90, 'on_air', 800],
      ['g2', 105.806, null, 360, 'candidate', null],
      ['g3', 105.807, null, 360, 'on_air', null],
    ]);
  });

  it('reads MultiPolygon hamlets with holes, in either ring winding, and stores RFC 7946 winding', async () => {
    const outer = squareRing(105.8, 21.6, 0.01);
    const hole = squareRing(105.803, 21.603, 0.002);
    const clockwise = (ring: number[][]) => [...ring].reverse();
    const hamlets = baseHamlets();
    // Hamlet 01: outer ring clockwise, hole counter-clockwise (the "wrong" winding), plus an island.
    hamlets[0]!.geometry = { type: 'MultiPolygon', coordinates: [[clockwise(outer), hole], [squareRing(105.8, 21.59, 0.005)]] };
    // Hamlet 02: repeated positions are not an error.
    hamlets[1]!.geometry = { type: 'Polygon', coordinates: [[[105.81, 21.6], [105.82, 21.6], [105.82, 21.6], [105.82, 21.61], [105.81, 21.61], [105.81, 21.6]]] };
    const { pkg, problems } = await load(withFiles({ 'hamlets.geojson': fc(hamlets) }));
    expect(problems.map(formatProblem)).toEqual([]);
    const g = pkg!.hamlets[0]!.geometry;
    expect(g.type).toBe('MultiPolygon');
    const signed = (ring: number[][]) => ring.slice(1).reduce((s, p, i) => s + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0);
    const polys = g.type === 'MultiPolygon' ? g.coordinates : [];
    expect(signed(polys[0]![0]!)).toBeGreaterThan(0); // outer: counter-clockwise
    expect(signed(polys[0]![1]!)).toBeLessThan(0); // hole: clockwise
    expect(signed(polys[1]![0]!)).toBeGreaterThan(0);
    expect(pkg!.hamlets[1]!.geometry.coordinates[0]).toHaveLength(5);
  });

  it('tolerates digitising noise between hamlets (overlap under 500 m²)', async () => {
    // Hamlet 02 shifted 0.2 m west: a ~1.1 km × 0.2 m ≈ 230 m² sliver.
    const { problems } = await load(withFiles({ 'hamlets.geojson': hamletsWith(1, {}, polygon(105.809998, 21.6, 0.01)) }));
    expect(problems).toEqual([]);
  });

  it('accepts bare-number indicators and the indicator. prefix', async () => {
    const area = { ...AREA, indicators: { ipv6_share: 0.4, 'indicator.esign_adult_share': { value: 0.3 }, households_online: 812 } };
    const { pkg } = await load(withFiles({ 'area.json': JSON.stringify(area) }));
    expect(pkg!.area.indicators).toEqual({
      ipv6_share: { value: 0.4, as_of: null },
      esign_adult_share: { value: 0.3, as_of: null },
      households_online: { value: 812, as_of: null },
    });
  });

  it('splits a MultiLineString cable into one cable per part', async () => {
    const fiber = fc([feature({ id: 'k', kind: 'cable' }, { type: 'MultiLineString', coordinates: [[[105.8, 21.6], [105.81, 21.6]], [[105.81, 21.6], [105.81, 21.61]]] })]);
    const { pkg } = await load(withFiles({ 'fiber.geojson': fiber }));
    expect(pkg!.cables.map((c) => c.id)).toEqual(['k#0', 'k#1']);
    expect(pkg!.accessPoints).toEqual([]);
  });

  it('treats absent optional files as empty', async () => {
    const files = baseFiles();
    for (const name of ['coverage.geojson', 'fiber.geojson', 'population.geojson', 'pois.geojson', 'speedtests.csv', 'candidates.geojson']) delete files[name];
    const { pkg, problems } = await load(files);
    expect(problems).toEqual([]);
    expect(pkg).toMatchObject({ coverage: [], accessPoints: [], cables: [], population: null, pois: [], speedtests: [], candidates: [], dem: null, hasBasemap: false });
  });

  it('recognises a PMTiles v3 vector basemap from its header', async () => {
    const { pkg, problems } = await load(withFiles({ 'basemap.pmtiles': pmtilesHeader(1) }));
    expect(problems).toEqual([]);
    expect(pkg!.hasBasemap).toBe(true);
  });
});

describe('warnings', () => {
  it('warns once about population points inside no hamlet, with count and weight', async () => {
    const population = fc([feature({ pop: 3 }, point(105.9, 21.605)), feature({ pop: 2 }, point(105.805, 21.605)), feature({ pop: 1.5 }, point(105.7, 21.5))]);
    const { pkg, problems } = await load(withFiles({ 'population.geojson': population }));
    expect(pkg).not.toBeNull();
    expect(problems.map(formatProblem)).toEqual(['population.geojson: 2 of 3 points (weight 4.5) lie inside no hamlet; they are not used']);
  });

  it('counts a weightless point outside every hamlet, not one inside a hamlet', async () => {
    // The engine's index leaves weightless points out; the check still places them.
    const population = fc([feature({ pop: 0 }, point(105.805, 21.605)), feature({ pop: 0 }, point(105.9, 21.605)), feature({ pop: 2 }, point(105.815, 21.605))]);
    const { pkg, problems } = await load(withFiles({ 'population.geojson': population }));
    expect(pkg).not.toBeNull();
    expect(problems.map(formatProblem)).toEqual(['population.geojson: 1 of 3 points (weight 0) lies inside no hamlet; it is not used']);
  });

  it('warns about a planned cell without on_air_year, hamlets of population 0 and unknown columns', async () => {
    const csv = `${SITES_HEADER},colour\n${sitesCsv([{ id: 'a', status: 'planned' }]).split('\n')[1]},red\n`;
    const hamlets = hamletsWith(2, { population: 0, adults: 0, esign_adults: 0, households: 0, ma_xom: 'X3' });
    expect(await warningsWith({ 'sites.csv': csv, 'hamlets.geojson': hamlets })).toEqual([
      'hamlets.geojson feature 2, population: is 0; the hamlet still counts in hamlet shares, by area',
      'hamlets.geojson: unknown property ma_xom ignored',
      'sites.csv: unknown column colour ignored',
      'sites.csv row 1, on_air_year: missing for a planned cell; it will never count as on air',
    ]);
  });

  it('warns when points lie far outside the hamlets (wrong CRS, swapped x/y)', async () => {
    // Easting and northing swapped: still a valid place on Earth (in Indonesia).
    const csv = 'id,carrier,lon,lat,tech,crs\nA,Viettel,2389543,427326,4G,VN-2000 / TM-3 106-30\n';
    const { pkg, problems } = await load(withFiles({ 'sites.csv': csv }));
    expect(pkg).not.toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      'sites.csv: 1 of 1 cell lies more than 20 km outside the hamlets\' extent (first: "A" at 123.26847, 3.69892); wrong coordinate system, or x and y swapped?',
    ]);
  });

  // Regression: a misspelt key inside an indicator object ({"value", "asof"}) was dropped silently.
  it('warns about unknown keys inside an indicator object', async () => {
    const area = { ...AREA, indicators: { ipv6_share: { value: 0.62, asof: '2026-09' } } };
    const { pkg, problems } = await load(withFiles({ 'area.json': JSON.stringify(area) }));
    expect(pkg!.area.indicators.ipv6_share).toEqual({ value: 0.62, as_of: null });
    expect(problems.map(formatProblem)).toEqual(['area.json, indicators.ipv6_share: unknown key asof ignored; expected only "value" and "as_of"']);
  });

  it('warns that population.tif is ignored when population.geojson is present', async () => {
    expect(await warningsWith({ 'population.tif': new Uint8Array([0x49, 0x49]) })).toEqual(['population.tif: is ignored because population.geojson is present']);
  });
});

describe('every problem is reported, not just the first', () => {
  it('reports problems in several files and several rows in one run', async () => {
    const csv = sitesCsv([{ id: 'a', lat: '121.6' }, { id: 'b', tech: 'LTE', beamwidth_deg: '0' }, { id: 'a' }]);
    const hamlets = hamletsWith(0, { population: -1, adults: 'many' });
    const targets = JSON.stringify([{ id: 't', metric: 'pop_share.6g', op: '=', value: 2 }]);
    const { pkg, problems } = await load(withFiles({ 'sites.csv': csv, 'hamlets.geojson': hamlets, 'targets.json': targets, 'pois.geojson': undefined, 'area.json': '{' }));
    expect(pkg).toBeNull();
    expect(hasErrors(problems)).toBe(true);
    expect(problems.map(formatProblem)).toEqual([
      'area.json: is not valid JSON at line 1, column 2: unexpected the end of the file; expected a property name in double quotes',
      'targets.json target 0, metric: got "pop_share.6g", an unknown metric; expected one of pop_share.4g, pop_share.5g, pop_share.mobile_bb, pop_share.fiber, pop_share.fiber_1g, hamlet_share.mobile_bb, hamlet_share.fiber, indicator.ipv6_share, indicator.esign_adult_share',
      'targets.json target 0, op: got "="; expected > or >=',
      'targets.json target 0, value: got 2; expected a share in 0..1 (0.5 means 50%)',
      'targets.json target 0, deadline: missing; expected text',
      'hamlets.geojson feature 0, population: got −1; expected a whole number of people in 0..1 000 000: no Vietnamese commune or ward has a million people; a larger figure is a unit or column mistake',
      'hamlets.geojson feature 0, adults: got "many" (text); expected a whole number of people in 0..1 000 000',
      'sites.csv row 1, lat: 121.6 is outside −90..90',
      'sites.csv row 2, tech: got "LTE"; expected 4G or 5G',
      'sites.csv row 2, beamwidth_deg: got 0 degrees; expected a beamwidth in (0, 360] degrees: 360 degrees is a full turn, an omni cell',
      'sites.csv row 3, id: "a" is also the id of row 1; expected unique ids',
    ]);
  });

  it('turns an I/O failure of the source into a problem', async () => {
    const files = baseFiles();
    const source = memorySource('broken', files);
    const failing = {
      label: 'broken',
      read: async (name: string) => {
        if (name === 'hamlets.geojson') throw new Error('disk on fire');
        return source.read(name);
      },
    };
    const { pkg, problems } = await loadPackage(failing);
    expect(pkg).toBeNull();
    expect(problems.map(formatProblem)).toContain('hamlets.geojson: could not be read from broken: disk on fire');
  });
});
