// Coordinate systems. Reference values come from PROJ 9.1 (Debian proj-bin), which uses
// EPSG's own VN-2000 → WGS 84 transformation (EPSG:6960), made with:
//   echo "21.6 105.8" | cs2cs -d 9 EPSG:4326 EPSG:9213   → 427326.244556003 2389543.189033159
//   echo "21.6 105.8" | cs2cs -d 9 EPSG:4326 EPSG:3405   → 582612.003352409 2388874.254158671
//   echo "21.6 105.8" | cs2cs -d 9 EPSG:4326 EPSG:9211   → 479096.632512536 2389392.868185906
//   echo "21.6 105.8" | cs2cs -d 9 EPSG:4326 EPSG:4756   → 21.600982880 105.798109861 (lat lon)
// Agreement to ~1e-8° (1 mm) also confirms the +towgs84 sign convention (position vector).
import { describe, expect, it } from 'vitest';
import { crsFromGeoJsonMember, parseCrs, vn2000Tm3 } from './crs.ts';
import { fc, feature, load, withFiles, baseHamlets } from './testkit.ts';
import type { Feature, Polygon } from 'geojson';
import { formatProblem } from './problems.ts';

const LON = 105.8;
const LAT = 21.6;
const DEG_1MM = 1e-8;

describe('parseCrs', () => {
  it.each([
    ['VN-2000 / TM-3 106-30', 427326.244556003, 2389543.189033159],
    ["VN-2000 / TM-3 106°30'", 427326.244556003, 2389543.189033159],
    ['vn2000 tm3 106-30', 427326.244556003, 2389543.189033159],
    ['VN-2000 / TM-3 106.5', 427326.244556003, 2389543.189033159],
    ['EPSG:9213', 427326.244556003, 2389543.189033159],
    ['urn:ogc:def:crs:EPSG::9213', 427326.244556003, 2389543.189033159],
    ['EPSG:3405', 582612.003352409, 2388874.254158671],
    ['VN-2000 / UTM zone 48N', 582612.003352409, 2388874.254158671],
    ['http://www.opengis.net/def/crs/EPSG/0/3405', 582612.003352409, 2388874.254158671],
    ['VN-2000 / TM-3 106-00', 479096.632512536, 2389392.868185906],
    ['EPSG:4756', 105.798109861, 21.60098288],
    ['VN-2000', 105.798109861, 21.60098288],
  ])('%s matches PROJ', (name, x, y) => {
    const crs = parseCrs(name);
    expect(crs).not.toBeNull();
    const [lon, lat] = crs!.toWgs84(x, y);
    expect(Math.abs(lon - LON)).toBeLessThan(DEG_1MM);
    expect(Math.abs(lat - LAT)).toBeLessThan(DEG_1MM);
  });

  it.each(['EPSG:4326', 'CRS84', 'urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:EPSG::4326', 'WGS 84'])('%s is WGS84 without conversion', (name) => {
    expect(parseCrs(name)?.isWgs84).toBe(true);
  });

  it.each(['EPSG:2154', 'Hà Nội 72', 'VN-2000 / TM-3 106-75', 'VN-2000 / TM-3 10-30', ''])('%s is unknown', (name) => {
    expect(parseCrs(name)).toBeNull();
  });

  it('names TM-3 zones the EPSG way', () => {
    expect(parseCrs('EPSG:9213')!.name).toBe('VN-2000 / TM-3 106-30');
    expect(parseCrs('VN-2000 / TM-3 zone 482')!.name).toBe('VN-2000 / TM-3 105-00');
    expect(vn2000Tm3(107.75).name).toBe('VN-2000 / TM-3 107-45');
  });

  it('round-trips a point through VN-2000 / TM-3 106-30 within 1 m', () => {
    const crs = parseCrs('VN-2000 / TM-3 106-30')!;
    for (const [lon, lat] of [[105.8, 21.6], [105.65, 21.75], [106.1, 21.45]] as const) {
      const [x, y] = crs.fromWgs84(lon, lat);
      const [lon2, lat2] = crs.toWgs84(x, y);
      const dx = (lon2 - lon) * 111_320 * Math.cos((lat * Math.PI) / 180);
      const dy = (lat2 - lat) * 110_574;
      expect(Math.hypot(dx, dy)).toBeLessThan(1);
    }
  });

  it('reads the GeoJSON crs member in both 2008 forms', () => {
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3405' } }).crs?.name).toBe('VN-2000 / UTM zone 48N (EPSG:3405)');
    expect(crsFromGeoJsonMember({ type: 'EPSG', properties: { code: 4756 } }).crs?.name).toBe('VN-2000 (EPSG:4756)');
    expect(crsFromGeoJsonMember({ type: 'link' }).crs).toBeNull();
  });
});

