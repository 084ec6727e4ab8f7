import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../data/collector.ts';
import { loadPackage } from '../data/load-package.ts';
import { formatProblem } from '../data/problems.ts';
import { loadSitesCsv } from '../data/sites.ts';
import { memorySource } from '../data/source.ts';
import type { Cell } from '../engine/types.ts';
import { canonicalCandidate, detectFormat, EXCHANGE_FORMATS, exportCandidates, exportFileName, importCandidates } from './exchange.ts';
import type { ExchangeFormat } from './exchange.ts';

/** Strict XML parsing in Node, as a browser's DOMParser would refuse malformed input. */
const parseXml = (text: string): Document => new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'application/xml') as unknown as Document;
const META = { areaName: 'Xã Nam Hoà', scenarioName: 'Phương án 1 & "thử" <B>' };
const FILE: Record<ExchangeFormat, string> = { csv: 'phuong-an.csv', geojson: 'phuong-an.geojson', kml: 'phuong-an.kml' };

function cell(over: Partial<Cell>): Cell {
  return {
    id: 'C1-A',
    site_id: 'C1',
    name: 'Trạm Đồng Kèo',
    carrier: 'Viettel',
    lon: 105.92166900000001,
    lat: 21.611842,
    tech: '4G',
    band_mhz: 1800,
    height_m: 30,
    azimuth_deg: 0,
    beamwidth_deg: 65,
    eirp_dbm: 58.5,
    range_m: null,
    status: 'candidate',
    on_air_year: 2027,
    ...over,
  };
}

/** Canonical candidates that exercise quoting, escaping, formulas and nulls. */
const CELLS: Cell[] = [
  cell({ id: 'C1-A' }),
  cell({ id: 'C1-B', azimuth_deg: 120, tech: '5G', band_mhz: 3500, on_air_year: null }),
  cell({ id: 'C1-C', azimuth_deg: 359.99999999999994, beamwidth_deg: 33.3 }),
  cell({ id: 'O1', site_id: 'O1', name: 'Nhà văn hoá xóm Hoà Bình, "cũ"\nđồi & <suối> \'x\'', azimuth_deg: null, beamwidth_deg: 360, range_m: 1234.5678, band_mhz: null, height_m: null, eirp_dbm: null, lon: -0.000001, lat: -89.99999999999 }),
  cell({ id: '=1+2', site_id: '+SITE', name: '=HYPERLINK("http://x","bấm")', carrier: '@carrier' }),
  cell({ id: '-7', site_id: "'=already", name: "'plain apostrophe", carrier: "'@two", eirp_dbm: 33, lon: -1e-7, lat: 0 }),
  cell({ id: 'T1', site_id: 'T1', name: 'Tab\tinside; CR\rand CRLF\r\nend', carrier: 'VNPT', height_m: 5, range_m: 500, azimuth_deg: 0.5 }),
];

function roundTrip(cells: readonly Cell[], format: ExchangeFormat) {
  return importCandidates(exportCandidates(cells, format, META), FILE[format], { parseXml });
}

describe('export → import round trip', () => {
  it.each(EXCHANGE_FORMATS)('%s gives back deep-equal cells', (format) => {
    const result = roundTrip(CELLS, format);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.cells).toEqual(CELLS);
  });

  // Text the way people type it: Vietnamese, spreadsheet and XML specials, formula starts.
  const text = fc.string({
    unit: fc.constantFrom(...'aZ09 ăâđêôơưÀỹẠệ,;"\'\n\r\t=+-@&<>#/'.split(''), 'Hoà', 'x\u0301'),
    maxLength: 12,
  });
  const number = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const arbitraryCell = fc.record({
    id: text.filter((t) => t.trim() !== ''),
    site_id: text,
    name: text,
    carrier: text.filter((t) => t.trim() !== ''),
    lon: number(-180, 180),
    lat: number(-90, 90),
    tech: fc.constantFrom('4G' as const, '5G' as const),
    band_mhz: fc.option(number(400, 71_000), { nil: null }),
    height_m: fc.option(number(0.01, 700), { nil: null }),
    azimuth_deg: fc.option(number(-720, 720), { nil: null }),
    beamwidth_deg: number(1e-6, 360),
    eirp_dbm: fc.option(number(0, 90), { nil: null }),
    range_m: number(1, 100_000),
    status: fc.constantFrom('candidate' as const, 'on_air' as const, 'planned' as const),
    on_air_year: fc.option(fc.integer({ min: 2019, max: 2100 }), { nil: null }),
  });
  // Distinct ids (after the trim every format's reader applies).
  const cellLists = fc.uniqueArray(arbitraryCell, { maxLength: 6, selector: (c) => c.id.trim() });

  it.each(EXCHANGE_FORMATS)('%s: any cells come back as their canonical form', (format) => {
    fc.assert(
      fc.property(cellLists, (cells) => {
        const result = roundTrip(cells, format);
        expect(result.problems).toEqual([]);
        expect(result.cells).toEqual(cells.map(canonicalCandidate));
      }),
      { numRuns: 150 },
    );
  });

  it('canonical form is stable: canonical cells are exported and read back unchanged', () => {
    for (const c of CELLS) expect(canonicalCandidate(c)).toEqual(c);
  });
});

