// Broken geometry and polygon topology: rings open or too short, crossing, holes outside
// or inside each other, MultiPolygon parts nested or overlapping, hamlets overlapping,
// positions that are not positions, and features of the wrong geometry type; plus the
// sites package written as sites.geojson with broken features, and unknown CRSs.
import { bbox, pointOnFeature } from '@turf/turf';
import type { Feature as GeoJsonFeature, Polygon, Position } from 'geojson';
import type { Corpus, Feature } from './corpus.ts';

/** A closed square ring, counter-clockwise. */
function square(lon: number, lat: number, size: number): Position[] {
  return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]];
}

function shellOf(f: Feature): Position[] {
  return (f.geometry!.coordinates as Position[][])[0]!;
}

/** A point well inside a polygon feature, and a size small enough to stay inside near it. */
function inside(f: Feature): { lon: number; lat: number; size: number } {
  const [lon, lat] = pointOnFeature(f as unknown as GeoJsonFeature<Polygon>).geometry.coordinates as [number, number];
  return { lon, lat, size: 1e-4 };
}

const POLYGON_DEFECTS: [string, (f: Feature, c: Corpus) => void][] = [
  ['outer ring not closed', (f) => void shellOf(f).pop()],
  ['outer ring of 3 positions', (f) => void (f.geometry!.coordinates = [shellOf(f).slice(0, 2).concat([shellOf(f)[0]!])])],
  ['bow tie', (f) => {
    const [w, s, e, n] = bbox(f as unknown as GeoJsonFeature);
    f.geometry!.coordinates = [[[w, s], [e, n], [e, s], [w, n], [w, s]]];
  }],
  ['hole crossing its shell', (f) => {
    const [w, s, e] = bbox(f as unknown as GeoJsonFeature);
    f.geometry!.coordinates = [shellOf(f), square(e - (e - w) / 4, s - 0.001, (e - w) / 2)];
  }],
  ['hole outside its shell', (f) => {
    const [, s, e] = bbox(f as unknown as GeoJsonFeature);
    f.geometry!.coordinates = [shellOf(f), square(e + 0.01, s, 0.001)];
  }],
  ['hole inside another hole', (f) => {
    const p = inside(f);
    f.geometry!.coordinates = [shellOf(f), square(p.lon - 2 * p.size, p.lat - 2 * p.size, 4 * p.size), square(p.lon - p.size, p.lat - p.size, p.size)];
  }],
  ['MultiPolygon part inside another', (f) => {
    const p = inside(f);
    f.geometry = { type: 'MultiPolygon', coordinates: [[shellOf(f)], [square(p.lon - p.size, p.lat - p.size, p.size)]] };
  }],
  ['MultiPolygon parts overlapping', (f) => {
    const [w, s, e, n] = bbox(f as unknown as GeoJsonFeature);
    f.geometry = { type: 'MultiPolygon', coordinates: [[square(w, s, (e - w) * 0.6)], [square(w + (e - w) * 0.3, s + (n - s) * 0.3, (e - w) * 0.6)]] };
  }],
  ['empty polygon', (f) => void (f.geometry!.coordinates = [])],
  ['a Point instead of a polygon', (f) => void (f.geometry = { type: 'Point', coordinates: shellOf(f)[0]! })],
  ['no geometry', (f) => void (f.geometry = null)],
  ['a coordinate written as text', (f) => {
    const ring = shellOf(f);
    ring[1] = [String(ring[1]![0]), ring[1]![1]!] as unknown as Position;
  }],
  ['a latitude past the pole', (f) => void (shellOf(f)[1]![1] = 121.6)],
  ['a GeometryCollection', (f) => void (f.geometry = { type: 'GeometryCollection', coordinates: undefined })],
];

const POINT_DEFECTS: [string, (f: Feature) => void][] = [
  ['a Polygon instead of a Point', (f) => {
    const [lon, lat] = f.geometry!.coordinates as number[];
    f.geometry = { type: 'Polygon', coordinates: [square(lon!, lat!, 0.001)] };
  }],
  ['no geometry', (f) => void (f.geometry = null)],
  ['a longitude of 200', (f) => void ((f.geometry!.coordinates as number[])[0] = 200)],
  ['one coordinate only', (f) => void (f.geometry!.coordinates = [(f.geometry!.coordinates as number[])[0]])],
];

