// .prj WKT → Crs: VN-2000 zones get the official shift whatever the WKT says; others go to proj4.
import { describe, expect, it } from 'vitest';
import { parseCrs } from '../data/crs.ts';
import { crsFromPrj } from './prj.ts';

const GEOG_VN = 'GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const tm = (cm: number, k: number) =>
  `PROJCS["x",${GEOG_VN},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",${k}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('crsFromPrj', () => {
  it('reads a VN-2000 3° zone as the named TM-3 zone, with the datum shift', () => {
    const crs = crsFromPrj(tm(106.5, 0.9999));
    expect(crs?.name).toBe('VN-2000 / TM-3 106-30');
    const [x, y] = parseCrs('EPSG:9213')!.fromWgs84(105.92, 21.61);
    const [lon, lat] = crs!.toWgs84(x, y);
    expect(lon).toBeCloseTo(105.92, 7);
    expect(lat).toBeCloseTo(21.61, 7);
  });

  it('reads a VN-2000 6° zone at 105° as VN-2000 / UTM zone 48N, and any other meridian as a TM zone', () => {
    expect(crsFromPrj(tm(105, 0.9996))?.name).toBe('VN-2000 / UTM zone 48N (EPSG:3405)');
    const odd = crsFromPrj(tm(104.5, 0.9996));
    expect(odd?.name).toBe('VN-2000 / TM (CM 104.5, k 0.9996)');
    const [lon] = odd!.toWgs84(500000, 2390000);
    expect(lon).toBeGreaterThan(104.49);
    expect(lon).toBeLessThan(104.51);
  });

  it('reads VN-2000 geographic and WGS84 geographic', () => {
    expect(crsFromPrj(GEOG_VN)?.name).toBe('VN-2000 (EPSG:4756)');
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')?.isWgs84).toBe(true);
  });

  it('hands other systems to proj4, and says null for text it cannot read', () => {
    const utm = crsFromPrj(
      'PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
    );
    const [lon, lat] = utm!.toWgs84(...(parseCrs('EPSG:32648')!.fromWgs84(105.92, 21.61) as [number, number]));
    expect(lon).toBeCloseTo(105.92, 7);
    expect(lat).toBeCloseTo(21.61, 7);
    expect(crsFromPrj('not a WKT')).toBeNull();
  });
});
