// Field defects: every numeric field of every file out of range (too low, too high) and
// of the wrong type; required fields missing; words outside their list; duplicate ids;
// counts that contradict each other; CSV structure.
import type { Corpus, Feature } from './corpus.ts';

type Value = string | number | boolean | null | object;

/** GeoJSON property defects: [file, field, bad values, which features may carry it]. */
const PROPERTY_CASES: [string, string, Value[], (f: Feature) => boolean][] = [
  ['hamlets.geojson', 'population', [-1, 2_000_000, 12.5, '574', null], () => true],
  ['hamlets.geojson', 'households', [-3, 1_500_000, 'many'], () => true],
  ['hamlets.geojson', 'adults', [-1, 'x'], () => true],
  ['hamlets.geojson', 'esign_adults', [-2, true], () => true],
  ['hamlets.geojson', 'name', [null, { vi: 'Xóm' }], () => true],
  ['hamlets.geojson', 'id', [null, { id: 1 }, 1.5], () => true],
  ['coverage.geojson', 'max_mbps', [0, 500_000, '1 Gb/s'], (f) => f.properties.tech === 'fiber'],
  ['coverage.geojson', 'on_air_year', [1800, 2300, 2026.5, '2026'], () => true],
  ['coverage.geojson', 'tech', ['3G', 'FTTH', null], () => true],
  ['coverage.geojson', 'carrier', [null, ['VNPT']], () => true],
  ['coverage.geojson', 'status', ['built'], () => true],
  ['fiber.geojson', 'reach_m', [0, 50_000, '300m'], (f) => f.geometry?.type === 'Point'],
  ['fiber.geojson', 'max_mbps', [-1, 1_000_000, 'fast'], (f) => f.geometry?.type === 'Point'],
  ['fiber.geojson', 'on_air_year', [1500, 2500], (f) => f.geometry?.type === 'Point'],
  ['fiber.geojson', 'status', ['active'], (f) => f.geometry?.type === 'Point'],
  ['fiber.geojson', 'kind', ['splitter', 'cable'], (f) => f.geometry?.type === 'Point'],
  ['fiber.geojson', 'kind', ['duct'], (f) => f.geometry?.type === 'LineString'],
  ['population.geojson', 'pop', [-4, 5_000_000, '4', null], () => true],
  ['candidates.geojson', 'max_height_m', [0, 5000, '40 m'], () => true],
  ['candidates.geojson', 'kind', ['tower'], () => true],
  ['candidates.geojson', 'name', [null], () => true],
  ['candidates.geojson', 'id', [null, [1]], () => true],
  ['pois.geojson', 'type', ['market', null], () => true],
  ['pois.geojson', 'name', [null, ['UBND']], () => true],
];

/** sites.csv and speedtests.csv cell defects: [file, column, bad cells, which rows]. */
const CELL_CASES: [string, string, string[], (row: Record<string, string>) => boolean][] = [
  ['sites.csv', 'lon', ['200', '-181', 'abc', ''], () => true],
  ['sites.csv', 'lat', ['95', '-100', '21,6'], () => true],
  ['sites.csv', 'band_mhz', ['0', '100000', '1800MHz', '9000'], (r) => r.range_m === ''],
  ['sites.csv', 'height_m', ['0', '-5', '5000', 'tall', '1'], (r) => r.range_m === ''],
  ['sites.csv', 'azimuth_deg', ['1000', '-400', 'N'], () => true],
  ['sites.csv', 'beamwidth_deg', ['0', '361', 'wide'], () => true],
  ['sites.csv', 'eirp_dbm', ['-10', '4300', 'max'], () => true],
  ['sites.csv', 'range_m', ['0', '-100', '5e8', '3 km'], () => true],
  ['sites.csv', 'on_air_year', ['1985', '2200', '2020.5', 'soon'], () => true],
  ['sites.csv', 'on_air_year', ['2005'], (r) => r.tech === '4G'],
  ['sites.csv', 'on_air_year', ['2015'], (r) => r.tech === '5G'],
  ['sites.csv', 'tech', ['LTE', '3G', ''], () => true],
  ['sites.csv', 'status', ['live', 'ON_AIR'], () => true],
  ['sites.csv', 'carrier', [''], () => true],
  ['sites.csv', 'id', [''], () => true],
  ['speedtests.csv', 'down_mbps', ['-1', '1e6', 'fast', ''], () => true],
  ['speedtests.csv', 'up_mbps', ['-2', '200000'], () => true],
  ['speedtests.csv', 'latency_ms', ['-1', '1e8', 'slow'], () => true],
  ['speedtests.csv', 'lon', ['500'], () => true],
  ['speedtests.csv', 'lat', ['-95'], () => true],
  ['speedtests.csv', 'time', ['2026-13-01', '2026-02-30T10:00:00+07:00', '1900-01-01', 'yesterday', ''], () => true],
  ['speedtests.csv', 'kind', ['wifi', ''], () => true],
];