describe('CSV export', () => {
  const csv = exportCandidates(CELLS, 'csv', META);

  it('starts with the BOM, has the spec columns in order and CRLF line ends', () => {
    expect(csv.startsWith('\uFEFFid,site_id,name,carrier,lon,lat,tech,band_mhz,height_m,azimuth_deg,beamwidth_deg,eirp_dbm,range_m,status,on_air_year\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
    expect(csv).toContain('\r\nC1-B,C1,Trạm Đồng Kèo,Viettel,105.92166900000001,21.611842,5G,3500,30,120,65,58.5,,candidate,\r\n');
  });

  it('guards formula-looking text cells with an apostrophe, not numbers', () => {
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const byId = (id: string) => rows.find((r) => r[0] === id);
    expect(byId("'=1+2")?.slice(0, 4)).toEqual(["'=1+2", "'+SITE", '\'=HYPERLINK("http://x","bấm")', "'@carrier"]);
    expect(byId("'-7")?.slice(0, 4)).toEqual(["'-7", "''=already", "'plain apostrophe", "''@two"]);
    // A negative longitude is a number: never prefixed.
    expect(byId("'-7")?.[4]).toBe('-1e-7');
    // Nothing a spreadsheet would run is left in any text cell.
    for (const row of rows.slice(1)) for (const text of row.slice(0, 4)) expect(text).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("is accepted as is by the package's own sites.csv loader", () => {
    const problems = new ProblemList();
    const cells = loadSitesCsv(csv, problems.forFile('sites.csv'), null);
    expect(problems.items.map(formatProblem)).toEqual([]);
    expect(cells).toHaveLength(CELLS.length);
  });

  it('dropped into a copy of the sample package as its sites (status on_air), loads with loadPackage', async () => {
    const dir = join(import.meta.dirname, '../../../data/namhoa');
    const files: Record<string, Uint8Array> = {};
    for (const name of readdirSync(dir)) files[name] = readFileSync(join(dir, name));
    const sample = Papa.parse<Record<string, string>>(new TextDecoder().decode(files['sites.csv']), { header: true, skipEmptyLines: true }).data;
    // Candidates placed inside the commune, as a planner would.
    const placed = CELLS.map((c, i) => ({ ...c, id: `NEW-${i}`, lon: 105.92 + i * 0.001, lat: 21.61 }));
    const exported = Papa.parse<Record<string, string>>(exportCandidates(placed, 'csv', META).slice(1), { header: true, skipEmptyLines: true }).data;
    const merged = Papa.unparse([...sample, ...exported.map((r) => ({ ...r, status: 'on_air' }))], { newline: '\r\n' });
    const { pkg, problems } = await loadPackage(memorySource('sample copy', { ...files, 'sites.csv': `\uFEFF${merged}` }));
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(pkg?.cells).toHaveLength(sample.length + placed.length);
    const added = pkg!.cells.slice(sample.length);
    expect(added.map((c) => c.status)).toEqual(placed.map(() => 'on_air'));
    // The guard apostrophe is visible to the plain package loader: that is what keeps Excel safe.
    expect(added.map((c) => c.name)).toEqual(placed.map((c) => (/^'*[=+\-@]/.test(c.name) ? `'${c.name}` : c.name)));
  });
});

describe('GeoJSON export', () => {
  it('is a FeatureCollection of Points with the sites fields as properties', () => {
    const parsed = JSON.parse(exportCandidates(CELLS.slice(3, 4), 'geojson', META)) as GeoJSON.FeatureCollection<GeoJSON.Point>;
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [-0.000001, -89.99999999999] });
    expect(parsed.features[0]?.properties).toEqual({
      id: 'O1', site_id: 'O1', name: CELLS[3]!.name, carrier: 'Viettel', tech: '4G', band_mhz: null, height_m: null,
      azimuth_deg: null, beamwidth_deg: 360, eirp_dbm: null, range_m: 1234.5678, status: 'candidate', on_air_year: 2027,
    });
  });
});

describe('KML export', () => {
  const text = exportCandidates(CELLS, 'kml', META);
  const doc = parseXml(text);
  const all = (el: Document | Element, tag: string) => Array.from(el.getElementsByTagName(tag));

  it('is well-formed KML 2.2 with a Document named after the scenario and a style per technology', () => {
    expect(doc.documentElement.namespaceURI).toBe('http://www.opengis.net/kml/2.2');
    const document = all(doc, 'Document')[0]!;
    expect(document.getElementsByTagName('name')[0]?.textContent).toBe(META.scenarioName);
    const styleIds = all(doc, 'Style').map((s) => s.getAttribute('id'));
    expect(styleIds).toEqual(expect.arrayContaining(['tech-4G', 'tech-5G']));
    const colors = new Set(all(doc, 'Style').slice(0, 2).map((s) => s.getElementsByTagName('color')[0]?.textContent));
    expect(colors.size).toBe(2);
  });

  it('groups each site in a Folder with one visible pin labelled with the site name', () => {
    const folders = all(doc, 'Folder');
    expect(folders.map((f) => f.getElementsByTagName('name')[0]?.textContent)).toEqual([
      'Trạm Đồng Kèo (C1)', `${CELLS[3]!.name} (O1)`, '=HYPERLINK("http://x","bấm") (+SITE)', "'plain apostrophe ('=already)", `${CELLS[6]!.name} (T1)`,
    ]);
    const first = folders[0]!;
    const placemarks = Array.from(first.getElementsByTagName('Placemark'));
    expect(placemarks.map((p) => p.getElementsByTagName('styleUrl')[0]?.textContent)).toEqual(['#tech-5G', '#sector-under-pin', '#sector-under-pin']);
    expect(placemarks[0]?.getElementsByTagName('name')[0]?.textContent).toBe('Trạm Đồng Kèo');
    // The pin's balloon lists every cell of the site.
    const description = placemarks[0]?.getElementsByTagName('description')[0]?.textContent ?? '';
    for (const id of ['C1-A', 'C1-B', 'C1-C']) expect(description).toContain(`<td>${id}</td>`);
  });

  it('holds every sites.csv field in ExtendedData, text escaped for XML and HTML', () => {
    const placemark = all(doc, 'Placemark')[3]!;
    const data = Object.fromEntries(Array.from(placemark.getElementsByTagName('Data')).map((d) => [d.getAttribute('name'), d.getElementsByTagName('value')[0]?.textContent]));
    expect(Object.keys(data)).toEqual(['id', 'site_id', 'name', 'carrier', 'lon', 'lat', 'tech', 'band_mhz', 'height_m', 'azimuth_deg', 'beamwidth_deg', 'eirp_dbm', 'range_m', 'status', 'on_air_year']);
    expect(data.name).toBe(CELLS[3]!.name);
    expect(data.band_mhz).toBe('');
    expect(placemark.getElementsByTagName('description')[0]?.textContent).toContain('&quot;cũ&quot;<br>đồi &amp; &lt;suối&gt;');
  });

  it('replaces code points XML cannot hold instead of writing a broken file', () => {
    const out = exportCandidates([cell({ name: 'bell\u0007 and \uD800 lone' })], 'kml', META);
    const read = importCandidates(out, 'x.kml', { parseXml });
    expect(read.cells[0]?.name).toBe('bell\uFFFD and \uFFFD lone');
  });
});

describe('import', () => {
  it('recognises the format by name, then by content', () => {
    expect(detectFormat('{}', 'a.JSON')).toBe('geojson');
    expect(detectFormat('<kml/>', 'Sites.KML')).toBe('kml');
    expect(detectFormat('\uFEFF  <?xml version="1.0"?><kml/>', 'download')).toBe('kml');
    expect(detectFormat(' {"type":"FeatureCollection"}', 'download')).toBe('geojson');
    expect(detectFormat('id,carrier', 'download')).toBe('csv');
    expect(importCandidates('PK', 'sites.kmz').problems).toEqual([expect.stringMatching(/^sites\.kmz: is a KMZ .*expected KML, CSV or GeoJSON/)]);
  });

  it('reads a hand-made CSV (no BOM, columns reordered) and makes every cell a candidate', () => {
    const text = 'carrier,id,tech,lat,lon,status,range_m,on_air_year\nMobiFone,M1,4G,21.6,105.9,on_air,800,\nMobiFone,M2,5G,21.61,105.91,planned,500,2027\n';
    const result = importCandidates(text, 'mobifone.csv');
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual(['mobifone.csv, status: 2 of 2 cells were on_air, planned; imported as candidates']);
    expect(result.cells.map((c) => [c.id, c.status, c.on_air_year, c.beamwidth_deg])).toEqual([['M1', 'candidate', null, 360], ['M2', 'candidate', 2027, 360]]);
  });

  it('a broken CSV gives no cells and every problem with row and field', () => {
    const broken = exportCandidates(CELLS.slice(0, 3), 'csv', META)
      .replace('21.611842,5G', '121.6,6G')
      .replace('\r\nC1-C,C1,Trạm Đồng Kèo,Viettel,', '\r\nC1-C,C1,Trạm Đồng Kèo,,');
    const result = importCandidates(broken, 'gửi nhà mạng.csv');
    expect(result.cells).toEqual([]);
    expect(result.problems).toEqual([
      'gửi nhà mạng.csv row 2, lat: 121.6 is outside −90..90',
      'gửi nhà mạng.csv row 2, tech: got "6G"; expected 4G or 5G',
      "gửi nhà mạng.csv row 3, carrier: missing; expected the carrier's name, e.g. Viettel",
    ]);
  });

  it('a broken GeoJSON names the feature and field', () => {
    const parsed = JSON.parse(exportCandidates(CELLS.slice(0, 2), 'geojson', META)) as { features: { properties: Record<string, unknown> }[] };
    parsed.features[1]!.properties.height_m = 'cao';
    parsed.features[0]!.properties.id = 'C1-B';
    const result = importCandidates(JSON.stringify(parsed), 'a.geojson');
    expect(result.cells).toEqual([]);
    expect(result.problems).toEqual([
      'a.geojson feature 1, id: "C1-B" is also the id of feature 0; expected unique ids',
      'a.geojson feature 1, height_m: got "cao" (text); expected an antenna height above ground in (0, 700] m',
    ]);
  });

  it('a broken KML names the placemark and field; malformed XML and other XML are refused', () => {
    const good = exportCandidates(CELLS.slice(0, 2), 'kml', META);
    const badLat = good.replace('<Data name="beamwidth_deg"><value>65</value></Data>', '<Data name="beamwidth_deg"><value>rộng</value></Data>');
    const line = good.replace(/<Point><coordinates>[^<]*<\/coordinates><\/Point>/, '<LineString><coordinates>105,21 106,22</coordinates></LineString>');
    expect(importCandidates(badLat, 'b.kml', { parseXml }).problems).toEqual(['b.kml placemark 1, beamwidth_deg: got "rộng"; expected a beamwidth in (0, 360] degrees']);
    expect(importCandidates(line, 'b.kml', { parseXml }).problems).toEqual(['b.kml placemark 1, geometry: got a LineString; expected a Point']);
    const malformed = importCandidates(good.replace('</Document>', ''), 'b.kml', { parseXml });
    expect(malformed.cells).toEqual([]);
    expect(malformed.problems).toEqual([expect.stringMatching(/^b\.kml: is not well-formed XML \(.+\); expected a KML 2\.2 document$/)]);
    expect(importCandidates('<gpx></gpx>', 'b.kml', { parseXml }).problems).toEqual(['b.kml: has a <gpx> root element; expected a KML document (<kml>)']);
  });

  it('KML: a pin dragged in Google Earth moves the cell (the Point wins over the lon/lat data)', () => {
    const moved = exportCandidates(CELLS.slice(3, 4), 'kml', META).replace('<coordinates>-0.000001,-89.99999999999</coordinates>', '<coordinates>105.9,21.6,0</coordinates>');
    const result = importCandidates(moved, 'moved.kml', { parseXml });
    expect(result.cells.map((c) => [c.lon, c.lat])).toEqual([[105.9, 21.6]]);
  });

  it('KML from another tool: the placemark name is the cell name when there is no name data', () => {
    const text = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Trạm mới</name>
      <ExtendedData><Data name="id"><value>N1</value></Data><Data name="carrier"><value>Viettel</value></Data><Data name="tech"><value>4G</value></Data>
      <Data name="range_m"><value>700</value></Data></ExtendedData><Point><coordinates>105.91,21.62</coordinates></Point></Placemark></Document></kml>`;
    const result = importCandidates(text, 'other.kml', { parseXml });
    expect(result.problems).toEqual([]);
    expect(result.cells).toEqual([{ id: 'N1', site_id: 'N1', name: 'Trạm mới', carrier: 'Viettel', lon: 105.91, lat: 21.62, tech: '4G', band_mhz: null, height_m: null, azimuth_deg: null, beamwidth_deg: 360, eirp_dbm: null, range_m: 700, status: 'candidate', on_air_year: null }]);
  });

  it('an empty export imports as no cells, with a warning', () => {
    for (const format of EXCHANGE_FORMATS) {
      const result = roundTrip([], format);
      expect(result.cells).toEqual([]);
      expect(result.problems).toEqual([]);
      expect(result.warnings).toContain(`${FILE[format]}: has no cells; expected at least one candidate`);
    }
  });
});

it('names the download after the area and scenario, without characters Windows forbids', () => {
  expect(exportFileName({ areaName: 'Xã Nam Hoà', scenarioName: 'PA 1/2: "thử"?' }, 'kml')).toBe('Xã Nam Hoà – PA 1_2_ _thử_.kml');
});