export function addGeometryDefects(c: Corpus): void {
  for (const file of ['hamlets.geojson', 'coverage.geojson']) {
    for (const [name, defect] of POLYGON_DEFECTS) {
      if (file === 'coverage.geojson' && c.random() < 0.5) continue;
      const edit = c.featureEdit(file, (f) => defect(f, c));
      const check = /hole|part/.test(name) ? 'polygon topology' : 'broken geometry';
      c.add(check, `${file} ${edit.where}: ${name}`, { [file]: edit.text }, { file, where: edit.where, field: 'geometry' });
    }
  }
  // A hamlet drawn over its neighbour: the later feature is named.
  const hamlets = c.features('hamlets.geojson');
  const a = c.int(hamlets.length - 1);
  const b = a + 1 + c.int(hamlets.length - a - 1);
  const overlap = c.featureEdit('hamlets.geojson', (f, all) => void (f.geometry = all[a]!.geometry), () => true, b);
  c.add('polygon topology', `hamlets.geojson ${overlap.where} drawn over feature ${a}`, { 'hamlets.geojson': overlap.text }, { file: 'hamlets.geojson', where: overlap.where, field: 'geometry' });

  for (const file of ['pois.geojson', 'candidates.geojson', 'population.geojson', 'fiber.geojson']) {
    for (const [name, defect] of POINT_DEFECTS) {
      if (file === 'fiber.geojson' && name.startsWith('a Polygon')) continue;
      const edit = c.featureEdit(file, defect, (f) => f.geometry?.type === 'Point');
      c.add('broken geometry', `${file} ${edit.where}: ${name}`, { [file]: edit.text }, { file, where: edit.where, field: 'geometry' });
    }
  }
  const cable = c.featureEdit('fiber.geojson', (f) => void (f.geometry!.coordinates = (f.geometry!.coordinates as Position[]).slice(0, 1)), (f) => f.geometry?.type === 'LineString');
  c.add('broken geometry', `fiber.geojson ${cable.where}: a cable of one position`, { 'fiber.geojson': cable.text }, { file: 'fiber.geojson', where: cable.where, field: 'geometry' });
  const polygonFiber = c.featureEdit('fiber.geojson', (f) => void (f.geometry = { type: 'Polygon', coordinates: [square(105.92, 21.61, 0.001)] }));
  c.add('broken geometry', `fiber.geojson ${polygonFiber.where}: a Polygon`, { 'fiber.geojson': polygonFiber.text }, { file: 'fiber.geojson', where: polygonFiber.where, field: 'geometry' });

  addSitesGeoJson(c);
  addCrs(c);
}

/** The sample's sites as sites.geojson (instead of sites.csv), one feature broken. */
function addSitesGeoJson(c: Corpus): void {
  const [header, ...rows] = c.csv('sites.csv');
  const features = rows.map((row) => {
    const p = Object.fromEntries(header!.map((h, i) => [h, row[i] ?? '']));
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) {
      if (k === 'lon' || k === 'lat' || v === '') continue;
      properties[k] = /^-?\d+(\.\d+)?$/.test(v) && !['id', 'site_id', 'name'].includes(k) ? Number(v) : v;
    }
    return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [Number(p.lon), Number(p.lat)] } };
  });
  const defects: [string, string, (f: (typeof features)[number]) => void][] = [
    ['band_mhz', 'band as text', (f) => void (f.properties.band_mhz = '1800')],
    ['eirp_dbm', 'EIRP of 400 dBm', (f) => void (f.properties.eirp_dbm = 400)],
    ['geometry', 'a LineString', (f) => void (f.geometry = { type: 'LineString', coordinates: [[105.9, 21.6], [105.91, 21.6]] } as never)],
    ['tech', 'tech 6G', (f) => void (f.properties.tech = '6G')],
    ['id', 'id true', (f) => void (f.properties.id = true)],
  ];
  for (const [field, name, defect] of defects) {
    const list = structuredClone(features);
    const i = c.int(list.length);
    defect(list[i]!);
    const text = JSON.stringify({ type: 'FeatureCollection', features: list });
    c.add(field === 'geometry' ? 'broken geometry' : 'wrong type or word', `sites.geojson feature ${i}: ${name}`, { 'sites.csv': null, 'sites.geojson': text }, { file: 'sites.geojson', where: `feature ${i}`, field });
  }
}

function addCrs(c: Corpus): void {
  const crs = c.pick(['Hà Nội 72', 'EPSG:2154', 'Lambert 93', '']);
  c.add('coordinate system', `hamlets.geojson.crs says ${JSON.stringify(crs)}`, { 'hamlets.geojson.crs': `${crs}\n` }, { file: 'hamlets.geojson.crs', where: null, field: null });
  c.add('coordinate system', 'sites.csv.crs names an unknown CRS', { 'sites.csv.crs': 'EPSG:27700\n' }, { file: 'sites.csv.crs', where: null, field: null });
  const pois = c.json<Record<string, unknown>>('pois.geojson');
  pois.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } };
  c.add('coordinate system', 'pois.geojson declares an unknown crs', { 'pois.geojson': JSON.stringify(pois) }, { file: 'pois.geojson', where: null, field: 'crs' });
  const records = c.csv('speedtests.csv');
  records[0]!.push('crs');
  const row = 1 + c.int(records.length - 1);
  for (let r = 1; r < records.length; r++) records[r]!.push(r === row ? 'Lambert' : '');
  c.add('coordinate system', `speedtests.csv row ${row} names an unknown crs`, { 'speedtests.csv': `${records.map((r) => r.join(',')).join('\n')}\n` }, { file: 'speedtests.csv', where: `row ${row}`, field: 'crs' });
}