function describe(v: Value): string {
  return v === null ? 'missing' : JSON.stringify(v);
}

function checkOf(v: Value): string {
  if (v === null || v === '') return 'missing field';
  if (typeof v === 'number') return 'out of range';
  return 'wrong type or word';
}

export function addFieldDefects(c: Corpus): void {
  for (const [file, field, values, eligible] of PROPERTY_CASES) {
    for (const value of values) {
      const edit = c.featureEdit(file, (f) => {
        if (value === null) delete f.properties[field];
        else f.properties[field] = value;
        // The Feature's own id would stand in for a missing id property.
        if (field === 'id') delete f.id;
      }, eligible);
      c.add(checkOf(value), `${file} ${edit.where}: ${field} ${describe(value)}`, { [file]: edit.text }, { file, where: edit.where, field });
    }
  }
  for (const [file, column, cells, eligible] of CELL_CASES) {
    for (const cell of cells) {
      const edit = c.csvEdit(file, column, cell, eligible);
      const check = cell === '' ? 'missing field' : /^-?[\d.e]+$/.test(cell) ? 'out of range' : 'wrong type or word';
      c.add(check, `${file} ${edit.where}: ${column} ${JSON.stringify(cell)}`, { [file]: edit.text }, { file, where: edit.where, field: column });
    }
  }
  addJsonFiles(c);
  addCrossField(c);
  addDuplicates(c);
  addCsvStructure(c);
}

function addJsonFiles(c: Corpus): void {
  const area = (field: string, value: Value, expectField = field) => {
    const obj = c.json<Record<string, unknown>>('area.json');
    if (value === null) delete obj[field];
    else obj[field] = value;
    c.add(checkOf(value), `area.json: ${field} ${describe(value)}`, { 'area.json': JSON.stringify(obj) }, { file: 'area.json', where: null, field: expectField });
  };
  for (const v of [-0.1, 90, '0.9']) area('hamlet_coverage_threshold', v);
  for (const v of [null, { x: 1 }]) area('id', v);
  area('name', null);
  area('sample', 'yes');
  area('indicators', [0.62]);
  for (const v of [62, -0.1, '62%']) {
    area('indicators', { ipv6_share: { value: v, as_of: '2026-09' } }, 'indicators.ipv6_share.value');
  }
  area('indicators', { esign_adult_share: 55 }, 'indicators.esign_adult_share');

  const targets = c.json<Record<string, unknown>[]>('targets.json');
  const target = (field: string, value: Value) => {
    const list = structuredClone(targets);
    const i = c.int(list.length);
    if (value === null) delete list[i]![field];
    else list[i]![field] = value;
    c.add(checkOf(value), `targets.json target ${i}: ${field} ${describe(value)}`, { 'targets.json': JSON.stringify(list) }, { file: 'targets.json', where: `target ${i}`, field });
  };
  for (const v of [50, -0.5, '0.5', null]) target('value', v);
  for (const v of ['2026', 'Q4/2026', '2201-Q1', null]) target('deadline', v);
  for (const v of ['=>', '<', null]) target('op', v);
  for (const v of ['pop_share.6g', null]) target('metric', v);
  for (const v of [null, { id: 'x' }]) target('id', v);
}