/** The base hamlets written in VN-2000 / TM-3 106-30 metres. */
function hamletsInTm3(): Feature[] {
  const crs = parseCrs('VN-2000 / TM-3 106-30')!;
  return baseHamlets().map((f) => {
    const g = f.geometry as Polygon;
    return { ...f, geometry: { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(([lon, lat]) => crs.fromWgs84(lon!, lat!))) } } as Feature;
  });
}

describe('VN-2000 input', () => {
  it('converts hamlets declared with a GeoJSON crs member back to the same lon/lat', async () => {
    const hamlets = fc(hamletsInTm3(), { crs: { type: 'name', properties: { name: 'VN-2000 / TM-3 106-30' } } });
    const { pkg, problems } = await load(withFiles({ 'hamlets.geojson': hamlets }));
    expect(problems.map(formatProblem)).toEqual([]);
    const first = pkg!.hamlets[0]!.geometry.coordinates[0]![0] as number[];
    expect(first[0]).toBeCloseTo(105.8, 7);
    expect(first[1]).toBeCloseTo(21.6, 7);
  });

  it('reads the CRS from a sidecar file', async () => {
    const { pkg, problems } = await load(withFiles({ 'hamlets.geojson': fc(hamletsInTm3()), 'hamlets.geojson.crs': 'EPSG:9213\n' }));
    expect(problems).toEqual([]);
    expect((pkg!.hamlets[2]!.geometry.coordinates[0]![2] as number[])[0]).toBeCloseTo(105.83, 7);
  });

  it('rejects a sidecar that contradicts the crs member', async () => {
    const hamlets = fc(hamletsInTm3(), { crs: { type: 'name', properties: { name: 'EPSG:9213' } } });
    const { problems } = await load(withFiles({ 'hamlets.geojson': hamlets, 'hamlets.geojson.crs': 'EPSG:3405' }));
    expect(problems.map(formatProblem)).toEqual([
      'hamlets.geojson, crs: the file declares VN-2000 / TM-3 106-30 but its .crs sidecar says VN-2000 / UTM zone 48N (EPSG:3405); expected one CRS',
    ]);
  });

  it('converts CSV rows with a crs column, row by row, and x/y columns', async () => {
    const crs = parseCrs('EPSG:3405')!;
    const [x, y] = crs.fromWgs84(105.805, 21.605);
    const csv = `id,carrier,x,y,tech,crs\nA,Viettel,${x},${y},4G,EPSG:3405\nB,Viettel,105.806,21.606,4G,\n`;
    const { pkg, problems } = await load(withFiles({ 'sites.csv': csv }));
    expect(problems).toEqual([]);
    expect(pkg!.cells[0]!.lon).toBeCloseTo(105.805, 7);
    expect(pkg!.cells[0]!.lat).toBeCloseTo(21.605, 7);
    expect([pkg!.cells[1]!.lon, pkg!.cells[1]!.lat]).toEqual([105.806, 21.606]);
  });

  it('converts a whole CSV through a sidecar', async () => {
    const crs = parseCrs('VN-2000 / TM-3 106-30')!;
    const [x, y] = crs.fromWgs84(105.815, 21.605);
    const { pkg } = await load(withFiles({ 'speedtests.csv': `lon,lat,time,kind,down_mbps\n${x},${y},2026-09-01,mobile,20\n`, 'speedtests.csv.crs': 'VN-2000 / TM-3 106-30' }));
    expect(pkg!.speedtests[0]!.lon).toBeCloseTo(105.815, 7);
  });

  it('reads VN-2000 geographic (EPSG:4756) points, shifted to WGS84', async () => {
    const pois = fc([feature({ type: 'school', name: 'Trường' }, { type: 'Point', coordinates: [105.798109861, 21.60098288] })], {
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4756' } },
    });
    const { pkg } = await load(withFiles({ 'pois.geojson': pois }));
    expect(pkg!.pois[0]!.lon).toBeCloseTo(105.8, 7);
    expect(pkg!.pois[0]!.lat).toBeCloseTo(21.6, 7);
  });
});