function addCrossField(c: Corpus): void {
  const hamlet = (field: string, value: (p: Record<string, unknown>) => number) => {
    const edit = c.featureEdit('hamlets.geojson', (f) => {
      f.properties[field] = value(f.properties);
    });
    c.add('cross-field', `hamlets.geojson ${edit.where}: ${field} above its bound`, { 'hamlets.geojson': edit.text }, { file: 'hamlets.geojson', where: edit.where, field });
  };
  hamlet('adults', (p) => Number(p.population) + 1 + c.int(100));
  hamlet('households', (p) => Number(p.population) + 1 + c.int(100));
  hamlet('esign_adults', (p) => Number(p.adults) + 1 + c.int(100));
}

function addDuplicates(c: Corpus): void {
  for (const file of ['hamlets.geojson', 'pois.geojson', 'candidates.geojson', 'coverage.geojson', 'fiber.geojson']) {
    const n = c.features(file).length;
    const first = c.int(n - 1);
    const second = first + 1 + c.int(n - first - 1);
    const edit = c.featureEdit(file, (f, all) => {
      f.properties.id = all[first]!.properties.id;
      delete f.id;
      delete all[first]!.id;
    }, () => true, second);
    c.add('duplicate id', `${file} ${edit.where} repeats feature ${first}'s id`, { [file]: edit.text }, { file, where: edit.where, field: 'id' });
  }
  const records = c.csv('sites.csv');
  const a = c.int(records.length - 2) + 1;
  const b = a + 1 + c.int(records.length - a - 1);
  records[b]![0] = records[a]![0]!;
  c.add('duplicate id', `sites.csv row ${b} repeats row ${a}'s id`, { 'sites.csv': `${records.map((r) => r.join(',')).join('\n')}\n` }, { file: 'sites.csv', where: `row ${b}`, field: 'id' });
  const targets = c.json<{ id: string }[]>('targets.json');
  const t = 1 + c.int(targets.length - 1);
  targets[t]!.id = targets[0]!.id;
  c.add('duplicate id', `targets.json target ${t} repeats target 0's id`, { 'targets.json': JSON.stringify(targets) }, { file: 'targets.json', where: `target ${t}`, field: 'id' });
}

function addCsvStructure(c: Corpus): void {
  for (const file of ['sites.csv', 'speedtests.csv']) {
    // Line by line below: one line ending (the sample's files end lines with CRLF).
    const text = c.text(file).replace(/\r\n/g, '\n');
    const [header, ...rest] = text.split('\n');
    const columns = header!.split(',');
    const required = file === 'sites.csv' ? ['id', 'carrier', 'lon', 'lat', 'tech'] : ['lon', 'lat', 'time', 'kind', 'down_mbps'];
    const drop = c.pick(required);
    const keep = columns.map((name, i) => (name === drop ? -1 : i)).filter((i) => i >= 0);
    const dropped = [header!, ...rest].map((line) => (line === '' ? line : keep.map((i) => line.split(',')[i]).join(','))).join('\n');
    c.add('CSV structure', `${file} without its ${drop} column`, { [file]: dropped }, { file, where: null, field: drop });
    const twice = c.pick(columns);
    c.add('CSV structure', `${file} with ${twice} twice in the header`, { [file]: text.replace(header!, `${header},${twice.toUpperCase()}`) }, { file, where: null, field: twice });
    c.add('CSV structure', `${file} separated by semicolons`, { [file]: text.replace(/,/g, ';') }, { file, where: null, field: null });
    const lines = text.split('\n');
    const row = 1 + c.int(lines.length - 2);
    const extra = [...lines];
    extra[row] = `${extra[row]},surplus`;
    c.add('CSV structure', `${file} row ${row} with one field too many`, { [file]: extra.join('\n') }, { file, where: `row ${row}`, field: null });
    const quoted = [...lines];
    quoted[row] = quoted[row]!.replace(',', ',"');
    c.add('CSV structure', `${file} row ${row} opens a quote it never closes`, { [file]: quoted.join('\n') }, { file, where: `row ${row}`, field: null });
  }
}
